import { describe, expect, it } from 'vitest';
import { deliveryOverdueMinutes, type AnsweredReview } from '../../../../src/main/core/notify/delivery-overdue';

const NOW = Date.UTC(2025, 0, 1, 12, 0);
const answered = (minutesAgo: number, over: Partial<AnsweredReview> = {}): AnsweredReview => ({
  status: 'completed',
  completedAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
  deliveryStatus: 'sent',
  expectsWebhook: true,
  ...over,
});

describe('deliveryOverdueMinutes', () => {
  it.each<[string, AnsweredReview, number | null]>([
    ['still sent after 6 min', answered(6), 6],
    ['exactly 5 min', answered(5), 5],
    ['only 4 min', answered(4), null],
    ['delivered', answered(30, { deliveryStatus: 'webhook_delivered' }), null],
    ['acknowledged', answered(30, { deliveryStatus: 'agent_received' }), null],
    ['failed is reported by the server, not here', answered(30, { deliveryStatus: 'webhook_failed' }), null],
    ['no webhook (long-polling agent)', answered(30, { expectsWebhook: false }), null],
    ['still pending', answered(30, { status: 'pending' }), null],
    ['no completedAt', answered(30, { completedAt: null }), null],
    ['garbage completedAt', answered(30, { completedAt: 'yesterday' }), null],
  ])('%s → %s', (_name, review, expected) => {
    expect(deliveryOverdueMinutes(review, NOW)).toBe(expected);
  });
});
