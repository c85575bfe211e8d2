import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageView } from '../../shared/domain';
import { useSlice, useStores } from '../hooks/useStores';
import { placetChatUrl } from '../lib/format';
import { channelKey, type ChannelRef } from '../lib/keys';
import { AgentPanel } from './AgentPanel';
import { AgentStatus } from './AgentStatus';
import { Avatar } from './Avatar';
import { ChannelFeed } from './ChannelFeed';
import { PendingBar } from './PendingBar';

export function ChannelView({ selected }: { selected: ChannelRef }) {
  const stores = useStores();
  const key = channelKey(selected.accountId, selected.channelId);
  const channel = useSlice((s) => s.channels, (s) => s.byKey[key]);
  const account = useSlice((s) => s.accounts, (s) => s.byId[selected.accountId]);
  const feed = useSlice((s) => s.messages, (s) => s.byChannel[key]);
  const { highlight, panelOpen } = useSlice((s) => s.ui, useShallow((s) => ({ highlight: s.highlight, panelOpen: s.agentPanelOpen })));
  const pending = useSlice(
    (s) => s.reviews,
    useShallow((s) =>
      Object.values(s.byKey)
        .filter((r) => r.accountId === selected.accountId && r.channelId === selected.channelId && r.status === 'pending')
        .sort((a, b) => (a.expiresAt < b.expiresAt ? -1 : 1)),
    ),
  );
  const { accountId, channelId } = selected;

  useEffect(() => {
    void stores.messages.getState().open({ accountId, channelId });
    stores.channels.getState().markRead({ accountId, channelId });
  }, [stores, accountId, channelId]);

  const openLink = useCallback((url: string) => void stores.bridge.invoke('links:open', { url }), [stores]);
  const serverUrl = account?.serverUrl ?? '';
  const openInPlacet = useCallback(() => openLink(placetChatUrl(serverUrl, channelId)), [openLink, serverUrl, channelId]);
  const seenLatest = useCallback(() => {
    if (document.visibilityState !== 'hidden') stores.channels.getState().markRead({ accountId, channelId });
  }, [stores, accountId, channelId]);
  const showMessage = useCallback(
    (messageId: string) => {
      stores.ui.getState().openChannel({ accountId, channelId }, messageId);
      void stores.messages.getState().reveal({ accountId, channelId }, messageId);
    },
    [stores, accountId, channelId],
  );
  const failures = useMemo(
    () => (feed?.messages ?? []).filter((m: MessageView) => m.deliveryStatus === 'webhook_failed').reverse(),
    [feed?.messages],
  );

  if (!channel) {
    return (
      <div className="view-empty">
        <h2>Channel not found</h2>
        <p>This agent is no longer listed for its account.</p>
      </div>
    );
  }

  return (
    <div className="channel-view">
      <div className="channel-main">
        <header className="view-header channel-header">
          <Avatar name={channel.name} url={channel.avatarUrl} />
          <div className="channel-title">
            <h2 dir="auto">{channel.name}</h2>
            <span className="channel-sub">
              <AgentStatus status={channel.status} stale={channel.stale} />
              {channel.statusMessage && (
                <span className="status-message" dir="auto">
                  {channel.statusMessage}
                </span>
              )}
            </span>
          </div>
          <div className="header-actions">
            <button
              type="button"
              className="btn"
              aria-pressed={channel.muted}
              onClick={() => void stores.channels.getState().setMuted({ accountId, channelId }, !channel.muted)}
            >
              {channel.muted ? 'Unmute' : 'Mute'}
            </button>
            <button type="button" className="btn" onClick={openInPlacet}>
              Open in Placet
            </button>
            <button type="button" className="btn" aria-pressed={panelOpen} onClick={() => stores.ui.getState().toggleAgentPanel()}>
              Agent details
            </button>
          </div>
        </header>
        <PendingBar reviews={pending} onShow={showMessage} />
        <ChannelFeed
          feed={feed}
          agentName={channel.name}
          highlight={highlight}
          onLoadOlder={() => void stores.messages.getState().loadOlder({ accountId, channelId })}
          onOpenLink={openLink}
          onOpenInPlacet={openInPlacet}
          onSeenLatest={seenLatest}
          onRetry={() => void stores.messages.getState().open({ accountId, channelId })}
        />
      </div>
      {panelOpen && <AgentPanel channel={channel} failures={failures} onShowMessage={showMessage} />}
    </div>
  );
}
