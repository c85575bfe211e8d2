import { describe, expect, it } from 'vitest';
import { decideNotification, type NotificationEvent, type PolicyContext } from '../../../../src/main/core/notify/notification-policy';
import { MIN, NOW, context, expiresIn, reviewItem } from './fixtures';

const quietNow = { quietHours: { start: '11:00', end: '13:00' }, notificationsPausedUntil: null, sound: true };
const quietAcrossMidnight = { quietHours: { start: '22:00', end: '07:00' }, notificationsPausedUntil: null, sound: true };
const paused = { quietHours: null, notificationsPausedUntil: NOW + 60 * MIN, sound: true };
const focusOn = (visible: boolean) => ({ accountId: 'acc1', channelId: 'ch1', visible });
const mutedCh1 = (a: string, c: string) => a === 'acc1' && c === 'ch1';

const newReview = (minutesLeft = 120): NotificationEvent => ({ type: 'review-new', review: reviewItem({ expiresAt: expiresIn(minutesLeft) }) });
const reminder = (minutesLeft: number, step: number): NotificationEvent => ({
  type: 'reminder',
  review: reviewItem({ expiresAt: expiresIn(minutesLeft) }),
  step,
});
const chatter: NotificationEvent = {
  type: 'chatter',
  message: { accountId: 'acc1', channelId: 'ch1', agentName: 'Deploy Bot', text: '## Build **done**', messageId: 'c1' },
};
const deliveryFailed: NotificationEvent = {
  type: 'delivery-failed',
  failure: { accountId: 'acc1', channelId: 'ch1', messageId: 'm1', agentName: 'Deploy Bot', reason: 'webhook_failed' },
};

type Expect = { action: 'show'; urgency: 'low' | 'normal' | 'critical' } | { action: 'suppress'; reason: string } | { action: 'withdraw'; noticeId: string };

function outcome(event: NotificationEvent, ctx: PolicyContext): Expect {
  const d = decideNotification(event, ctx);
  if (d.action === 'show') return { action: 'show', urgency: d.notice.urgency };
  if (d.action === 'suppress') return { action: 'suppress', reason: d.reason };
  return { action: 'withdraw', noticeId: d.noticeId };
}

