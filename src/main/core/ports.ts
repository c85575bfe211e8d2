import type { KeyStorage, Notice, ReviewItem } from '../../shared/domain';

// The capabilities the core gets from its host. Electron, the web host, the CLI and tests each
// provide their own; the core never reaches for a global.

/** Where API keys live. Implementations: KeytarSecretStore, SafeStorageSecretStore (Electron), MemorySecretStore. */
export interface SecretStore {
  readonly kind: KeyStorage;
  get(accountId: string): Promise<string | null>;
  set(accountId: string, secret: string): Promise<void>;
  delete(accountId: string): Promise<void>;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Shows what the notification policy decided. `notice.id` is stable per review, so a show replaces in place. */
export interface Notifier {
  show(notice: Notice): void;
  withdraw(noticeId: string): void;
}

export type AttentionState = 'ok' | 'attention' | 'problem';

/** Tray, badge and window attention. */
export interface AttentionSink {
  update(summary: { state: AttentionState; pendingReviews: number; mostUrgent: ReviewItem[] }): void;
  /** A review is about to expire: bounce the dock, flash the taskbar. */
  requestAttention(): void;
}

export interface Logger {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const nullNotifier: Notifier = { show() {}, withdraw() {} };
export const nullAttention: AttentionSink = { update() {}, requestAttention() {} };
