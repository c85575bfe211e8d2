// Plain JSX (not TypeScript): the node type-check has no DOM or JSX, and this page is not part of it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

/** The limit P5 is measured against: the same virtualizer with a trivial row. */
export function BareList({ messages }) {
  const scrollRef = useRef(null);
  const virtualizer = useVirtualizer({ count: messages.length, getScrollElement: () => scrollRef.current, estimateSize: () => 96, overscan: 8, getItemKey: (i) => messages[i]?.id ?? i });
  return (
    <div className="feed-scroll" ref={scrollRef} role="log" style={{ height: '100%', overflow: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}>
            {messages[row.index]?.text}
          </div>
        ))}
      </div>
    </div>
  );
}
