import type { AgentStatusValue } from '../../shared/placet/schemas';
import { agentStatusLabel } from '../lib/format';

/** A status dot with its word next to it: colour is never the only carrier. */
export function AgentStatus({ status, stale, compact = false }: { status: AgentStatusValue; stale: boolean; compact?: boolean }) {
  return (
    <span className={`agent-status status-${status}${stale ? ' is-stale' : ''}${compact ? ' compact' : ''}`}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-label">{agentStatusLabel[status]}</span>
      {stale && (
        <span className="stale-marker" title="No ping from this agent for a while">
          Stale
        </span>
      )}
    </span>
  );
}