describe('decideNotification rules', () => {
  it.each<[string, NotificationEvent, Partial<PolicyContext>, Expect]>([
    ['new review: shown', newReview(), {}, { action: 'show', urgency: 'normal' }],
    ['new review close to expiry: critical', newReview(10), {}, { action: 'show', urgency: 'critical' }],
    ['new review exactly 15 min left: critical', newReview(15), {}, { action: 'show', urgency: 'critical' }],
    ['new review already past its deadline: nothing', newReview(-1), {}, { action: 'suppress', reason: 'expired' }],
    ['new review that is not pending: nothing', { type: 'review-new', review: reviewItem({ status: 'completed' }) }, {}, { action: 'suppress', reason: 'not-pending' }],
    ['new review expired by the server: nothing', { type: 'review-new', review: reviewItem({ status: 'expired' }) }, {}, { action: 'suppress', reason: 'expired' }],
    ['new review in the focused, visible channel: nothing', newReview(), { focus: focusOn(true) }, { action: 'suppress', reason: 'focused' }],
    ['new review in the focused channel, window hidden: shown', newReview(), { focus: focusOn(false) }, { action: 'show', urgency: 'normal' }],
    ['new review in another channel than the focused one: shown', newReview(), { focus: { accountId: 'acc1', channelId: 'other', visible: true } }, { action: 'show', urgency: 'normal' }],
    ['new review in another account, same channel id: shown', newReview(), { focus: { accountId: 'acc2', channelId: 'ch1', visible: true } }, { action: 'show', urgency: 'normal' }],
    ['focused beats close to expiry', newReview(5), { focus: focusOn(true) }, { action: 'suppress', reason: 'focused' }],
    ['new review, muted channel: no popup', newReview(), { isMuted: mutedCh1 }, { action: 'suppress', reason: 'muted' }],
    ['new review, muted, close to expiry: breaks through', newReview(10), { isMuted: mutedCh1 }, { action: 'show', urgency: 'critical' }],
    ['new review in quiet hours: held', newReview(), { settings: quietNow }, { action: 'suppress', reason: 'quiet-hours' }],
    ['new review in quiet hours, close to expiry: breaks through', newReview(15), { settings: quietNow }, { action: 'show', urgency: 'critical' }],
    ['new review, 16 min left in quiet hours: held', newReview(16), { settings: quietNow }, { action: 'suppress', reason: 'quiet-hours' }],
    ['new review while paused: held', newReview(), { settings: paused }, { action: 'suppress', reason: 'paused' }],
    ['new review while paused, close to expiry: breaks through', newReview(3), { settings: paused }, { action: 'show', urgency: 'critical' }],
    ['pause that has ended: shown', newReview(), { settings: { ...paused, notificationsPausedUntil: NOW } }, { action: 'show', urgency: 'normal' }],
    ['quiet hours across midnight at noon: shown', newReview(), { settings: quietAcrossMidnight }, { action: 'show', urgency: 'normal' }],
    ['reminder T−60: normal', reminder(60, 60), {}, { action: 'show', urgency: 'normal' }],
    ['reminder T−15: critical', reminder(15, 15), {}, { action: 'show', urgency: 'critical' }],
    ['reminder T−60 in quiet hours: held', reminder(60, 60), { settings: quietNow }, { action: 'suppress', reason: 'quiet-hours' }],
    ['reminder T−5 in quiet hours: breaks through', reminder(5, 5), { settings: quietNow }, { action: 'show', urgency: 'critical' }],
    ['reminder T−60 while muted: held', reminder(60, 60), { isMuted: mutedCh1 }, { action: 'suppress', reason: 'muted' }],
    ['reminder T−15 while muted: breaks through', reminder(15, 15), { isMuted: mutedCh1 }, { action: 'show', urgency: 'critical' }],
    ['reminder T−5 while paused: breaks through', reminder(5, 5), { settings: paused }, { action: 'show', urgency: 'critical' }],
    ['reminder in the focused channel: nothing', reminder(5, 5), { focus: focusOn(true) }, { action: 'suppress', reason: 'focused' }],
    ['reminder after the deadline: nothing', reminder(0, 5), {}, { action: 'suppress', reason: 'expired' }],
    ['answered: withdraw its notice', { type: 'review-resolved', review: { accountId: 'acc1', channelId: 'ch1', messageId: 'm1', status: 'completed' } }, {}, { action: 'withdraw', noticeId: 'review:acc1:m1' }],
    ['expired: withdraw, even in quiet hours and focused', { type: 'review-resolved', review: { accountId: 'acc1', channelId: 'ch1', messageId: 'm1', status: 'expired' } }, { settings: quietNow, focus: focusOn(true) }, { action: 'withdraw', noticeId: 'review:acc1:m1' }],
    ['delivery failed: shown', deliveryFailed, {}, { action: 'show', urgency: 'normal' }],
    ['delivery failed, muted channel: still shown', deliveryFailed, { isMuted: mutedCh1 }, { action: 'show', urgency: 'normal' }],
    ['delivery failed in quiet hours: held', deliveryFailed, { settings: quietNow }, { action: 'suppress', reason: 'quiet-hours' }],
    ['delivery failed in the focused channel: nothing', deliveryFailed, { focus: focusOn(true) }, { action: 'suppress', reason: 'focused' }],
    ['delivery recovered: withdraw', { type: 'delivery-recovered', accountId: 'acc1', channelId: 'ch1', messageId: 'm1' }, {}, { action: 'withdraw', noticeId: 'delivery:acc1:m1' }],
    ['chatter: low', chatter, {}, { action: 'show', urgency: 'low' }],
    ['chatter, muted: nothing', chatter, { isMuted: mutedCh1 }, { action: 'suppress', reason: 'muted' }],
    ['chatter, focused: nothing', chatter, { focus: focusOn(true) }, { action: 'suppress', reason: 'focused' }],
    ['chatter, quiet hours: nothing', chatter, { settings: quietNow }, { action: 'suppress', reason: 'quiet-hours' }],
    ['chatter, paused: nothing', chatter, { settings: paused }, { action: 'suppress', reason: 'paused' }],
  ])('%s', (_name, event, over, expected) => {
    expect(outcome(event, context(over))).toEqual(expected);
  });

  it('quiet hours across midnight hold a review at 23:30 and 06:59, not at 07:00', () => {
    const at = (h: number, m: number) => Date.UTC(2025, 0, 1, h, m);
    const review = (now: number): NotificationEvent => ({ type: 'review-new', review: reviewItem({ expiresAt: new Date(now + 120 * MIN).toISOString() }) });
    for (const [now, expected] of [
      [at(23, 30), 'suppress'],
      [at(0, 15), 'suppress'],
      [at(6, 59), 'suppress'],
      [at(7, 0), 'show'],
      [at(21, 59), 'show'],
    ] as const) {
      expect(decideNotification(review(now), context({ now, settings: quietAcrossMidnight })).action, new Date(now).toISOString()).toBe(expected);
    }
  });
});

