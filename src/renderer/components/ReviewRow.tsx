import { memo } from 'react';
import type { ReviewItem } from '../../shared/domain';
import type { ReviewStatus } from '../../shared/placet/schemas';
import { useNow } from '../hooks/useNow';
import { accountPlace, clockTime } from '../lib/format';
import { reviewTypeLabel } from '../../shared/reviews/review-payload';
import { Countdown } from './Countdown';
import { DeliveryBadge } from './DeliveryBadge';
import { ReviewStatePill } from './ReviewStatePill';

export interface ReviewRowProps {
  item: ReviewItem;
  status: ReviewStatus;
  onOpenInPlacet: (item: ReviewItem) => void;
  onShow: (item: ReviewItem) => void;
  onSnooze: (item: ReviewItem) => void;
}

function ReviewRowImpl({ item, status, onOpenInPlacet, onShow, onSnooze }: ReviewRowProps) {
  const now = useNow(30_000);
  const snoozed = item.snoozedUntil && item.snoozedUntil > now ? item.snoozedUntil : null;
  return (
    <li className={`queue-row queue-${status}`} data-nav-item tabIndex={-1} data-review-id={item.messageId} aria-label={`${item.agentName}: ${item.summary}`}>
      <div className="queue-when">
        {status === 'pending' ? (
          <Countdown expiresAt={item.expiresAt} large />
        ) : (
          <>
            <ReviewStatePill status={status} />
            <span className="queue-when-time">{clockTime(status === 'completed' ? item.completedAt : item.expiresAt)}</span>
          </>
        )}
      </div>
      <div className="queue-body">
        <div className="queue-meta">
          <span className="queue-agent" dir="auto">
            {item.agentName}
          </span>
          <span className="queue-account" title={item.serverUrl}>
            {accountPlace(item.accountLabel, item.serverUrl)}
          </span>
          <span className="pill pill-type">{reviewTypeLabel(item.type)}</span>
          {status === 'completed' && <DeliveryBadge status={item.deliveryStatus} />}
        </div>
        <p className="queue-summary" dir="auto">
          {item.summary || 'No description'}
        </p>
        {status === 'completed' && item.answer && (
          <p className="queue-answer" dir="auto">
            <span className="queue-answer-label">Answer:</span> {item.answer}
          </p>
        )}
        {snoozed && <p className="queue-snoozed">Reminders snoozed until {new Date(snoozed).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}</p>}
      </div>
      <div className="queue-actions">
        {status === 'pending' && (
          <button type="button" className="btn btn-primary" onClick={() => onOpenInPlacet(item)}>
            Open in Placet
          </button>
        )}
        <button type="button" className="btn" data-nav-open onClick={() => onShow(item)}>
          Show in channel
        </button>
        {status === 'pending' && !snoozed && (
          <button type="button" className="btn btn-quiet" onClick={() => onSnooze(item)}>
            Snooze reminders 1 h
          </button>
        )}
      </div>
    </li>
  );
}

export const ReviewRow = memo(ReviewRowImpl);
