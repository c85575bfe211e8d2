import type { InspectorEntry } from '../../shared/domain';
import { formatDuration } from '../lib/countdown';

/** A review's story at a glance: created → responded/expired → delivery states, with timings. */
export function ReviewLifecycle({ messageId, entries }: { messageId: string; entries: InspectorEntry[] }) {
  const steps = entries.filter((e) => e.messageId === messageId).sort((a, b) => a.at - b.at);
  const start = steps[0]?.at ?? 0;
  return (
    <section className="lifecycle" aria-label={`Lifecycle of message ${messageId}`}>
      <h3>Lifecycle of {messageId}</h3>
      {steps.length === 0 ? (
        <p className="muted">No events recorded for this message.</p>
      ) : (
        <ol className="lifecycle-steps">
          {steps.map((e) => (
            <li key={`${e.accountId}:${e.seq}`} className={e.valid ? '' : 'invalid'}>
              <span className="lifecycle-event">{e.event}</span>
              <span className="lifecycle-time">
                {new Date(e.at).toLocaleTimeString()} {e.at > start && `(+${formatDuration(e.at - start)})`}
              </span>
              {!e.valid && <span className="pill pill-expired">invalid</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
