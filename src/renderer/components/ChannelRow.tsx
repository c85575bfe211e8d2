import { memo } from 'react';
import type { ChannelView } from '../../shared/domain';
import { useSlice, useStores } from '../hooks/useStores';
import { AgentStatus } from './AgentStatus';
import { Avatar } from './Avatar';

function ChannelRowImpl({ channel: c, connectionProblem }: { channel: ChannelView; connectionProblem: boolean }) {
  const stores = useStores();
  const active = useSlice(
    (s) => s.ui,
    (s) => s.view === 'channel' && s.selected?.accountId === c.accountId && s.selected.channelId === c.channelId,
  );
  return (
    <li>
      <button
        type="button"
        className={`channel-row${c.unread > 0 ? ' has-unread' : ''}${c.pendingReviews > 0 ? ' has-pending' : ''}`}
        aria-current={active ? 'page' : undefined}
        data-channel-key={`${c.accountId}/${c.channelId}`}
        onClick={() => stores.ui.getState().openChannel({ accountId: c.accountId, channelId: c.channelId })}
      >
        <Avatar name={c.name} url={c.avatarUrl} size="sm" />
        <span className="channel-row-text">
          <span className="channel-name" dir="auto">
            {c.name}
          </span>
          <AgentStatus status={c.status} stale={c.stale} compact />
        </span>
        <span className="channel-badges">
          {connectionProblem && (
            <span className="conn-dot" title="Connection problem">
              <span aria-hidden="true">⚠</span>
              <span className="sr-only">Connection problem</span>
            </span>
          )}
          {c.muted && (
            <span className="muted-mark" title="Muted">
              <span aria-hidden="true">🔕</span>
              <span className="sr-only">Muted</span>
            </span>
          )}
          {c.pendingReviews > 0 && (
            <span className="badge badge-urgent" title={`${c.pendingReviews} pending reviews`}>
              {c.pendingReviews}
              <span className="sr-only"> pending {c.pendingReviews === 1 ? 'review' : 'reviews'}</span>
            </span>
          )}
          {c.unread > 0 && (
            <span className="badge" title={`${c.unread} unread`}>
              {c.unread > 999 ? '999+' : c.unread}
              <span className="sr-only"> unread</span>
            </span>
          )}
        </span>
      </button>
    </li>
  );
}

export const ChannelRow = memo(ChannelRowImpl);
