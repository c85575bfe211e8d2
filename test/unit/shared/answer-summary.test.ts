import { describe, expect, it } from 'vitest';
import { answerSummary } from '../../../src/shared/reviews/review-payload';

describe('answerSummary', () => {
  it.each([
    ['approval', { options: [{ id: 'go', label: 'Ship it' }] }, { selectedOption: 'go', comment: 'after lunch' }, 'Chose Ship it — “after lunch”'],
    ['approval', {}, { selectedOption: 'approve' }, 'Chose Approve'],
    ['selection', { items: [{ id: 'a', label: 'EU' }, { id: 'b', label: 'US' }] }, { selectedIds: ['b', 'a'] }, 'Selected US, EU'],
    ['selection', { items: [] }, { _dismissed: true }, 'Dismissed'],
    ['form', { fields: [{ name: 'who', type: 'text', label: 'Owner' }, { name: 'pw', type: 'password', label: 'Password' }] }, { who: 'Ada', pw: 'hunter2' }, 'Owner: Ada · Password: ••••••••'],
    ['text-input', {}, { text: 'A better title' }, 'A better title'],
    ['freeform', {}, { rating: 5 }, '{ "rating": 5 }'],
  ])('%s → %s', (type, payload, response, expected) => {
    expect(answerSummary(type, payload, response)).toBe(expected);
  });

  it('never shows a password, is capped, and is null without a response', () => {
    const long = answerSummary('text-input', {}, { text: 'x'.repeat(1_000) })!;
    expect(long.length).toBe(200);
    expect(answerSummary('form', { fields: [{ name: 'p', type: 'password', label: 'P' }] }, { p: 'secret' })).not.toContain('secret');
    expect(answerSummary('approval', {}, null)).toBeNull();
  });
});
