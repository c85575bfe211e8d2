import type { EventPayload } from '../../shared/ipc/contract';
import type { CoreHandlers } from '../core/core-api';
import type { Logger } from '../core/ports';

export interface ReviewRef {
  accountId: string;
  messageId: string;
  /** Known for notifications and tray items; a deep link has to look it up. */
  channelId?: string;
}

export interface ReviewOpenerDeps {
  reviewsList: CoreHandlers['reviews:list'];
  focusWindow(): void;
  showReview(payload: EventPayload<'ui:show-review'>): void;
  logger: Logger;
}

const statuses = ['pending', 'completed', 'expired'] as const;

/**
 * Notification click, tray item, deep link → the window, focused on that review. A review that
 * vanished (or a made-up id from a link) still brings the window up, and nothing else happens.
 */
export function createReviewOpener(deps: ReviewOpenerDeps): (ref: ReviewRef) => Promise<void> {
  return async (ref) => {
    deps.focusWindow();
    const channelId = ref.channelId ?? (await findChannel(deps, ref));
    if (channelId === null) {
      deps.logger.info('review to open was not found', { accountId: ref.accountId, messageId: ref.messageId });
      return;
    }
    deps.showReview({ accountId: ref.accountId, channelId, messageId: ref.messageId });
  };
}

async function findChannel(deps: ReviewOpenerDeps, ref: ReviewRef): Promise<string | null> {
  for (const status of statuses) {
    try {
      const items = await deps.reviewsList({ status, limit: 1_000 });
      const hit = items.find((r) => r.accountId === ref.accountId && r.messageId === ref.messageId);
      if (hit) return hit.channelId;
    } catch (err) {
      deps.logger.warn('review lookup failed', { status, error: String(err) });
    }
  }
  return null;
}
