import type { NotificationHandle } from './native-notifier';
import type { FormattedNotification } from './notification-format';

// End-to-end tests cannot click a native notification, so in unpackaged test runs
// (PLACET_E2E=1) the shown notifications are recorded on a main-process global that Playwright's
// `electronApp.evaluate` can reach. Nothing is exposed to the renderer, and packaged builds
// never install it.

export interface E2eNotificationRecord {
  options: FormattedNotification;
  click(): void;
  action(index: number): void;
}

export interface E2eHooks {
  notifications: E2eNotificationRecord[];
}

declare global {
  var __placetE2E: E2eHooks | undefined;
}

export function e2eHooksEnabled(env: NodeJS.ProcessEnv, packaged: boolean): boolean {
  return !packaged && env['PLACET_E2E'] === '1';
}

/** Wraps each created notification so a test can fire its click and action listeners. */
export function recordNotifications(hooks: E2eHooks, create: (options: FormattedNotification) => NotificationHandle): (options: FormattedNotification) => NotificationHandle {
  return (options) => {
    const handle = create(options);
    let click = (): void => {};
    let action = (_index: number): void => {};
    hooks.notifications.push({ options, click: () => click(), action: (i) => action(i) });
    return {
      ...handle,
      onClick: (listener) => {
        click = listener;
        handle.onClick(listener);
      },
      onAction: (listener) => {
        action = listener;
        handle.onAction(listener);
      },
    };
  };
}
