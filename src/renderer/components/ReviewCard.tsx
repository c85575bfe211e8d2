import type { ReviewView } from '../../shared/domain';
import { useNow } from '../hooks/useNow';
import { clockTime } from '../lib/format';
import { approvalOptions, formFields, prettyJson, reviewTypeLabel, selectionItems, str } from '../../shared/reviews/review-payload';
import { Countdown } from './Countdown';
import { ReviewResponse } from './ReviewResponse';
import { effectiveStatus, ReviewStatePill } from './ReviewStatePill';

export interface ReviewCardProps {
  review: ReviewView;
  iteration: number | null;
  iterationCount: number | null;
  onOpenInPlacet: () => void;
}

function Asked({ review }: { review: ReviewView }) {
  const p = review.payload;
  switch (review.type) {
    case 'approval': {
      const chosen = review.status === 'completed' ? str(review.response?.selectedOption) : undefined;
      return (
        <ul className="review-options" aria-label="Options">
          {approvalOptions(p).map((o) => (
            <li key={o.id} className={`option option-${o.style}${o.id === chosen ? ' is-chosen' : ''}`}>
              {o.label}
              {o.id === chosen && <span className="sr-only"> (chosen)</span>}
            </li>
          ))}
          {p?.allowComment === true && <li className="option-note">Comment allowed</li>}
        </ul>
      );
    }
    case 'selection':
      return (
        <div>
          <p className="review-hint">{p?.mode === 'multi' ? 'Choose any number of:' : 'Choose one of:'}</p>
          <ul className="review-items">
            {selectionItems(p).map((i) => (
              <li key={i.id}>
                <span className="item-label">{i.label}</span>
                {i.description && <span className="item-desc"> — {i.description}</span>}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'form':
      return (
        <dl className="review-fields">
          {formFields(p).map((f) => (
            <div key={f.name} className="field-row">
              <dt>
                {f.label}
                {f.required && <span className="required"> (required)</span>}
              </dt>
              <dd>
                <span className="field-type">{f.type}</span>
                {f.unit && <span> · {f.unit}</span>}
                {f.placeholder && <span className="field-placeholder"> · “{f.placeholder}”</span>}
                {f.options.length > 0 && <span> · {f.options.join(', ')}</span>}
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'text-input': {
      const hint = str(p?.placeholder) ?? str(p?.prefill);
      return hint ? <p className="review-hint">Asks for text: “{hint}”</p> : <p className="review-hint">Asks for a text answer.</p>;
    }
    default:
      return p && Object.keys(p).length > 0 ? (
        <details className="review-json">
          <summary>What the agent sent</summary>
          <pre>{prettyJson(p.schema ?? p)}</pre>
        </details>
      ) : null;
  }
}

export function ReviewCard({ review, iteration, iterationCount, onOpenInPlacet }: ReviewCardProps) {
  const now = useNow(1_000);
  const status = effectiveStatus(review.status, review.expiresAt, now);
  return (
    <section className={`review-card review-${status}`} aria-label={`${reviewTypeLabel(review.type)} review, ${status}`}>
      <header className="review-card-head">
        <span className="review-type">{reviewTypeLabel(review.type)}</span>
        <ReviewStatePill status={status} />
        {iteration !== null && iteration > 0 && (
          <span className="pill pill-iteration">{iterationCount ? `Revision ${iteration} of ${iterationCount}` : `Revision ${iteration}`}</span>
        )}
        {status === 'pending' && <Countdown expiresAt={review.expiresAt} />}
      </header>
      <Asked review={review} />
      {status === 'completed' && review.response && (
        <ReviewResponse type={review.type} payload={review.payload} response={review.response} completedAt={review.completedAt} />
      )}
      {status === 'expired' && <p className="review-expired-note">Expired {clockTime(review.expiresAt)} without an answer.</p>}
      {review.feedback && <p className="review-feedback">Feedback: {review.feedback}</p>}
      {status === 'pending' && (
        <div className="review-actions">
          <button type="button" className="btn btn-primary" data-nav-open onClick={onOpenInPlacet}>
            Open in Placet
          </button>
        </div>
      )}
    </section>
  );
}
