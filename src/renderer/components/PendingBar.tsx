import type { ReviewItem } from '../../shared/domain';
import { Countdown } from './Countdown';

const MAX_CHIPS = 5;

/** "N open reviews" above the feed, like Placet's, but every chip counts down. */
export function PendingBar({ reviews, onShow }: { reviews: ReviewItem[]; onShow: (messageId: string) => void }) {
  if (reviews.length === 0) return null;
  return (
    <div className="pending-bar" role="region" aria-label="Open reviews in this channel">
      <span className="pending-bar-title">
        {reviews.length} open {reviews.length === 1 ? 'review' : 'reviews'}
      </span>
      {reviews.slice(0, MAX_CHIPS).map((r) => (
        <button key={r.messageId} type="button" className="chip" onClick={() => onShow(r.messageId)}>
          <span className="chip-summary" dir="auto">
            {r.summary}
          </span>
          <Countdown expiresAt={r.expiresAt} />
        </button>
      ))}
      {reviews.length > MAX_CHIPS && <span className="chip-more">+{reviews.length - MAX_CHIPS} more</span>}
    </div>
  );
}
