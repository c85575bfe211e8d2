import type { AccountView, ChannelView, InspectorEntry, MessageView, Notice, ReviewItem, Settings, Stats } from '../../shared/domain';
import type { Batch } from '../../shared/ipc/contract';
import type { Clock } from './ports';

/**
 * Coalesces changes for the renderer: upserts keyed by id (the last one wins), flushed at most once
 * per `intervalMs` or when `maxItems` pile up. Never one IPC message per socket event.
 */
export class UiBatcher {
  private accounts = new Map<string, AccountView>();
  private removedAccounts = new Set<string>();
  private channels = new Map<string, ChannelView>();
  private messages = new Map<string, MessageView>();
  private reviews = new Map<string, ReviewItem>();
  private notices: Notice[] = [];
  private inspector: InspectorEntry[] = [];
  private stats: Stats | null = null;
  private settings: Settings | null = null;
  private size = 0;
  private timer: unknown = null;
  private readonly listeners = new Set<(batch: Batch) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly maxItems = 2_000,
  ) {}

  /** Changes made before the first listener (start-up notices, first states) reach it. */
  on(listener: (batch: Batch) => void): () => void {
    this.listeners.add(listener);
    if (this.size > 0) this.timer ??= this.clock.setTimeout(() => this.flush(), this.intervalMs);
    return () => this.listeners.delete(listener);
  }

  account(a: AccountView) { this.put(this.accounts, a.accountId, a); this.removedAccounts.delete(a.accountId); }
  accountRemoved(accountId: string) { this.accounts.delete(accountId); this.removedAccounts.add(accountId); this.bump(); }
  channel(c: ChannelView) { this.put(this.channels, `${c.accountId}\u0000${c.channelId}`, c); }
  message(m: MessageView) { this.put(this.messages, `${m.accountId}\u0000${m.id}`, m); }
  review(r: ReviewItem) { this.put(this.reviews, `${r.accountId}\u0000${r.messageId}`, r); }
  notice(n: Notice) { this.notices.push(n); this.bump(); }
  inspect(e: InspectorEntry) { this.inspector.push(e); if (this.inspector.length > 500) this.inspector.shift(); this.bump(); }
  setStats(s: Stats) { this.stats = s; this.bump(); }
  setSettings(s: Settings) { this.settings = s; this.bump(); }

  flush(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.size === 0) return;
    if (this.listeners.size === 0) {
      // Nobody to tell yet: keep the latest state per key, but not an unbounded backlog of rows
      // (a renderer that connects later reads them through its snapshot and paging anyway).
      if (this.messages.size > this.maxItems) this.messages = new Map();
      if (this.inspector.length > 100) this.inspector = this.inspector.slice(-100);
      return;
    }
    const batch: Batch = {};
    if (this.accounts.size) batch.accounts = [...this.accounts.values()];
    if (this.removedAccounts.size) batch.removedAccounts = [...this.removedAccounts];
    if (this.channels.size) batch.channels = [...this.channels.values()];
    if (this.messages.size) batch.messages = [...this.messages.values()];
    if (this.reviews.size) batch.reviews = [...this.reviews.values()];
    if (this.notices.length) batch.notices = this.notices;
    if (this.inspector.length) batch.inspector = this.inspector;
    if (this.stats) batch.stats = this.stats;
    if (this.settings) batch.settings = this.settings;
    this.accounts = new Map();
    this.removedAccounts = new Set();
    this.channels = new Map();
    this.messages = new Map();
    this.reviews = new Map();
    this.notices = [];
    this.inspector = [];
    this.stats = null;
    this.settings = null;
    this.size = 0;
    for (const listener of this.listeners) listener(batch);
  }

  dispose(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private put<V>(map: Map<string, V>, key: string, value: V): void {
    map.set(key, value);
    this.bump();
  }

  private bump(): void {
    this.size++;
    if (this.size >= this.maxItems && this.listeners.size > 0) {
      this.flush();
      return;
    }
    this.timer ??= this.clock.setTimeout(() => this.flush(), this.intervalMs);
  }
}
