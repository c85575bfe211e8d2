import type { ChannelView, MessageView } from '../../shared/domain';
import { useNow } from '../hooks/useNow';
import { ago, clockTime } from '../lib/format';
import { AgentStatus } from './AgentStatus';
import { Avatar } from './Avatar';

export interface AgentPanelProps {
  channel: ChannelView;
  /** Loaded messages whose webhook failed, newest first. */
  failures: MessageView[];
  onShowMessage: (messageId: string) => void;
}

export function AgentPanel({ channel: c, failures, onShowMessage }: AgentPanelProps) {
  const now = useNow(30_000);
  const failureCount = Math.max(c.recentDeliveryFailures, failures.length);
  return (
    <aside className="agent-panel" aria-label="Agent details">
      <div className="agent-panel-head">
        <Avatar name={c.name} url={c.avatarUrl} size="lg" />
        <div>
          <h3 className="agent-name" dir="auto">
            {c.name}
          </h3>
          <AgentStatus status={c.status} stale={c.stale} />
        </div>
      </div>
      {c.stale && (
        <p className="warning-box" role="note">
          <strong>Stale:</strong> no ping since {ago(c.lastActiveAt, now)}. Placet never marks an agent offline by itself, so this agent may
          have stopped.
        </p>
      )}
      <dl className="agent-facts">
        <dt>Status message</dt>
        <dd dir="auto">{c.statusMessage ?? '—'}</dd>
        <dt>Since</dt>
        <dd>{c.statusSince ? `${clockTime(c.statusSince)} (${ago(c.statusSince, now)})` : 'never reported'}</dd>
        <dt>Last seen</dt>
        <dd>{c.lastActiveAt ? ago(c.lastActiveAt, now) : 'never'}</dd>
        {c.description && (
          <>
            <dt>About</dt>
            <dd dir="auto">{c.description}</dd>
          </>
        )}
      </dl>
      <h4>Recent delivery failures</h4>
      {failureCount === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <>
          <p className="error-text">
            {failureCount} webhook {failureCount === 1 ? 'delivery' : 'deliveries'} failed recently.
          </p>
          <ul className="failure-list">
            {failures.slice(0, 5).map((m) => (
              <li key={m.id}>
                <button type="button" className="btn btn-link" onClick={() => onShowMessage(m.id)}>
                  {clockTime(m.createdAt)} — {(m.text ?? m.review?.type ?? 'message').slice(0, 60)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Commands</h4>
      {c.commands.length === 0 ? (
        <p className="muted">This agent advertises no commands.</p>
      ) : (
        <ul className="command-list">
          {c.commands.map((cmd) => (
            <li key={cmd.command}>
              <code>
                /{cmd.command.replace(/^\//u, '')}
                {cmd.argHint ? ` ${cmd.argHint}` : ''}
              </code>
              <span className="command-desc">{cmd.description}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
