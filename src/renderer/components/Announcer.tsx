import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Notice } from '../../shared/domain';
import { useSlice, useStores } from '../hooks/useStores';
import { showReview } from '../stores/event-feed';

const TOAST_MS = 10_000;

function Toast({ notice, onDismiss, onShow }: { notice: Notice; onDismiss: () => void; onShow?: () => void }) {
  const stores = useStores();
  const { id, urgency } = notice;
  useEffect(() => {
    const t = setTimeout(() => stores.ui.getState().dismissNotice(id), urgency === 'critical' ? TOAST_MS * 3 : TOAST_MS);
    return () => clearTimeout(t);
  }, [stores, id, urgency]);
  return (
    <li className={`toast urgency-${notice.urgency} kind-${notice.kind}`}>
      <div className="toast-text">
        <strong dir="auto">{notice.title}</strong>
        {notice.body && <span dir="auto">{notice.body}</span>}
      </div>
      {onShow && (
        <button type="button" className="btn btn-small" onClick={onShow}>
          Show
        </button>
      )}
      <button type="button" className="btn btn-quiet btn-small" aria-label={`Dismiss: ${notice.title}`} onClick={onDismiss}>
        ✕
      </button>
    </li>
  );
}

/** Live regions for new reviews and reminders, plus visible toasts for the same notices. */
export function Announcer() {
  const stores = useStores();
  const { notices, announcement } = useSlice((s) => s.ui, useShallow((s) => ({ notices: s.notices, announcement: s.announcement })));
  return (
    <>
      <div className="sr-only" aria-live="polite" data-testid="announcer-polite">
        {announcement && !announcement.assertive ? announcement.text : ''}
      </div>
      <div className="sr-only" aria-live="assertive" data-testid="announcer-assertive">
        {announcement?.assertive ? announcement.text : ''}
      </div>
      {notices.length > 0 && (
        <ul className="toasts" aria-label="Notifications">
          {notices.slice(-3).map((n) => {
            const { accountId, channelId, messageId } = n;
            return (
              <Toast
                key={n.id}
                notice={n}
                onDismiss={() => stores.ui.getState().dismissNotice(n.id)}
                onShow={accountId && channelId && messageId ? () => void showReview(stores, { accountId, channelId, messageId }) : undefined}
              />
            );
          })}
        </ul>
      )}
    </>
  );
}
