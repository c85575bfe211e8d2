import { useId, useRef, useState } from 'react';
import type { AccountView } from '../../shared/domain';
import { useNow } from '../hooks/useNow';
import { useStores } from '../hooks/useStores';
import { connectionText, hostOf, keyStorageLabel } from '../lib/format';

type Mode = 'view' | 'rename' | 'key' | 'remove';

export function AccountRow({ account: a }: { account: AccountView }) {
  const stores = useStores();
  const id = useId();
  const now = useNow(1_000);
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(a.label);
  const [deleteHistory, setDeleteHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const storage = keyStorageLabel[a.keyStorage];
  const accounts = stores.accounts.getState();

  const run = async (p: Promise<{ ok: boolean; error?: { message: string } }>): Promise<void> => {
    setError(null);
    const r = await p;
    if (r.ok) setMode('view');
    else setError(r.error?.message ?? 'Failed');
  };

  return (
    <li className="account-row" aria-label={`Account ${a.label}`}>
      <div className="account-row-main">
        <div>
          <h4 dir="auto">{a.label}</h4>
          <p className="muted">
            {a.label.trim() === hostOf(a.serverUrl) ? 'Key' : `${hostOf(a.serverUrl)} · key`} ending {a.last4 ? `…${a.last4}` : '(hidden)'}
          </p>
          <p className={`conn-line conn-${a.connection.status}`}>{connectionText(a.connection, now)}</p>
          <p className={`key-storage storage-${a.keyStorage}`} title={storage.detail}>
            Key storage: <strong>{storage.short}</strong> — {storage.detail}
          </p>
        </div>
        <div className="account-row-actions">
          <button type="button" className="btn" onClick={() => setMode(mode === 'rename' ? 'view' : 'rename')}>
            Rename
          </button>
          <button type="button" className="btn" onClick={() => setMode(mode === 'key' ? 'view' : 'key')}>
            Replace key
          </button>
          <button type="button" className="btn" onClick={() => void run(accounts.update({ accountId: a.accountId, enabled: !a.enabled }))}>
            {a.enabled ? 'Disable' : 'Enable'}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => setMode(mode === 'remove' ? 'view' : 'remove')}>
            Remove
          </button>
        </div>
      </div>
      {mode === 'rename' && (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void run(accounts.update({ accountId: a.accountId, label: name.trim() })))}>
          <label htmlFor={`${id}-name`}>Account name</label>
          <input id={`${id}-name`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
            Apply new name
          </button>
        </form>
      )}
      {mode === 'key' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const apiKey = keyRef.current?.value.trim() ?? '';
            if (keyRef.current) keyRef.current.value = '';
            if (apiKey) void run(accounts.update({ accountId: a.accountId, apiKey }));
          }}
        >
          <label htmlFor={`${id}-key`}>New API key</label>
          <input id={`${id}-key`} ref={keyRef} type="password" autoComplete="off" spellCheck={false} />
          <button type="submit" className="btn btn-primary">
            Use this key
          </button>
        </form>
      )}
      {mode === 'remove' && (
        <div className="inline-form danger-zone" role="group" aria-label={`Remove ${a.label}`}>
          <p>Remove {a.label}? Its key is deleted from {storage.short.toLowerCase()}.</p>
          <label className="check">
            <input type="checkbox" checked={deleteHistory} onChange={(e) => setDeleteHistory(e.target.checked)} />
            Also delete its stored message history
          </label>
          <button type="button" className="btn btn-danger" onClick={() => void run(accounts.remove(a.accountId, deleteHistory))}>
            Confirm removal
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => setMode('view')}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
