import { useSyncExternalStore } from 'react';
import type { HostLink } from '../bridge/host-link';

export function useHostLink(link: HostLink) {
  return useSyncExternalStore(
    (l) => link.subscribe(l),
    () => link.status(),
  );
}

/** The window's own link to the companion (the web host's WebSocket) is down. */
export function ConnectionBanner({ link }: { link: HostLink }) {
  const status = useHostLink(link);
  if (status !== 'lost') return null;
  return (
    <div className="host-lost" role="alert">
      <span className="alert-icon" aria-hidden="true">
        ⚠
      </span>
      <span>
        <strong>Lost connection to the companion.</strong> Reconnecting… What you see may be out of date.
      </span>
      <button type="button" className="btn" onClick={() => link.retryNow()}>
        Reconnect now
      </button>
    </div>
  );
}
