import { useShallow } from 'zustand/react/shallow';
import { useSlice, useStores } from '../hooks/useStores';

/** Accounts the operator must act on: a rejected key or a server that cannot be reached. */
export function AccountAlerts() {
  const stores = useStores();
  const problems = useSlice(
    (s) => s.accounts,
    useShallow((s) => s.order.map((id) => s.byId[id]).filter((a) => a && (a.connection.status === 'key-rejected' || a.connection.status === 'offline'))),
  );
  if (problems.length === 0) return null;
  return (
    <div className="account-alerts">
      {problems.map((a) =>
        a ? (
          <div key={a.accountId} className="alert" role="alert">
            <span className="alert-icon" aria-hidden="true">
              ⚠
            </span>
            <span>
              <strong>{a.label}</strong>:{' '}
              {a.connection.status === 'key-rejected'
                ? 'the server rejected the API key. Reviews from this account are not being watched.'
                : `server unreachable${a.connection.error ? ` (${a.connection.error})` : ''}. Retrying automatically.`}
            </span>
            {a.connection.status === 'key-rejected' ? (
              <button type="button" className="btn" onClick={() => stores.ui.getState().setView('settings')}>
                Update key
              </button>
            ) : (
              <button type="button" className="btn" onClick={() => void stores.accounts.getState().reconnect(a.accountId)}>
                Retry now
              </button>
            )}
          </div>
        ) : null,
      )}
    </div>
  );
}
