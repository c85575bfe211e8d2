import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InspectorEntry } from '../../src/shared/domain';
import { FakeBridge, ok } from './fake-bridge';
import { account, T0 } from './fixtures';
import { booted, renderApp } from './render-app';

const entry = (seq: number, over: Partial<InspectorEntry> = {}): InspectorEntry => ({
  seq,
  at: T0 + seq * 1_000,
  accountId: 'acc1',
  direction: 'in',
  event: 'message:created',
  channelId: 'ch1',
  messageId: `m${seq}`,
  valid: true,
  summary: `{"id":"m${seq}"}`,
  ...over,
});

async function openInspector(entries: InspectorEntry[], invalidEvents = 0) {
  const bridge = new FakeBridge();
  bridge.handle('inspector:list', () => ok(entries));
  const app = renderApp({ accounts: [account()], invalidEvents }, bridge);
  await booted();
  await userEvent.click(screen.getByRole('button', { name: 'Inspector' }));
  await screen.findByRole('heading', { name: 'Inspector' });
  return app;
}

const rows = (): HTMLElement[] => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('event inspector', () => {
  it('lists events newest first with the invalid-event count', async () => {
    await openInspector([entry(1), entry(2, { event: 'review:responded', valid: false, error: 'bad payload' })], 7);
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(rows()[0]?.textContent).toContain('review:responded');
    expect(rows()[0]?.textContent).toContain('invalid: bad payload');
    expect(screen.getByRole('heading', { name: 'Inspector' }).parentElement?.textContent).toContain('7 invalid events dropped');
    expect(screen.getByRole('button', { name: /Inspector/ }).getAttribute('aria-describedby')).toBeTruthy();
  });

  it('filters by event name, channel and message id, and by invalid only', async () => {
    await openInspector([entry(1), entry(2, { event: 'review:expired', messageId: 'r9' }), entry(3, { channelId: 'other', valid: false })]);
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('Event'), 'review:expired');
    expect(rows()).toHaveLength(1);
    await userEvent.selectOptions(screen.getByLabelText('Event'), '');
    await userEvent.type(screen.getByLabelText('Channel id'), 'other');
    expect(rows()).toHaveLength(1);
    await userEvent.clear(screen.getByLabelText('Channel id'));
    await userEvent.click(screen.getByLabelText('Invalid only'));
    expect(rows()).toHaveLength(1);
    await userEvent.click(screen.getByLabelText('Invalid only'));
    await userEvent.type(screen.getByLabelText('Message id'), 'r9');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('review:expired');
  });

  it('shows a review lifecycle with timings when a message id is picked', async () => {
    await openInspector([
      entry(1, { event: 'message:created', messageId: 'r1' }),
      entry(5, { event: 'review:responded', messageId: 'r1' }),
      entry(8, { event: 'message:delivery', messageId: 'r1' }),
      entry(9, { event: 'message:created', messageId: 'other' }),
    ]);
    await screen.findByRole('table');
    await userEvent.click(screen.getAllByRole('button', { name: 'r1' })[0] as HTMLElement);
    const life = screen.getByRole('region', { name: 'Lifecycle of message r1' });
    const steps = within(life).getAllByRole('listitem');
    expect(steps.map((s) => s.querySelector('.lifecycle-event')?.textContent)).toEqual(['message:created', 'review:responded', 'message:delivery']);
    expect(steps[1]?.textContent).toContain('(+4s)');
    expect(steps[2]?.textContent).toContain('(+7s)');
  });

  it('pauses the live list and resumes with the events that arrived meanwhile', async () => {
    const { bridge } = await openInspector([entry(1)]);
    await screen.findByRole('table');
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    act(() => bridge.push({ inspector: [entry(2), entry(3)] }));
    expect(rows()).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Resume (2 new)' }));
    expect(rows()).toHaveLength(3);
  });

  it('exports the filtered events as JSONL', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:x';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await openInspector([entry(1), entry(2)]);
    await screen.findByRole('table');
    await userEvent.click(screen.getByRole('button', { name: 'Export JSONL' }));
    expect(click).toHaveBeenCalledOnce();
    const text = await created[0]?.text();
    const lines = text?.trim().split('\n') ?? [];
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ seq: 1, event: 'message:created' });
    click.mockRestore();
  });

  it('has an empty state', async () => {
    await openInspector([]);
    expect(await screen.findByText('No events yet.')).toBeTruthy();
  });
});
