import { useEffect, useRef } from 'react';
import { shortcutList } from '../hooks/useKeyboardShortcuts';
import { useSlice, useStores } from '../hooks/useStores';

export function HelpOverlay() {
  const stores = useStores();
  const open = useSlice((s) => s.ui, (s) => s.helpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay" onClick={() => stores.ui.getState().setHelpOpen(false)}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="shortcut-table">
          <tbody>
            {shortcutList.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="btn btn-primary" onClick={() => stores.ui.getState().setHelpOpen(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
