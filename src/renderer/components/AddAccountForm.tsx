import { type FormEvent, useId, useRef, useState } from 'react';
import type { AccountView } from '../../shared/domain';
import type { AppError } from '../../shared/ipc/result';
import { useStores } from '../hooks/useStores';
import { keyStorageLabel } from '../lib/format';

const hints: Partial<Record<AppError['code'], string>> = {
  'key-rejected': 'The server rejected this API key. Check that it is an agent key of this server.',
  unreachable: 'Could not reach the server. Check the URL and your network.',
  'bad-url': 'That does not look like a server URL (for example https://placet.example.com).',
  tls: 'The server’s TLS certificate could not be verified.',
  'not-placet': 'The server answered, but it does not look like a Placet server.',
  'rate-limited': 'The server is rate limiting requests. Try again in a minute.',
  'keychain-unavailable': 'No keychain is available to store the key safely.',
  'invalid-input': 'Please fill in the server URL and the API key.',
};

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'error'; error: AppError } | { kind: 'ok'; text: string };

// The API key input is uncontrolled on purpose: React mirrors a controlled input's value into the
// `value` attribute, and the key must never be in the DOM's markup.
export function AddAccountForm({ onSaved, onCancel }: { onSaved?: (a: AccountView) => void; onCancel?: () => void }) {
  const stores = useStores();
  const id = useId();
  const [label, setLabel] = useState('');
  const [serverUrl, setServerUrl] = useState('');
  const keyRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const key = (): string => keyRef.current?.value.trim() ?? '';

  const test = async (): Promise<void> => {
    if (!serverUrl.trim() || !key()) return setStatus({ kind: 'error', error: { code: 'invalid-input', message: 'Server URL and API key are both needed.' } });
    setStatus({ kind: 'busy', what: 'Testing connection…' });
    const r = await stores.accounts.getState().test({ serverUrl: serverUrl.trim(), apiKey: key() });
    setStatus(r.ok ? { kind: 'ok', text: `Connection works: ${r.value.agents} ${r.value.agents === 1 ? 'agent' : 'agents'} on this key.` } : { kind: 'error', error: r.error });
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!serverUrl.trim() || !key()) return setStatus({ kind: 'error', error: { code: 'invalid-input', message: 'Server URL and API key are both needed.' } });
    setStatus({ kind: 'busy', what: 'Saving…' });
    const r = await stores.accounts.getState().add({ serverUrl: serverUrl.trim(), apiKey: key(), ...(label.trim() ? { label: label.trim() } : {}) });
    if (!r.ok) return setStatus({ kind: 'error', error: r.error });
    if (keyRef.current) keyRef.current.value = '';
    setStatus({ kind: 'ok', text: `Added ${r.value.label}. Key stored: ${keyStorageLabel[r.value.keyStorage].short}.` });
    onSaved?.(r.value);
  };

  return (
    <form className="account-form" onSubmit={(e) => void save(e)} aria-label="Add account" noValidate>
      <div className="form-row">
        <label htmlFor={`${id}-url`}>Server URL</label>
        <input id={`${id}-url`} type="url" inputMode="url" autoComplete="url" placeholder="https://placet.example.com" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} required />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-key`}>API key</label>
        <input id={`${id}-key`} ref={keyRef} type="password" autoComplete="off" spellCheck={false} placeholder="Agent API key" required aria-describedby={`${id}-key-note`} />
        <p id={`${id}-key-note`} className="field-note">
          Stored in your OS keychain where available; never shown again.
        </p>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-label`}>Name (optional)</label>
        <input id={`${id}-label`} type="text" maxLength={100} placeholder="e.g. Production" value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void test()} disabled={status.kind === 'busy'}>
          Test connection
        </button>
        <button type="submit" className="btn btn-primary" disabled={status.kind === 'busy'}>
          Save
        </button>
        {onCancel && (
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <div className="form-status" aria-live="polite">
        {status.kind === 'busy' && <p role="status">{status.what}</p>}
        {status.kind === 'ok' && <p className="ok-text" role="status">{status.text}</p>}
        {status.kind === 'error' && (
          <p className="error-text" role="alert">
            {hints[status.error.code] ? `${hints[status.error.code]} ` : ''}
            <span className="error-detail">{status.error.message}</span>
          </p>
        )}
      </div>
    </form>
  );
}
