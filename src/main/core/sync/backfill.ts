import { z } from 'zod';
import { messagePageSchema, messageSchema, type Message } from '../../../shared/placet/schemas';
import { AppFailure } from '../../../shared/ipc/result';
import type { RestClient } from '../net/rest-client';

export interface BackfillDeps {
  rest: RestClient;
  /** Newest `createdAt` held for the channel before this pass, or null for a channel never synced. */
  newestHeld: string | null;
  /** Messages of this channel we hold as pending reviews. */
  heldPending: () => string[];
  apply: (messages: Message[]) => void;
  /** A review we hold as pending no longer exists on the server. */
  markGone: (messageId: string) => void;
  /** Pages to read on a channel's first sync; older history is left on the server. */
  initialPages: number;
  /** Tolerance for `createdAt` ties and clock skew when deciding the gap is closed. */
  overlapMs?: number;
}

export interface BackfillResult {
  pages: number;
  messages: number;
  reconciled: number;
  newest: string | null;
}

const pageSize = 100;

/**
 * Closes the gap after a (re)connect, per PROTOCOL.md §6: the server replays nothing, so page the
 * channel newest-first until we reach what we held (minus an overlap), then reconcile every review we
 * hold as pending against `GET /reviews/pending` and `GET /reviews/:id`. Idempotent: re-running it
 * changes nothing, since rows are replaced by id.
 */
export async function backfillChannel(channelId: string, deps: BackfillDeps): Promise<BackfillResult> {
  const result: BackfillResult = { pages: 0, messages: 0, reconciled: 0, newest: null };
  const stopBefore = deps.newestHeld ? new Date(Date.parse(deps.newestHeld) - (deps.overlapMs ?? 60_000)).toISOString() : null;
  let cursor: string | null = null;
  const ch = encodeURIComponent(channelId);
  for (;;) {
    const query: string = `/messages?channel=${ch}&limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await deps.rest.get(query, messagePageSchema);
    result.pages++;
    result.messages += page.data.length;
    if (page.data.length) deps.apply(page.data);
    result.newest ??= page.data[0]?.createdAt ?? null;
    const reachedHeld = stopBefore !== null && page.data.some((m) => m.createdAt < stopBefore);
    if (!page.nextCursor || page.data.length === 0 || reachedHeld) break;
    if (stopBefore === null && result.pages >= deps.initialPages) break;
    cursor = page.nextCursor;
  }
  result.reconciled = await reconcileReviews(channelId, deps);
  return result;
}

async function reconcileReviews(channelId: string, deps: BackfillDeps): Promise<number> {
  const ch = encodeURIComponent(channelId);
  const pending = await deps.rest.get(`/reviews/pending?channel=${ch}`, z.array(messageSchema).max(10_000));
  if (pending.length) deps.apply(pending);
  const stillPending = new Set(pending.map((m) => m.id));
  let reconciled = 0;
  for (const id of deps.heldPending()) {
    if (stillPending.has(id)) continue;
    try {
      const message = await deps.rest.get(`/reviews/${encodeURIComponent(id)}?channel=${ch}`, messageSchema);
      deps.apply([message]);
      reconciled++;
    } catch (err) {
      if (!(err instanceof AppFailure && err.code === 'not-found')) throw err;
      // Deleted on the server (Placet announces no deletions): nobody can answer it any more, so it
      // leaves the pending queue as expired instead of counting down forever.
      deps.markGone(id);
      reconciled++;
    }
  }
  return reconciled;
}
