import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge, fail, ok } from './fake-bridge';
import { account, channel } from './fixtures';
import { booted, renderApp } from './render-app';

const SENTINEL = 'pk_SENTINEL_9f8e7d6c5b4a';

async function openSettings(bridge = new FakeBridge(), accounts = [account()]) {
  const app = renderApp({ accounts, channels: [channel()] }, bridge);
  await booted();
  await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
  return app;
}

describe('accounts and settings', () => {
  it('adds an account: Test connection reports the agents, Save stores it, and the key never reaches the DOM', async () => {
    const bridge = new FakeBridge();
    bridge.handle('accounts:test', () => ok({ agents: 4 }));
    bridge.handle('accounts:add', (input) => ok(account({ accountId: 'new', label: input.label ?? 'placet.test', serverUrl: input.serverUrl, last4: 'ab4a', keyStorage: 'session' })));
    await openSettings(bridge);
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }));
    const form = screen.getByRole('form', { name: 'Add account' });
    await userEvent.type(within(form).getByLabelText('Server URL'), 'https://placet.test');
    const key = within(form).getByLabelText('API key') as HTMLInputElement;
    expect(key.type).toBe('password');
    await userEvent.type(key, SENTINEL);
    await userEvent.type(within(form).getByLabelText('Name (optional)'), 'Test server');
    await userEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(await within(form).findByText('Connection works: 4 agents on this key.')).toBeTruthy();
    expect(bridge.callsOf('accounts:test')).toEqual([{ serverUrl: 'https://placet.test', apiKey: SENTINEL }]);
    expect(document.documentElement.outerHTML).not.toContain(SENTINEL);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(bridge.callsOf('accounts:add')).toEqual([{ serverUrl: 'https://placet.test', apiKey: SENTINEL, label: 'Test server' }]);
    const row = await screen.findByRole('listitem', { name: 'Account Test server' });
    expect(row.textContent).toContain('Key storage: This session only');
    expect(row.textContent).toContain('…ab4a');
    expect(document.documentElement.outerHTML).not.toContain(SENTINEL);
  });

  it.each([
    ['key-rejected', 'The server rejected this API key.'],
    ['unreachable', 'Could not reach the server.'],
    ['tls', 'TLS certificate could not be verified'],
    ['not-placet', 'does not look like a Placet server'],
  ] as const)('explains a %s failure of Test connection specifically', async (code, hint) => {
    const bridge = new FakeBridge();
    bridge.handle('accounts:test', () => fail(code, `detail for ${code}`));
    renderApp({}, bridge);
    await booted();
    await userEvent.type(screen.getByLabelText('Server URL'), 'https://placet.test');
    await userEvent.type(screen.getByLabelText('API key'), SENTINEL);
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(hint);
    expect(alert.textContent).toContain(`detail for ${code}`);
    expect(document.documentElement.outerHTML).not.toContain(SENTINEL);
  });

  it('asks for both fields before calling main', async () => {
    const { bridge } = renderApp({});
    await booted();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Server URL and API key are both needed.');
    expect(bridge.callsOf('accounts:add')).toHaveLength(0);
  });

  it('shows where each key is stored, honestly', async () => {
    await openSettings(new FakeBridge(), [
      account({ accountId: 'a', label: 'One', keyStorage: 'keychain' }),
      account({ accountId: 'b', label: 'Two', keyStorage: 'encrypted-file' }),
      account({ accountId: 'c', label: 'Three', keyStorage: 'session' }),
    ]);
    expect(screen.getByRole('listitem', { name: 'Account One' }).textContent).toContain('Key storage: OS keychain');
    expect(screen.getByRole('listitem', { name: 'Account Two' }).textContent).toContain('Key storage: Encrypted file');
    expect(screen.getByRole('listitem', { name: 'Account Three' }).textContent).toContain('forgotten when the companion quits');
  });

  it('renames, disables, replaces the key of and removes an account', async () => {
    const bridge = new FakeBridge();
    bridge.handle('accounts:update', (input) => ok(account({ label: input.label ?? 'Production', enabled: input.enabled ?? true })));
    bridge.handle('accounts:remove', () => ok({ done: true }));
    await openSettings(bridge);
    let row = screen.getByRole('listitem', { name: 'Account Production' });
    await userEvent.click(within(row).getByRole('button', { name: 'Rename' }));
    const name = within(row).getByLabelText('Account name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Prod EU');
    await userEvent.click(within(row).getByRole('button', { name: 'Apply new name' }));
    row = await screen.findByRole('listitem', { name: 'Account Prod EU' });
    await userEvent.click(within(row).getByRole('button', { name: 'Disable' }));
    expect(bridge.callsOf('accounts:update')[1]).toEqual({ accountId: 'acc1', enabled: false });
    expect(await within(row).findByRole('button', { name: 'Enable' })).toBeTruthy();
    await userEvent.click(within(row).getByRole('button', { name: 'Replace key' }));
    await userEvent.type(within(row).getByLabelText('New API key'), SENTINEL);
    await userEvent.click(within(row).getByRole('button', { name: 'Use this key' }));
    expect(bridge.callsOf('accounts:update')[2]).toEqual({ accountId: 'acc1', apiKey: SENTINEL });
    expect(document.documentElement.outerHTML).not.toContain(SENTINEL);
    await userEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    await userEvent.click(within(row).getByLabelText('Also delete its stored message history'));
    await userEvent.click(within(row).getByRole('button', { name: 'Confirm removal' }));
    expect(bridge.callsOf('accounts:remove')).toEqual([{ accountId: 'acc1', deleteHistory: true }]);
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /Account Prod EU/ })).toBeNull());
  });

  it('saves the reminder ladder, refuses a bad one, and toggles quiet hours and sound', async () => {
    const { bridge } = await openSettings();
    const ladder = screen.getByLabelText('Remind me before a review expires (minutes)');
    expect((ladder as HTMLInputElement).value).toBe('60, 15, 5');
    await userEvent.clear(ladder);
    await userEvent.type(ladder, '5, 120, 30');
    await userEvent.click(screen.getByRole('button', { name: 'Apply reminders' }));
    expect(bridge.callsOf('settings:set')).toEqual([{ reminderLadderMinutes: [120, 30, 5] }]);
    await userEvent.clear(ladder);
    await userEvent.type(ladder, '0, banana');
    await userEvent.click(screen.getByRole('button', { name: 'Apply reminders' }));
    expect((await screen.findByRole('alert')).textContent).toContain('whole number of minutes');
    expect(bridge.callsOf('settings:set')).toHaveLength(1);
    await userEvent.click(screen.getByLabelText('Quiet hours (only critical reminders)'));
    expect(bridge.callsOf('settings:set')[1]).toEqual({ quietHours: { start: '22:00', end: '07:00' } });
    expect(await screen.findByLabelText('From')).toBeTruthy();
    await userEvent.click(screen.getByLabelText('Play a sound with notifications'));
    expect(bridge.callsOf('settings:set')[2]).toEqual({ sound: false });
  });

  it('mutes a channel and switches the theme', async () => {
    const { bridge } = await openSettings();
    await userEvent.click(screen.getByLabelText('Mute Deploy Bot'));
    expect(bridge.callsOf('channels:mute')).toEqual([{ accountId: 'acc1', channelId: 'ch1', muted: true }]);
    await userEvent.click(screen.getByLabelText('Dark'));
    expect(bridge.callsOf('settings:set')).toContainEqual({ theme: 'dark' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });
});

describe('names the end-to-end tests rely on', () => {
  it('has exactly one button whose name contains "Save" while adding an account from Settings', async () => {
    await openSettings();
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }));
    const saves = screen.getAllByRole('button').filter((b) => /save/i.test(b.textContent ?? ''));
    expect(saves.map((b) => b.textContent)).toEqual(['Save']);
    expect(screen.getAllByRole('button').filter((b) => /test connection/i.test(b.textContent ?? ''))).toHaveLength(1);
  });
});
