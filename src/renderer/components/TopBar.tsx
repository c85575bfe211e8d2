import { useState } from 'react';
import { searchInputId } from '../hooks/useKeyboardShortcuts';
import { useStores } from '../hooks/useStores';

export function TopBar() {
  const stores = useStores();
  const [query, setQuery] = useState('');
  return (
    <div className="top-bar">
      <form
        role="search"
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          void stores.ui.getState().runSearch(query);
        }}
      >
        <label htmlFor={searchInputId} className="sr-only">
          Search messages
        </label>
        <input
          id={searchInputId}
          type="search"
          placeholder="Search messages  ( / )"
          value={query}
          maxLength={200}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
        />
      </form>
      <button type="button" className="btn btn-quiet" aria-label="Keyboard shortcuts" onClick={() => stores.ui.getState().setHelpOpen(true)}>
        ?
      </button>
    </div>
  );
}
