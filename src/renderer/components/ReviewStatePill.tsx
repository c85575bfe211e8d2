import type { ReviewStatus } from '../../shared/placet/schemas';

const text: Record<ReviewStatus, string> = { pending: 'Pending', completed: 'Completed', expired: 'Expired' };

export function ReviewStatePill({ status }: { status: ReviewStatus }) {
  return <span className={`pill pill-${status}`}>{text[status]}</span>;
}

/** Pending reviews past their deadline are expired even if the server has not said so yet (PROTOCOL §4.4). */
export function effectiveStatus(status: ReviewStatus, expiresAt: string, now: number): ReviewStatus {
  return status === 'pending' && Date.parse(expiresAt) <= now ? 'expired' : status;
}
