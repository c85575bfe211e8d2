import type { Notice } from '../../shared/domain';
import type { Logger, Notifier } from '../core/ports';
import { formatNotification, notificationActions, type DesktopPlatform, type FormattedNotification } from './notification-format';

/** One shown notification; electron-notification.ts adapts Electron's Notification to it. */
export interface NotificationHandle {
  show(): void;
  close(): void;
  onClick(listener: () => void): void;
  /** Index into the actions the notification was created with. */
  onAction(listener: (actionIndex: number) => void): void;
  onClose(listener: () => void): void;
  /** Removes every listener, so our own close() is not taken for the user's. */
  detach(): void;
}

export interface NativeNotifierDeps {
  platform: DesktopPlatform;
  isSupported(): boolean;
  create(options: FormattedNotification): NotificationHandle;
  /** Focus the window on this notice's review (or just focus it). */
  onOpen(notice: Notice): void;
  onSnooze(notice: Notice): void;
  sound(): boolean;
  logger: Logger;
}

/**
 * The core's Notifier port as native notifications: one live notification per notice id, so a
 * reminder replaces the review's earlier notification instead of piling up, and withdrawing an
 * answered review takes it off the screen. Live handles are kept, also so the garbage collector
 * cannot drop a notification together with its click handler.
 */
export class NativeNotifier implements Notifier {
  readonly #live = new Map<string, NotificationHandle>();

  constructor(private readonly deps: NativeNotifierDeps) {}

  show(notice: Notice): void {
    if (!this.deps.isSupported()) return;
    this.#close(notice.id);
    const handle = this.deps.create(formatNotification(notice, this.deps.platform, { sound: this.deps.sound() }));
    handle.onClick(() => {
      this.#forget(notice.id, handle);
      this.deps.onOpen(notice);
    });
    handle.onAction((index) => {
      this.#forget(notice.id, handle);
      if (notificationActions[index] === 'Snooze reminder') this.deps.onSnooze(notice);
      else this.deps.onOpen(notice);
    });
    handle.onClose(() => this.#forget(notice.id, handle));
    this.#live.set(notice.id, handle);
    try {
      handle.show();
    } catch (err) {
      this.#forget(notice.id, handle);
      this.deps.logger.warn('notification failed', { kind: notice.kind, error: String(err) });
    }
  }

  withdraw(noticeId: string): void {
    this.#close(noticeId);
  }

  /** How many are on screen (for tests and diagnostics). */
  get liveCount(): number {
    return this.#live.size;
  }

  dispose(): void {
    for (const id of [...this.#live.keys()]) this.#close(id);
  }

  #close(id: string): void {
    const handle = this.#live.get(id);
    if (!handle) return;
    this.#live.delete(id);
    handle.detach();
    handle.close();
  }

  #forget(id: string, handle: NotificationHandle): void {
    if (this.#live.get(id) === handle) this.#live.delete(id);
  }
}
