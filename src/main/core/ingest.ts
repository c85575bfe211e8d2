import { gatewayEventSchemas, type GatewayEvent, type GatewayEventName, type Message } from '../../shared/placet/schemas';
import type { Store } from './store/store';

/** A validated socket event, discriminated by its name so each case reads its own payload type. */
type ParsedEvent = { [N in GatewayEventName]: { name: N; data: GatewayEvent<N> } }[GatewayEventName];

function isGatewayEventName(name: string): name is GatewayEventName {
  return Object.hasOwn(gatewayEventSchemas, name);
}

/** What one batch changed, for the views, the review tracker and the notification policy. */
export interface IngestChanges {
  accountId: string;
  inserted: Message[];
  updated: Message[];
  /** Channels whose agent record changed (status, commands). */
  agents: Set<string>;
  /** Streamed draft text from `message:delta`, by message id (not persisted: the server's PATCH is). */
  drafts: Map<string, string>;
  /** True for socket events; false for REST backfill pages (history, not news). */
  live: boolean;
}

export interface IngestRejection {
  accountId: string;
  event: string;
  payload: unknown;
  reason: string;
  quarantined: boolean;
}

interface Queued {
  accountId: string;
  event: string;
  payload: unknown;
}

export interface IngestOptions {
  store: Store;
  onChanges: (changes: IngestChanges) => void;
  onRejected: (rejection: IngestRejection) => void;
  onAccepted?: (accountId: string, event: string, payload: unknown) => void;
  /** Runs `fn` soon; setImmediate in production. */
  defer?: (fn: () => void) => void;
}

/**
 * The only way data enters the store: validate, de-duplicate (by message id), persist in one
 * transaction per batch. Socket events are queued and flushed together; an event whose processing
 * throws is quarantined and counted, and never blocks the ones after it.
 */
export class Ingest {
  private queue: Queued[] = [];
  private scheduled = false;
  private readonly drafts = new Map<string, { base: string; text: string }>();

  constructor(private readonly o: IngestOptions) {}

  event(accountId: string, event: string, payload: unknown): void {
    this.queue.push({ accountId, event, payload });
    if (!this.scheduled) {
      this.scheduled = true;
      (this.o.defer ?? setImmediate)(() => this.flush());
    }
  }

  /** Applies REST records (backfill, reconciliation) at once. */
  records(accountId: string, messages: Message[]): IngestChanges {
    const changes = emptyChanges(accountId, false);
    this.o.store.transaction(() => {
      for (const m of messages) this.applyMessage(changes, m);
    });
    this.emit([changes]);
    return changes;
  }

  /** A pending review whose message vanished from the server reads as expired from now on. */
  reviewGone(accountId: string, messageId: string): void {
    const changes = emptyChanges(accountId, false);
    const next = this.o.store.messages.patch(accountId, messageId, (m) =>
      m.review?.status === 'pending' ? { ...m, review: { ...m.review, status: 'expired' } } : m,
    );
    if (next) changes.updated.push(next);
    this.emit([changes]);
  }

  flush(): void {
    this.scheduled = false;
    const queued = this.queue;
    this.queue = [];
    if (queued.length === 0) return;
    const byAccount = new Map<string, IngestChanges>();
    this.o.store.transaction(() => {
      for (const q of queued) {
        let changes = byAccount.get(q.accountId);
        if (!changes) byAccount.set(q.accountId, (changes = emptyChanges(q.accountId, true)));
        this.applyEvent(changes, q);
      }
    });
    this.emit([...byAccount.values()]);
  }

  private applyEvent(changes: IngestChanges, q: Queued): void {
    if (!isGatewayEventName(q.event)) {
      this.o.onRejected({ ...q, reason: 'unknown event', quarantined: false });
      return;
    }
    const parsed = gatewayEventSchemas[q.event].safeParse(q.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.o.onRejected({ ...q, reason: `invalid ${q.event}: ${issue ? `${issue.path.join('.') || 'payload'} ${issue.message}` : 'rejected'}`, quarantined: false });
      return;
    }
    try {
      this.apply(changes, { name: q.event, data: parsed.data } as ParsedEvent);
      this.o.onAccepted?.(q.accountId, q.event, parsed.data);
    } catch (err) {
      this.o.onRejected({ ...q, reason: `processing failed: ${err instanceof Error ? err.message : String(err)}`, quarantined: true });
    }
  }