describe('notice content', () => {
  it('one stable id per review, the same for new and reminders', () => {
    const a = decideNotification(newReview(), context());
    const b = decideNotification(reminder(15, 15), context());
    expect(a.action === 'show' && a.notice.id).toBe('review:acc1:m1');
    expect(b.action === 'show' && b.notice.id).toBe('review:acc1:m1');
  });

  it('new review: agent name as title, summary and time left as body', () => {
    const d = decideNotification(newReview(65), context());
    expect(d).toMatchObject({
      action: 'show',
      sound: true,
      notice: {
        kind: 'review-new',
        title: 'Deploy Bot',
        body: 'Approve / Reject — Deploy v2.3? (1 h 5 min left)',
        accountId: 'acc1',
        channelId: 'ch1',
        messageId: 'm1',
        at: NOW,
      },
    });
  });

  it('reminder body leads with the time left', () => {
    const d = decideNotification(reminder(15, 15), context());
    expect(d.action === 'show' && d.notice).toMatchObject({ kind: 'review-reminder', body: '15 min left: Approve / Reject — Deploy v2.3?' });
  });

  it('the account label joins the title when there are several accounts', () => {
    const d = decideNotification(newReview(), context({ multipleAccounts: true }));
    expect(d.action === 'show' && d.notice.title).toBe('Deploy Bot · Work');
  });

  it('sound follows the setting; chatter never makes a sound', () => {
    const quiet = { quietHours: null, notificationsPausedUntil: null, sound: false };
    expect(decideNotification(newReview(), context({ settings: quiet }))).toMatchObject({ sound: false });
    expect(decideNotification(chatter, context())).toMatchObject({ sound: false });
  });

  it('chatter body is Markdown-free, one line, capped at ~200 chars, with keys masked', () => {
    const key = 'hp_' + 'a1'.repeat(24);
    const text = `# Status\n\nUsing **key** ${key} for [the deploy](https://x.io). ${'more '.repeat(100)}`;
    const d = decideNotification({ type: 'chatter', message: { ...(chatter as Extract<NotificationEvent, { type: 'chatter' }>).message, text } }, context());
    if (d.action !== 'show') throw new Error('expected show');
    expect(d.notice.body.startsWith('Status Using key hp_…a1a1 for the deploy.')).toBe(true);
    expect(d.notice.body).not.toContain(key);
    expect(d.notice.body).not.toMatch(/[#*\n[\]]/);
    expect(d.notice.body.length).toBeLessThanOrEqual(200);
    expect(d.notice.id).toBe('chatter:acc1');
  });

  it('a key in an agent name or summary never reaches the notice', () => {
    const key = 'hp_' + 'b2'.repeat(24);
    const d = decideNotification({ type: 'review-new', review: reviewItem({ agentName: `Bot ${key}`, summary: `use ${key}` }) }, context());
    expect(JSON.stringify(d)).not.toContain(key);
  });

  it('delivery failure explains what went wrong', () => {
    const d = decideNotification(deliveryFailed, context());
    expect(d.action === 'show' && d.notice).toMatchObject({ id: 'delivery:acc1:m1', kind: 'delivery-failed', body: 'Your answer could not be delivered to the agent (webhook failed).' });
    const late = decideNotification({ type: 'delivery-failed', failure: { ...(deliveryFailed as Extract<NotificationEvent, { type: 'delivery-failed' }>).failure, reason: 'not-confirmed', minutes: 10 } }, context());
    expect(late.action === 'show' && late.notice.body).toBe('Your answer has not been confirmed by the agent after 10 min.');
  });
});
