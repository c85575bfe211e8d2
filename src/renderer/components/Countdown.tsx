import { useNow } from '../hooks/useNow';
import { countdownText, urgencyLabel, urgencyOf } from '../lib/countdown';

/** A live countdown to a review deadline; its tone changes as the deadline nears. */
export function Countdown({ expiresAt, large = false }: { expiresAt: string; large?: boolean }) {
  const now = useNow(1_000);
  const left = Date.parse(expiresAt) - now;
  const urgency = urgencyOf(Number.isNaN(left) ? Infinity : left);
  return (
    <span className={`countdown urgency-${urgency}${large ? ' large' : ''}`} data-urgency={urgency}>
      <time dateTime={expiresAt} className="countdown-time" title={`Expires ${new Date(expiresAt).toLocaleString()}`}>
        {countdownText(expiresAt, now)}
      </time>
      <span className="countdown-label">{urgencyLabel[urgency]}</span>
    </span>
  );
}
