import { useEffect } from 'react';
import { useStores } from './useStores';

/** Tells main which channel is on screen, so nothing is notified for what the user is reading. */
export function useFocusReporter(): void {
  const stores = useStores();
  useEffect(() => {
    let last = '';
    const report = (): void => {
      const { view, selected } = stores.ui.getState();
      const channel = view === 'channel' ? selected : null;
      const input = {
        accountId: channel?.accountId ?? null,
        channelId: channel?.channelId ?? null,
        visible: document.visibilityState !== 'hidden' && document.hasFocus(),
      };
      const key = JSON.stringify(input);
      if (key === last) return;
      last = key;
      void stores.bridge.invoke('ui:focus', input);
    };
    report();
    const off = stores.ui.subscribe(report);
    document.addEventListener('visibilitychange', report);
    window.addEventListener('focus', report);
    window.addEventListener('blur', report);
    return () => {
      off();
      document.removeEventListener('visibilitychange', report);
      window.removeEventListener('focus', report);
      window.removeEventListener('blur', report);
    };
  }, [stores]);
}
