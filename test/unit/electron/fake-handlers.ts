import { vi } from 'vitest';
import { defaultSettings } from '../../../src/shared/domain';
import { invokeChannels, type InvokeChannel } from '../../../src/shared/ipc/contract';
import type { InvokeHandlers } from '../../../src/shared/ipc/dispatch';

const account = {
  accountId: 'a1',
  label: 'Demo',
  serverUrl: 'http://127.0.0.1:1',
  last4: 'abcd',
  enabled: true,
  keyStorage: 'session' as const,
  connection: { status: 'connected' as const, since: 0 },
};
const done = { done: true as const };

const outputs: { [C in InvokeChannel]: Awaited<ReturnType<InvokeHandlers[C]>> } = {
  'app:info': { host: 'electron', version: '0.0.0', demo: false },
  'state:snapshot': { accounts: [], channels: [], reviews: [], settings: defaultSettings, stats: { invalidEvents: 0, quarantinedEvents: 0 } },
  'accounts:test': { agents: 1 },
  'accounts:add': account,
  'accounts:add-demo': account,
  'accounts:update': account,
  'accounts:remove': done,
  'accounts:reconnect': done,
  'messages:page': { messages: [], hasMore: false },
  'messages:search': [],
  'channels:read': done,
  'channels:mute': done,
  'reviews:list': [],
  'reviews:snooze': done,
  'settings:set': defaultSettings,
  'inspector:list': [],
  'ui:focus': done,
  'links:open': done,
};

/** A spy handler per channel that answers with a valid output. */
export function fakeHandlers(): InvokeHandlers & Record<InvokeChannel, ReturnType<typeof vi.fn>> {
  const handlers = {} as Record<InvokeChannel, ReturnType<typeof vi.fn>>;
  for (const channel of invokeChannels) handlers[channel] = vi.fn(async () => outputs[channel]);
  return handlers as InvokeHandlers & Record<InvokeChannel, ReturnType<typeof vi.fn>>;
}
