import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MessageView } from '../../shared/domain';
import type { FeedWindow } from '../stores/messages-store';
import { MessageItem } from './MessageItem';

export interface ChannelFeedProps {
  feed: FeedWindow | undefined;
  agentName: string;
  highlight: string | null;
  onLoadOlder: () => void;
  onOpenLink: (url: string) => void;
  onOpenInPlacet: (m: MessageView) => void;
  /** The newest message is on screen (mark the channel read). */
  onSeenLatest: () => void;
  onRetry: () => void;
}

const NO_MESSAGES: MessageView[] = [];
const NEAR_BOTTOM_PX = 48;
const NEAR_TOP_PX = 300;
/** A scroll within this long of a wheel, touch, key or pointer press counts as the user's. */
const USER_SCROLL_MS = 1_000;

// Rows are positioned with `style` props: React sets them through the CSSOM, which a CSP without
// 'unsafe-inline' for styles allows (only style attributes in markup are blocked).
export function ChannelFeed({ feed, agentName, highlight, onLoadOlder, onOpenLink, onOpenInPlacet, onSeenLatest, onRetry }: ChannelFeedProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const messages = feed?.messages ?? NO_MESSAGES;
  const [stuck, setStuck] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const lastAppended = useRef(feed?.appended ?? 0);
  // Only the user scrolls the feed away from the bottom. Scroll events also come from our own
  // scrollToIndex and from rows being measured as they mount; those must not unstick the feed, or a
  // busy channel stops following its newest message.
  const userScrolledAt = useRef(0);
  const markUserScroll = (): void => {
    userScrolledAt.current = Date.now();
  };
  const firstId = useRef<string | null>(null);

  // The virtualizer is a mutable instance by design; this component opts out of compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 8,
    getItemKey: (i) => messages[i]?.id ?? i,
  });

  const toBottom = useCallback(() => {
    if (messages.length > 0) virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
    setUnseen(0);
    setStuck(true);
  }, [messages.length, virtualizer]);

  // New messages: follow them when stuck to the bottom, otherwise count them for the jump button.
  useEffect(() => {
    const appended = feed?.appended ?? 0;
    const delta = appended - lastAppended.current;
    lastAppended.current = appended;
    if (delta <= 0) return;
    if (stuck) {
      toBottom();
      onSeenLatest();
    } else setUnseen((n) => n + delta);
  }, [feed?.appended, stuck, toBottom, onSeenLatest]);

  // Older page prepended: keep the message that was on top where it was.
  useLayoutEffect(() => {
    const first = messages[0]?.id ?? null;
    const before = firstId.current;
    firstId.current = first;
    if (!before || before === first) return;
    const idx = messages.findIndex((m) => m.id === before);
    if (idx > 0) virtualizer.scrollToIndex(idx, { align: 'start' });
  }, [messages, virtualizer]);

  // First load of the channel: start at the newest message.
  const ready = feed?.status === 'ready';
  useEffect(() => {
    if (ready && !highlight) toBottom();
    // Only when the feed becomes ready.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  useEffect(() => {
    if (!highlight) return;
    const idx = messages.findIndex((m) => m.id === highlight);
    if (idx >= 0) {
      setStuck(false);
      virtualizer.scrollToIndex(idx, { align: 'center' });
    }
  }, [highlight, messages, virtualizer]);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (atBottom && !stuck) setStuck(true);
    else if (!atBottom && stuck && Date.now() - userScrolledAt.current < USER_SCROLL_MS) setStuck(false);
    if (atBottom && unseen > 0) {
      setUnseen(0);
      onSeenLatest();
    }
    if (el.scrollTop < NEAR_TOP_PX && feed?.hasMore && !feed.loadingOlder) onLoadOlder();
  };

  if (!feed || feed.status === 'loading') return <div className="feed-state" role="status">Loading messages…</div>;
  if (feed.status === 'error')
    return (
      <div className="feed-state error" role="alert">
        <p>Could not load this channel: {feed.error}</p>
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  if (messages.length === 0) return <div className="feed-state">No messages in this channel yet.</div>;

  return (
    <div className="feed-wrap">
      {feed.hasMore && (
        <div className="feed-older">
          {feed.loadingOlder ? (
            'Loading older messages…'
          ) : (
            <button type="button" className="btn btn-link" onClick={onLoadOlder}>
              Load older messages
            </button>
          )}
        </div>
      )}
      <div
        className="feed-scroll"
        ref={scrollRef}
        onScroll={onScroll}
        onWheel={markUserScroll}
        onTouchMove={markUserScroll}
        onKeyDown={markUserScroll}
        onPointerDown={markUserScroll} role="log" aria-label={`Messages with ${agentName}`} aria-live="off">
        <div className="feed-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const m = messages[row.index];
            if (!m) return null;
            return (
              <div key={row.key} className="feed-row" data-index={row.index} ref={virtualizer.measureElement} style={{ transform: `translateY(${row.start}px)` }}>
                <MessageItem message={m} agentName={agentName} highlighted={m.id === highlight} onOpenLink={onOpenLink} onOpenInPlacet={() => onOpenInPlacet(m)} />
              </div>
            );
          })}
        </div>
      </div>
      {unseen > 0 && (
        <button type="button" className="btn jump-new" onClick={toBottom}>
          {unseen} new {unseen === 1 ? 'message' : 'messages'} ↓
        </button>
      )}
    </div>
  );
}
