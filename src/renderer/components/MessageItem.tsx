import { memo, useState } from 'react';
import type { MessageView } from '../../shared/domain';
import { clockTime } from '../lib/format';
import { Attachments } from './Attachments';
import { DeliveryBadge } from './DeliveryBadge';
import { Markdown, markdownLimit } from './Markdown';
import { ReviewCard } from './ReviewCard';

export interface MessageItemProps {
  message: MessageView;
  agentName: string;
  highlighted: boolean;
  onOpenLink: (url: string) => void;
  onOpenInPlacet: () => void;
}

const toneWord = { info: 'Info', success: 'Success', warning: 'Warning', error: 'Error' } as const;

function MessageItemImpl({ message: m, agentName, highlighted, onOpenLink, onOpenInPlacet }: MessageItemProps) {
  const [full, setFull] = useState(false);
  const sender = m.senderType === 'agent' ? agentName : 'You';
  const long = (m.text?.length ?? 0) > markdownLimit;
  return (
    <article
      className={`message sender-${m.senderType}${m.tone ? ` tone-${m.tone}` : ''}${highlighted ? ' is-highlighted' : ''}`}
      data-nav-item
      data-message-id={m.id}
      tabIndex={-1}
      aria-label={`${sender}, ${clockTime(m.createdAt)}`}
    >
      <header className="message-head">
        <span className="message-sender" dir="auto">
          {sender}
        </span>
        <time className="message-time" dateTime={m.createdAt}>
          {clockTime(m.createdAt)}
        </time>
        {m.tone && (
          <span className={`tone-badge tone-${m.tone}`}>
            <span aria-hidden="true" className="tone-icon" />
            {toneWord[m.tone]}
          </span>
        )}
        {m.streamState === 'streaming' && <span className="stream-badge streaming">Writing…</span>}
        {m.streamState === 'aborted' && <span className="stream-badge aborted">Stopped before finishing</span>}
        <DeliveryBadge status={m.deliveryStatus} />
      </header>
      {m.text && <Markdown text={m.text} onOpenLink={onOpenLink} full={full} />}
      {long && (
        <button type="button" className="btn btn-link" onClick={() => setFull(!full)}>
          {full ? 'Show less' : `Show the whole message (${Math.round((m.text?.length ?? 0) / 1000)}k characters)`}
        </button>
      )}
      <Attachments files={m.attachments} />
      {m.review && (
        <ReviewCard review={m.review} iteration={m.iteration} iterationCount={m.iterationCount} onOpenInPlacet={onOpenInPlacet} />
      )}
    </article>
  );
}

export const MessageItem = memo(MessageItemImpl);
