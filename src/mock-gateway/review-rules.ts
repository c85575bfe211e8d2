import { HttpError } from './http-error';
import type { StoredReview } from './types';

export const DEFAULT_REVIEW_DURATION_SECONDS = 86_400;
export const MAX_REVIEW_DURATION_SECONDS = 129_600;

export interface ReviewInput {
  type: string;
  payload?: Record<string, unknown>;
  callback?: { url: string; method?: string; headers?: Record<string, string> };
  expiresAt?: string;
  expiresInSeconds?: number;
}

/**
 * §4.4: `expiresInSeconds` wins, then `expiresAt`, then now + 24 h; anything past now + 36 h is
 * silently capped; a deadline at or before now is a 400. Unknown keys were already stripped.
 */
export function normaliseReview(input: ReviewInput, now: number): StoredReview {
  let deadline: number;
  if (input.expiresInSeconds !== undefined) {
    if (!Number.isFinite(input.expiresInSeconds) || input.expiresInSeconds <= 0) {
      throw new HttpError(400, 'expiresInSeconds must be a positive number');
    }
    deadline = now + input.expiresInSeconds * 1000;
  } else if (input.expiresAt !== undefined) {
    deadline = Date.parse(input.expiresAt);
    if (Number.isNaN(deadline)) throw new HttpError(400, 'Invalid expiresAt');
  } else {
    deadline = now + DEFAULT_REVIEW_DURATION_SECONDS * 1000;
  }
  deadline = Math.min(deadline, now + MAX_REVIEW_DURATION_SECONDS * 1000);
  if (deadline <= now) throw new HttpError(400, 'expiresAt must be in the future');
  const review: StoredReview = { type: input.type, payload: input.payload ?? {}, status: 'pending', expiresAt: new Date(deadline).toISOString() };
  if (input.callback) review.callback = input.callback;
  return review;
}
