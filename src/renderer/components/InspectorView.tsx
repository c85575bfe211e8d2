import { useEffect, useMemo, useState } from 'react';
import { FilterSelect } from './FilterSelect';
import { useShallow } from 'zustand/react/shallow';
import { useAccountOptions } from '../hooks/useAccountOptions';
import { useSlice, useStores } from '../hooks/useStores';
import { downloadText, toJsonl } from '../lib/jsonl';
import { ReviewLifecycle } from './ReviewLifecycle';

const SHOWN = 500;

export function InspectorView() {
  const stores = useStores();
  const { entries, stats, status, error } = useSlice(
    (s) => s.inspector,
    useShallow((s) => ({ entries: s.entries, stats: s.stats, status: s.status, error: s.error })),
  );
  const accounts = useAccountOptions();
  // Paused = a frozen copy of the list; new events keep arriving in the store meanwhile.
  const [frozen, setFrozen] = useState<typeof entries | null>(null);
  const [event, setEvent] = useState('');
  const [channel, setChannel] = useState('');
  const [messageId, setMessageId] = useState('');
  const [accountId, setAccountId] = useState('');
  const [invalidOnly, setInvalidOnly] = useState(false);

  useEffect(() => {
    void stores.inspector.getState().load();
  }, [stores]);

  const visible = frozen ?? entries;
  const events = useMemo(() => [...new Set(entries.map((e) => e.event))].sort(), [entries]);
  const filtered = useMemo(
    () =>
      visible.filter(
        (e) =>
          (!event || e.event === event) &&
          (!accountId || e.accountId === accountId) &&
          (!channel || (e.channelId ?? '').includes(channel.trim())) &&
          (!messageId || (e.messageId ?? '').includes(messageId.trim())) &&
          (!invalidOnly || !e.valid),
      ),
    [visible, event, accountId, channel, messageId, invalidOnly],
  );
  const shown = filtered.slice(-SHOWN).reverse();
  const lastFrozen = frozen?.[frozen.length - 1];
  const waiting = frozen === null ? 0 : entries.filter((e) => !lastFrozen || e.at > lastFrozen.at || (e.at === lastFrozen.at && e.seq > lastFrozen.seq)).length;

  return (
    <div className="view inspector-view">
      <header className="view-header">
        <h2>Inspector</h2>
        <div className="header-actions">
          <span className="inspector-counts">
            <strong>{stats.invalidEvents}</strong> invalid events dropped · <strong>{stats.quarantinedEvents}</strong> quarantined
          </span>
          <button type="button" className="btn" aria-pressed={frozen !== null} onClick={() => setFrozen(frozen === null ? entries : null)}>
            {frozen === null ? 'Pause' : `Resume${waiting ? ` (${waiting} new)` : ''}`}
          </button>
          <button type="button" className="btn" onClick={() => downloadText(`placet-events-${new Date().toISOString().slice(0, 19)}.jsonl`, toJsonl(filtered))} disabled={filtered.length === 0}>
            Export JSONL
          </button>
        </div>
      </header>
      <div className="filters" role="group" aria-label="Filter events">
        <FilterSelect label="Account" allLabel="All accounts" value={accountId} options={accounts.map((a) => ({ value: a.id, label: a.label }))} onChange={setAccountId} />
        <FilterSelect label="Event" allLabel="All events" value={event} options={events.map((ev) => ({ value: ev, label: ev }))} onChange={setEvent} />
        <label>
          Channel id
          <input value={channel} onChange={(e) => setChannel(e.target.value)} />
        </label>
        <label>
          Message id
          <input value={messageId} onChange={(e) => setMessageId(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={invalidOnly} onChange={(e) => setInvalidOnly(e.target.checked)} />
          Invalid only
        </label>
      </div>
      {messageId.trim() && <ReviewLifecycle messageId={messageId.trim()} entries={entries} />}
      {status === 'loading' && entries.length === 0 ? (
        <p className="view-state" role="status">
          Loading events…
        </p>
      ) : status === 'error' ? (
        <div className="view-state error" role="alert">
          Could not load events: {error}
          <button type="button" className="btn" onClick={() => void stores.inspector.getState().load()}>
            Try again
          </button>
        </div>
      ) : shown.length === 0 ? (
        <p className="view-empty">{entries.length === 0 ? 'No events yet.' : 'No events match these filters.'}</p>
      ) : (
        <div className="table-wrap">
          <table className="inspector-table">
            <caption className="sr-only">
              Events, newest first{filtered.length > SHOWN ? ` (latest ${SHOWN} of ${filtered.length})` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Dir</th>
                <th scope="col">Event</th>
                <th scope="col">Channel</th>
                <th scope="col">Message</th>
                <th scope="col">Payload (redacted)</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={`${e.accountId}:${e.seq}`} className={e.valid ? '' : 'invalid'} data-nav-item tabIndex={-1}>
                  <td>{new Date(e.at).toLocaleTimeString()}</td>
                  <td>{e.direction}</td>
                  <td>
                    {e.event}
                    {!e.valid && <span className="pill pill-expired"> invalid{e.error ? `: ${e.error}` : ''}</span>}
                  </td>
                  <td className="mono">{e.channelId ?? '—'}</td>
                  <td className="mono">
                    {e.messageId ? (
                      <button type="button" className="btn btn-link" data-nav-open onClick={() => setMessageId(e.messageId ?? '')}>
                        {e.messageId}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="mono summary-cell">{e.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
