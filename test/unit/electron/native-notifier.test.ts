import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/main/core/ports';
import { NativeNotifier, type NotificationHandle } from '../../../src/main/electron/native-notifier';
import type { FormattedNotification } from '../../../src/main/electron/notification-format';
import { notice } from './notices';

class FakeNotification implements NotificationHandle {
  shown = 0;
  closed = 0;
  click?: () => void;
  action?: (i: number) => void;
  close_?: () => void;
  constructor(readonly options: FormattedNotification) {}
  show() {
    this.shown += 1;
  }
  close() {
    this.closed += 1;
    this.close_?.();
  }
  onClick(l: () => void) {
    this.click = l;
  }
  onAction(l: (i: number) => void) {
    this.action = l;
  }
  onClose(l: () => void) {
    this.close_ = l;
  }
  detach() {
    this.click = this.action = this.close_ = undefined;
  }
}

function setup(supported = true) {
  const created: FakeNotification[] = [];
  const deps = {
    platform: 'linux' as const,
    isSupported: () => supported,
    create: (o: FormattedNotification) => {
      const n = new FakeNotification(o);
      created.push(n);
      return n;
    },
    onOpen: vi.fn(),
    onSnooze: vi.fn(),
    sound: () => true,
    logger: { ...silentLogger, warn: vi.fn() },
  };
  return { notifier: new NativeNotifier(deps), created, deps };
}

describe('NativeNotifier', () => {
  it('shows a formatted notification', () => {
    const { notifier, created } = setup();
    notifier.show(notice({ body: '<b>x</b>' }));
    expect(created).toHaveLength(1);
    expect(created[0]?.shown).toBe(1);
    expect(created[0]?.options.body).toBe('&lt;b&gt;x&lt;/b&gt;');
  });

  it('replaces a review’s notification in place instead of stacking', () => {
    const { notifier, created, deps } = setup();
    notifier.show(notice());
    notifier.show(notice({ kind: 'review-reminder', body: '15 minutes left' }));
    expect(created[0]?.closed).toBe(1);
    expect(created[1]?.shown).toBe(1);
    expect(notifier.liveCount).toBe(1);
    // Our own close of the old one is not taken for a user action.
    expect(deps.onOpen).not.toHaveBeenCalled();
  });

  it('withdraws an answered or expired review’s notification', () => {
    const { notifier, created } = setup();
    notifier.show(notice());
    notifier.show(notice({ id: 'review:a1:m2', messageId: 'm2' }));
    notifier.withdraw('review:a1:m1');
    expect(created[0]?.closed).toBe(1);
    expect(created[1]?.closed).toBe(0);
    expect(notifier.liveCount).toBe(1);
    notifier.withdraw('never-shown');
    notifier.withdraw('review:a1:m1');
    expect(created[0]?.closed).toBe(1);
  });

  it('opens the review on click and on the Open action; snoozes on Snooze', () => {
    const { notifier, created, deps } = setup();
    const n = notice();
    notifier.show(n);
    created[0]?.click?.();
    expect(deps.onOpen).toHaveBeenCalledWith(n);
    notifier.show(n);
    created[1]?.action?.(0);
    expect(deps.onOpen).toHaveBeenCalledTimes(2);
    notifier.show(n);
    created[2]?.action?.(1);
    expect(deps.onSnooze).toHaveBeenCalledWith(n);
    expect(notifier.liveCount).toBe(0);
  });

  it('forgets a notification the user dismissed', () => {
    const { notifier, created } = setup();
    notifier.show(notice());
    created[0]?.close_?.();
    expect(notifier.liveCount).toBe(0);
  });

  it('does nothing where notifications are unsupported, and survives a failing show', () => {
    const off = setup(false);
    off.notifier.show(notice());
    expect(off.created).toHaveLength(0);
    const { notifier, created, deps } = setup();
    const failing = (o: FormattedNotification) => {
      const n = new FakeNotification(o);
      n.show = () => {
        throw new Error('dbus gone');
      };
      created.push(n);
      return n;
    };
    const broken = new NativeNotifier({ ...deps, create: failing });
    expect(() => broken.show(notice())).not.toThrow();
    expect(broken.liveCount).toBe(0);
    expect(deps.logger.warn).toHaveBeenCalled();
    notifier.dispose();
  });

  it('closes everything on dispose', () => {
    const { notifier, created } = setup();
    notifier.show(notice());
    notifier.show(notice({ id: 'other' }));
    notifier.dispose();
    expect(created.map((n) => n.closed)).toEqual([1, 1]);
    expect(notifier.liveCount).toBe(0);
  });
});
