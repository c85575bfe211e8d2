import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ReviewCard } from '../../src/renderer/components/ReviewCard';
import type { ReviewView } from '../../src/shared/domain';
import { iso, review, T0 } from './fixtures';

function card(r: Partial<ReviewView>, iteration: number | null = null, count: number | null = null) {
  const onOpen = vi.fn();
  render(<ReviewCard review={review(r)} iteration={iteration} iterationCount={count} onOpenInPlacet={onOpen} />);
  return { onOpen, el: screen.getByRole('region') };
}

describe('review cards', () => {
  it('approval: shows the options with their styles, a pending pill, a countdown and Open in Placet', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(T0);
    const { el, onOpen } = card({
      type: 'approval',
      payload: { options: [{ id: 'go', label: 'Ship it', style: 'primary' }, { id: 'no', label: 'Stop', style: 'danger' }], allowComment: true },
      expiresAt: iso(T0 + 30 * 60_000),
    });
    expect(el.getAttribute('aria-label')).toBe('Approval review, pending');
    expect(within(el).getByText('Pending')).toBeTruthy();
    expect(within(el).getByText('Ship it').className).toContain('option-primary');
    expect(within(el).getByText('Stop').className).toContain('option-danger');
    expect(el.textContent).toContain('Comment allowed');
    expect(el.textContent).toContain('30m 00s left');
    await userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) }).click(within(el).getByRole('button', { name: 'Open in Placet' }));
    expect(onOpen).toHaveBeenCalledOnce();
  });

  it('approval without options defaults to Approve / Reject; completed shows the choice, comment and when', () => {
    const { el } = card({ type: 'approval', status: 'completed', response: { selectedOption: 'reject', comment: 'Not on a Friday' }, completedAt: iso(T0) });
    expect(within(el).getByText('Completed')).toBeTruthy();
    const answer = within(el).getByLabelText('Response');
    expect(answer.textContent).toContain('Chose Reject');
    expect(answer.textContent).toContain('“Not on a Friday”');
    expect(within(el).queryByRole('button', { name: 'Open in Placet' })).toBeNull();
    expect(el.textContent).not.toMatch(/left$/);
  });

  it('selection: lists items; completed shows the selected labels', () => {
    const { el } = card({
      type: 'selection',
      status: 'completed',
      payload: { mode: 'multi', items: [{ id: 'a', label: 'Alpha', description: 'first' }, { id: 'b', label: 'Beta' }, { id: 'c', label: 'Gamma' }] },
      response: { selectedIds: ['a', 'c'] },
    });
    expect(el.textContent).toContain('Choose any number of:');
    expect(el.textContent).toContain('Alpha — first');
    expect(within(el).getByLabelText('Response').textContent).toContain('Selected: Alpha, Gamma');
  });

  it('form: lists fields with types and placeholders; completed shows values with passwords masked', () => {
    const fields = [
      { name: 'host', type: 'text', label: 'Host', required: true, placeholder: 'db.local' },
      { name: 'secret', type: 'password', label: 'Password' },
      { name: 'replicas', type: 'number', label: 'Replicas', unit: 'pods' },
      { name: 'dryRun', type: 'checkbox', label: 'Dry run' },
    ];
    const { el } = card({ type: 'form', status: 'completed', payload: { fields }, response: { host: 'db1', secret: 'hunter2', replicas: '3', dryRun: false } });
    expect(el.textContent).toContain('Host (required)');
    expect(el.textContent).toContain('“db.local”');
    expect(el.textContent).toContain('pods');
    const answer = within(el).getByLabelText('Response');
    expect(answer.textContent).toContain('db1');
    expect(answer.textContent).toContain('••••••••');
    expect(document.body.textContent).not.toContain('hunter2');
    expect(answer.textContent).toContain('Dry run');
    expect(answer.textContent).toContain('No');
  });

  it('text-input: shows the placeholder; completed shows the text', () => {
    const { el } = card({ type: 'text-input', status: 'completed', payload: { placeholder: 'Release notes' }, response: { text: 'All good' } });
    expect(el.textContent).toContain('Asks for text: “Release notes”');
    expect(within(el).getByLabelText('Response').textContent).toContain('All good');
  });

  it('freeform and unknown types show what the agent sent and the raw response', () => {
    const { el } = card({ type: 'weird-plugin', status: 'completed', payload: { schema: { type: 'object' } }, response: { ok: 1 } });
    expect(el.getAttribute('aria-label')).toBe('Custom (weird-plugin) review, completed');
    expect(el.textContent).toContain('What the agent sent');
    expect(within(el).getByLabelText('Response').textContent).toContain('"ok": 1');
  });

  it('dismissed answers say so', () => {
    const { el } = card({ type: 'selection', status: 'completed', payload: { items: [] }, response: { _dismissed: true } });
    expect(within(el).getByLabelText('Response').textContent).toContain('Dismissed without an answer.');
  });

  it('shows the revision badge and an expired pill, also for a pending review past its deadline', () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(T0);
    const { el } = card({ status: 'pending', expiresAt: iso(T0 - 1_000) }, 2, 3);
    expect(within(el).getByText('Revision 2 of 3')).toBeTruthy();
    expect(within(el).getByText('Expired')).toBeTruthy();
    expect(el.textContent).toContain('without an answer');
    expect(within(el).queryByRole('button', { name: 'Open in Placet' })).toBeNull();
  });
});
