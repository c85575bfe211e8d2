import { useShallow } from 'zustand/react/shallow';
import type { AccountView } from '../../shared/domain';
import { useNow } from '../hooks/useNow';
import { useSlice, useStores } from '../hooks/useStores';
import { connectionProblem, connectionText, distinctAccountLabels } from '../lib/format';

export function StatusBar() {
  const stores = useStores();
  const now = useNow(1_000);
  const accounts = useSlice((s) => s.accounts, useShallow((s) => s.order.map((id) => s.byId[id]).filter((a): a is AccountView => !!a)));
  const labels = distinctAccountLabels(accounts);
  const stats = useSlice((s) => s.inspector, (s) => s.stats);
  const host = useSlice((s) => s.ui, (s) => s.host);
  return (
    <footer className="status-bar" aria-label="Connection status">
      <ul className="status-accounts">
        {accounts.length === 0 && <li className="muted">No accounts</li>}
        {accounts.map((a) => (
          <li key={a.accountId} className={`status-account conn-${a.connection.status}`}>
            <span className="conn-indicator" aria-hidden="true" />
            <span className="status-account-label">{labels.get(a.accountId) ?? a.label}:</span> <span className="status-account-state">{connectionText(a.connection, now)}</span>
            {connectionProblem(a.connection) && (
              <button type="button" className="btn btn-tiny" onClick={() => void stores.accounts.getState().reconnect(a.accountId)} aria-label={`Reconnect ${labels.get(a.accountId) ?? a.label} now`}>
                Retry now
              </button>
            )}
          </li>
        ))}
      </ul>
      <span className="status-extra">
        {stats.invalidEvents > 0 && <span>{stats.invalidEvents} invalid events dropped · </span>}
        {host && (
          <span>
            {host.host === 'web' ? 'Browser' : 'Desktop'} · v{host.version}
            {host.demo ? ' · demo' : ''}
          </span>
        )}
        <span className="status-help"> · Press ? for shortcuts</span>
      </span>
    </footer>
  );
}
