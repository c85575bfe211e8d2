import type { Bridge } from '../../src/shared/ipc/bridge';
import type { Batch, EventChannel, EventPayload, InvokeChannel, InvokeInput, InvokeOutput } from '../../src/shared/ipc/contract';
import type { Result } from '../../src/shared/ipc/result';
import type { HostLink, HostLinkStatus } from '../../src/renderer/bridge/host-link';
import { defaultSettings } from '../../src/shared/domain';

type Handler<C extends InvokeChannel> = (input: InvokeInput<C>) => Result<InvokeOutput<C>> | Promise<Result<InvokeOutput<C>>>;
type Handlers = { [C in InvokeChannel]?: Handler<C> };

export interface Invocation {
  channel: InvokeChannel;
  input: unknown;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: Extract<Result<never>, { ok: false }>['error']['code'], message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

const defaults: Handlers = {
  'app:info': () => ok({ host: 'web', version: '0.1.0', demo: false }),
  'state:snapshot': () =>
    ok({ accounts: [], channels: [], reviews: [], settings: defaultSettings, stats: { invalidEvents: 0, quarantinedEvents: 0 } }),
  'messages:page': () => ok({ messages: [], hasMore: false }),
  'messages:search': () => ok([]),
  'reviews:list': () => ok([]),
  'inspector:list': () => ok([]),
  'channels:read': () => ok({ done: true }),
  'channels:mute': () => ok({ done: true }),
  'ui:focus': () => ok({ done: true }),
  'links:open': () => ok({ done: true }),
  'accounts:reconnect': () => ok({ done: true }),
  'reviews:snooze': () => ok({ done: true }),
  'settings:set': (input) => ok({ ...defaultSettings, ...input }),
};

/** A Bridge that records every invoke and lets the test push events, as main would. */
export class FakeBridge implements Bridge {
  readonly calls: Invocation[] = [];
  private handlers: Handlers = { ...defaults };
  private listeners = new Map<string, Set<(p: unknown) => void>>();

  handle<C extends InvokeChannel>(channel: C, handler: Handler<C>): this {
    (this.handlers as Record<string, unknown>)[channel] = handler;
    return this;
  }

  invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Result<InvokeOutput<C>>> {
    this.calls.push({ channel, input });
    const h = this.handlers[channel] as Handler<C> | undefined;
    if (!h) return Promise.resolve(fail('unknown-channel', `no fake handler for ${channel}`));
    return Promise.resolve(h(input));
  }

  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, set);
    const l = listener as (p: unknown) => void;
    set.add(l);
    return () => set.delete(l);
  }

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const l of this.listeners.get(channel) ?? []) l(payload);
  }

  push(batch: Batch): void {
    this.emit('core:batch', batch);
  }

  callsOf<C extends InvokeChannel>(channel: C): InvokeInput<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input as InvokeInput<C>);
  }
}

export class FakeLink implements HostLink {
  private current: HostLinkStatus = 'open';
  private listeners = new Set<(s: HostLinkStatus) => void>();
  retries = 0;
  status = (): HostLinkStatus => this.current;
  subscribe = (l: (s: HostLinkStatus) => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  retryNow = (): void => {
    this.retries += 1;
  };
  set(status: HostLinkStatus): void {
    this.current = status;
    for (const l of this.listeners) l(status);
  }
}
