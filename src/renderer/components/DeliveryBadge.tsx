import type { DeliveryStatus } from '../../shared/placet/schemas';
import { deliveryLabel } from '../lib/format';

const marks: Record<DeliveryStatus, string> = {
  sent: '✓',
  webhook_delivered: '✓✓',
  webhook_failed: '!',
  agent_received: '✓✓',
};

export function DeliveryBadge({ status }: { status: DeliveryStatus }) {
  const label = deliveryLabel[status];
  return (
    <span className={`delivery delivery-${status}`} role="img" aria-label={`Delivery: ${label}`} title={label} data-delivery={status}>
      <span aria-hidden="true" className="delivery-mark">
        {marks[status]}
      </span>
      <span aria-hidden="true" className="delivery-text">
        {label}
      </span>
    </span>
  );
}
