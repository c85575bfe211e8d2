import { Notification } from 'electron';
import type { NotificationHandle } from './native-notifier';
import type { FormattedNotification } from './notification-format';

/** Electron's Notification behind the NativeNotifier's seam. */
export function createElectronNotification(options: FormattedNotification, icon: string | undefined): NotificationHandle {
  const notification = new Notification({
    id: options.id,
    title: options.title,
    body: options.body,
    urgency: options.urgency,
    timeoutType: options.timeoutType,
    actions: options.actions,
    silent: options.silent,
    ...(icon ? { icon } : {}),
  });
  return {
    show: () => notification.show(),
    close: () => notification.close(),
    onClick: (listener) => void notification.on('click', () => listener()),
    onAction: (listener) =>
      void notification.on('action', (details, legacyIndex) => {
        listener(typeof details?.actionIndex === 'number' ? details.actionIndex : legacyIndex);
      }),
    onClose: (listener) => void notification.on('close', () => listener()),
    detach: () => void notification.removeAllListeners(),
  };
}

export const notificationsSupported = (): boolean => Notification.isSupported();