  private apply(changes: IngestChanges, ev: ParsedEvent): void {
    const { store } = this.o;
    const accountId = changes.accountId;
    switch (ev.name) {
      case 'message:created':
      case 'message:updated':
      case 'review:responded':
        this.applyMessage(changes, ev.data);
        return;
      case 'message:delivery': {
        const next = store.messages.setDelivery(accountId, ev.data.messageId, ev.data.deliveryStatus);
        if (next) changes.updated.push(next);
        return;
      }
      case 'review:expired': {
        const next = store.messages.patch(accountId, ev.data.messageId, (m) =>
          m.review && m.review.status === 'pending' ? { ...m, review: { ...m.review, status: 'expired' } } : m,
        );
        if (next) changes.updated.push(next);
        return;
      }
      case 'agent:status': {
        const { agentId, status, statusMessage, statusSince } = ev.data;
        if (store.accounts.updateAgent(accountId, agentId, (a) => ({ ...a, status, statusMessage, statusSince }))) changes.agents.add(agentId);
        return;
      }
      case 'agent:commands': {
        const { channelId, commands } = ev.data;
        if (store.accounts.updateAgent(accountId, channelId, (a) => ({ ...a, commands }))) changes.agents.add(channelId);
        return;
      }
      case 'message:delta':
        this.applyDelta(changes, ev.data);
        return;
      case 'message:status': {
        const status = ev.data;
        // Status steps belong to the draft with that streamId; kept on the record for the feed.
        if (!status.streamId) return;
        const target = store.messages.findByStream(accountId, status.channelId, status.streamId);
        if (!target) return;
        const next = store.messages.patch(accountId, target.id, (m) => {
          const events = (m.statusEvents ?? []).filter((e) => e.id !== status.id);
          return { ...m, statusEvents: [...events, status].slice(-50) };
        });
        if (next) changes.updated.push(next);
        return;
      }
      case 'message:progress':
        return;
    }
  }

  private applyMessage(changes: IngestChanges, raw: Message): void {
    const message = canonicalMessage(raw);
    const outcome = this.o.store.messages.applyOne(changes.accountId, message);
    if (outcome !== 'unchanged') changes[outcome].push(message);
    if (message.streamState !== 'streaming') this.drafts.delete(message.id);
  }

  private applyDelta(changes: IngestChanges, d: { channelId: string; delta: string; streamBaseId?: string; streamId?: string }): void {
    const streamId = d.streamBaseId ?? d.streamId;
    if (!streamId) return;
    const target = this.o.store.messages.findByStream(changes.accountId, d.channelId, streamId);
    if (!target || target.streamState !== 'streaming') return;
    const draft = this.drafts.get(target.id);
    const base = target.text ?? '';
    const text = (draft && draft.base === base ? draft.text : base) + d.delta;
    this.drafts.set(target.id, { base, text: text.slice(-1_000_000) });
    changes.drafts.set(target.id, text);
    changes.updated.push(target);
  }

  draftText(messageId: string): string | undefined {
    return this.drafts.get(messageId)?.text;
  }

  private emit(all: IngestChanges[]): void {
    for (const changes of all) {
      if (changes.inserted.length || changes.updated.length || changes.agents.size) this.o.onChanges(changes);
    }
  }
}

/**
 * The same server row arrives in slightly different shapes (the socket adds `agentName` or the
 * whole `agent`; only the REST list carries `statusEvents`). Stored in one shape, a re-read of an
 * unchanged row is recognised as unchanged and never re-announced.
 */
export function canonicalMessage(m: Message): Message {
  const { agentName: _name, agent: _agent, statusEvents, ...rest } = m as Message & { agent?: unknown };
  return statusEvents && statusEvents.length ? { ...rest, statusEvents } : (rest as Message);
}

function emptyChanges(accountId: string, live: boolean): IngestChanges {
  return { accountId, inserted: [], updated: [], agents: new Set(), drafts: new Map(), live };
}
