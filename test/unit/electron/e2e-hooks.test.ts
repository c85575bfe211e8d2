import { describe, expect, it, vi } from 'vitest';
import { e2eHooksEnabled, recordNotifications, type E2eHooks } from '../../../src/main/electron/e2e-hooks';
import type { NotificationHandle } from '../../../src/main/electron/native-notifier';
import { formatNotification } from '../../../src/main/electron/notification-format';
import { notice } from './notices';

describe('e2e hooks', () => {
  it('are only ever on for unpackaged runs that ask for them', () => {
    expect(e2eHooksEnabled({ PLACET_E2E: '1' }, false)).toBe(true);
    expect(e2eHooksEnabled({ PLACET_E2E: '1' }, true)).toBe(false);
    expect(e2eHooksEnabled({}, false)).toBe(false);
    expect(e2eHooksEnabled({ PLACET_E2E: 'true' }, false)).toBe(false);
  });

  it('record notifications and fire their real listeners', () => {
    const hooks: E2eHooks = { notifications: [] };
    const handle: NotificationHandle = { show: vi.fn(), close: vi.fn(), onClick: vi.fn(), onAction: vi.fn(), onClose: vi.fn(), detach: vi.fn() };
    const create = recordNotifications(hooks, () => handle);
    const wrapped = create(formatNotification(notice(), 'linux'));
    const clicked = vi.fn();
    wrapped.onClick(clicked);
    hooks.notifications[0]?.click();
    expect(clicked).toHaveBeenCalled();
    expect(handle.onClick).toHaveBeenCalledWith(clicked);
    expect(hooks.notifications[0]?.options.id).toBe('review:a1:m1');
  });
});
