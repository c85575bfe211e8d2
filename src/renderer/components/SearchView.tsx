import { useShallow } from 'zustand/react/shallow';
import type { MessageView } from '../../shared/domain';
import { useSlice, useStores } from '../hooks/useStores';
import { clockTime } from '../lib/format';
import { channelKey } from '../lib/keys';

const SNIPPET = 240;

function snippet(text: string | null, query: string): { before: string; match: string; after: string } {
  const t = (text ?? '').replace(/\s+/gu, ' ');
  const at = t.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return { before: t.slice(0, SNIPPET), match: '', after: '' };
  const start = Math.max(0, at - 80);
  return { before: (start > 0 ? '…' : '') + t.slice(start, at), match: t.slice(at, at + query.length), after: t.slice(at + query.length, at + query.length + 160) };
}

export function SearchView() {
  const stores = useStores();
  const search = useSlice((s) => s.ui, (s) => s.search);
  const names = useSlice((s) => s.channels, useShallow((s) => Object.fromEntries(Object.entries(s.byKey).map(([k, c]) => [k, c.name]))));
  const open = (m: MessageView): void => {
    const ref = { accountId: m.accountId, channelId: m.channelId };
    stores.ui.getState().openChannel(ref, m.id);
    void stores.messages.getState().reveal(ref, m.id);
  };
  return (
    <div className="view search-view">
      <header className="view-header">
        <h2>Search{search.query && <span className="muted"> — “{search.query}”</span>}</h2>
      </header>
      {search.status === 'idle' && <p className="view-empty">Type in the search box and press Enter.</p>}
      {search.status === 'loading' && (
        <p className="view-state" role="status">
          Searching…
        </p>
      )}
      {search.status === 'error' && (
        <p className="view-state error" role="alert">
          Search failed: {search.error}
        </p>
      )}
      {search.status === 'ready' && search.results.length === 0 && <p className="view-empty">No messages match “{search.query}”.</p>}
      {search.status === 'ready' && search.results.length > 0 && (
        <>
          <p className="muted" role="status">
            {search.results.length} {search.results.length === 1 ? 'result' : 'results'}
          </p>
          <ul className="search-results">
            {search.results.map((m) => {
              const s = snippet(m.text, search.query);
              const name = names[channelKey(m.accountId, m.channelId)] ?? m.channelId;
              return (
                <li key={`${m.accountId}/${m.id}`} data-nav-item tabIndex={-1} className="search-result">
                  <button type="button" className="search-hit" data-nav-open onClick={() => open(m)}>
                    <span className="search-hit-head">
                      <span className="search-channel" dir="auto">
                        {name}
                      </span>
                      <span className="muted">{clockTime(m.createdAt)}</span>
                    </span>
                    <span className="search-snippet" dir="auto">
                      {s.before}
                      {s.match && <mark>{s.match}</mark>}
                      {s.after}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
