import { describe, expect, it } from 'vitest';
import type { Notice, Settings } from '../../../../src/shared/domain';
import { NotificationDispatcher } from '../../../../src/main/core/notify/notification-dispatcher';
import { InMemoryNotificationLog } from '../../../../src/main/core/notify/notification-log';
import type { NotificationEvent, PolicyContext } from '../../../../src/main/core/notify/notification-policy';
import { FakeClock } from '../reviews/fake-clock';
import { MIN, NOW, context, reviewItem } from './fixtures';

function setup(options: { windowMs?: number } = {}) {
  const clock = new FakeClock(NOW);
  const shown: Notice[] = [];
  const withdrawn: string[] = [];
  const log = new InMemoryNotificationLog();
  const state: { settings: Pick<Settings, 'quietHours' | 'notificationsPausedUntil' | 'sound'>; focus: PolicyContext['focus']; muted: Set<string> } = {
    settings: { quietHours: null, notificationsPausedUntil: null, sound: true },
    focus: null,
    muted: new Set(),
  };
  const dispatcher = new NotificationDispatcher({
    clock,
    notifier: { show: (n) => shown.push(n), withdraw: (id) => withdrawn.push(id) },
    log,
    context: () => {
      const { now: _now, ...rest } = context({ settings: state.settings, focus: state.focus, isMuted: (a, c) => state.muted.has(`${a}/${c}`) });
      return rest;
    },
    chatterWindowMs: options.windowMs ?? 30_000,
  });
  return { clock, shown, withdrawn, log, state, dispatcher };
}

const chat = (channelId: string, agentName: string, text: string, accountId = 'acc1'): NotificationEvent => ({
  type: 'chatter',
  message: { accountId, channelId, agentName, text },
});

describe('NotificationDispatcher: reviews', () => {
  it('one notification per review: a tripled event shows once (QUALITY 4), every decision is logged', () => {
    const { shown, log, dispatcher } = setup();
    const event: NotificationEvent = { type: 'review-new', review: reviewItem() };
    dispatcher.handle(event);
    dispatcher.handle(event);
    dispatcher.handle(event);
    expect(shown).toHaveLength(1);
    expect(log.entries.map((e) => [e.action, e.reason])).toEqual([
      ['show', null],
      ['suppress', 'duplicate'],
      ['suppress', 'duplicate'],
    ]);
    expect(log.entries[0]).toMatchObject({ event: 'review-new', accountId: 'acc1', channelId: 'ch1', messageId: 'm1', noticeId: 'review:acc1:m1', kind: 'review-new', urgency: 'normal' });
  });

  it('reminders replace the notice in place, each step once; answering withdraws it', () => {
    const { clock, shown, withdrawn, dispatcher } = setup();
    const review = reviewItem({ expiresAt: new Date(NOW + 60 * MIN).toISOString() });
    dispatcher.handle({ type: 'review-new', review });
    dispatcher.handle({ type: 'reminder', review, step: 60 });
    dispatcher.handle({ type: 'reminder', review, step: 60 });
    clock.advance(45 * MIN);
    dispatcher.handle({ type: 'reminder', review, step: 15 });
    expect(shown.map((n) => [n.id, n.kind, n.urgency])).toEqual([
      ['review:acc1:m1', 'review-new', 'normal'],
      ['review:acc1:m1', 'review-reminder', 'normal'],
      ['review:acc1:m1', 'review-reminder', 'critical'],
    ]);
    dispatcher.handle({ type: 'review-resolved', review: { ...review, status: 'completed' } });
    expect(withdrawn).toEqual(['review:acc1:m1']);
    // A late event for the answered review shows nothing.
    dispatcher.handle({ type: 'review-new', review: { ...review, status: 'completed' } });
    expect(shown).toHaveLength(3);
  });

  it('a review held back in quiet hours breaks through when close to expiry', () => {
    const { clock, shown, state, log, dispatcher } = setup();
    state.settings = { quietHours: { start: '11:00', end: '14:00' }, notificationsPausedUntil: null, sound: true };
    const review = reviewItem({ expiresAt: new Date(NOW + 60 * MIN).toISOString() });
    dispatcher.handle({ type: 'review-new', review });
    dispatcher.handle({ type: 'reminder', review, step: 60 });
    clock.advance(45 * MIN);
    dispatcher.handle({ type: 'reminder', review, step: 15 });
    expect(shown.map((n) => n.urgency)).toEqual(['critical']);
    expect(log.entries.map((e) => e.reason ?? e.action)).toEqual(['quiet-hours', 'quiet-hours', 'show']);
  });

  it('a notifier that throws does not stop the log or later notices', () => {
    const clock = new FakeClock(NOW);
    const log = new InMemoryNotificationLog();
    const errors: unknown[] = [];
    const dispatcher = new NotificationDispatcher({
      clock,
      notifier: {
        show: () => {
          throw new Error('display gone');
        },
        withdraw: () => {},
      },
      log,
      context: () => context(),
      onError: (e) => errors.push(e),
    });
    dispatcher.handle({ type: 'review-new', review: reviewItem() });
    dispatcher.handle({ type: 'review-new', review: reviewItem({ messageId: 'm2' }) });
    expect(errors).toHaveLength(2);
    expect(log.entries.map((e) => e.action)).toEqual(['show', 'show']);
  });
});

describe('NotificationDispatcher: chatter coalescing', () => {
  it('at most one chatter notice per window per account, summing up what is unseen', () => {
    const { clock, shown, log, dispatcher } = setup();
    dispatcher.handle(chat('a', 'Agent A', 'first'));
    expect(shown.map((n) => n.body)).toEqual(['first']);
    dispatcher.handle(chat('a', 'Agent A', 'second'));
    dispatcher.handle(chat('a', 'Agent A', 'third'));
    dispatcher.handle(chat('b', 'Agent B', 'hello'));
    dispatcher.handle(chat('c', 'Agent C', 'hi'));
    expect(shown).toHaveLength(1);
    clock.advance(29_999);
    expect(shown).toHaveLength(1);
    clock.advance(1);
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatchObject({ id: 'chatter:acc1', kind: 'chatter', urgency: 'low', title: 'New messages', body: '5 new messages from Agent A and 2 others', channelId: 'c' });
    expect(log.entries.map((e) => e.reason ?? e.action)).toEqual(['show', 'coalesced', 'coalesced', 'coalesced', 'coalesced', 'show']);
    expect(clock.activeTimers).toBe(0);
  });

  it('one agent: its name as title, the count and the latest text as body', () => {
    const { clock, shown, dispatcher } = setup();
    dispatcher.handle(chat('a', 'Agent A', 'one'));
    dispatcher.handle(chat('a', 'Agent A', '**two**'));
    clock.advance(30_000);
    expect(shown[1]).toMatchObject({ title: 'Agent A', body: '2 new messages. Latest: two' });
  });

  it('accounts are coalesced apart', () => {
    const { shown, dispatcher } = setup();
    dispatcher.handle(chat('a', 'Agent A', 'x', 'acc1'));
    dispatcher.handle(chat('a', 'Agent A', 'y', 'acc2'));
    expect(shown.map((n) => n.id)).toEqual(['chatter:acc1', 'chatter:acc2']);
  });

  it('after a quiet window the next message shows at once', () => {
    const { clock, shown, dispatcher } = setup();
    dispatcher.handle(chat('a', 'Agent A', 'x'));
    clock.advance(31_000);
    dispatcher.handle(chat('a', 'Agent A', 'y'));
    expect(shown).toHaveLength(2);
    expect(clock.activeTimers).toBe(0);
  });

  it('reviews are never coalesced', () => {
    const { shown, dispatcher } = setup();
    dispatcher.handle(chat('a', 'Agent A', 'x'));
    for (let i = 0; i < 5; i++) dispatcher.handle({ type: 'review-new', review: reviewItem({ messageId: `r${i}` }) });
    expect(shown.filter((n) => n.kind === 'review-new')).toHaveLength(5);
  });

  it('a pause that begins during the window holds the coalesced notice back', () => {
    const { clock, shown, state, log, dispatcher } = setup();
    dispatcher.handle(chat('a', 'Agent A', 'x'));
    dispatcher.handle(chat('a', 'Agent A', 'y'));
    state.settings = { ...state.settings, notificationsPausedUntil: NOW + 60 * MIN };
    clock.advance(30_000);
    expect(shown).toHaveLength(1);
    expect(log.entries.at(-1)).toMatchObject({ action: 'suppress', reason: 'paused', event: 'chatter' });
  });

  it('focus, mute and quiet hours keep chatter out of the coalescer entirely', () => {
    const { shown, state, log, dispatcher } = setup();
    state.focus = { accountId: 'acc1', channelId: 'a', visible: true };
    state.muted.add('acc1/b');
    dispatcher.handle(chat('a', 'Agent A', 'x'));
    dispatcher.handle(chat('b', 'Agent B', 'y'));
    state.settings = { quietHours: { start: '11:00', end: '13:00' }, notificationsPausedUntil: null, sound: true };
    dispatcher.handle(chat('c', 'Agent C', 'z'));
    expect(shown).toEqual([]);
    expect(log.entries.map((e) => e.reason)).toEqual(['focused', 'muted', 'quiet-hours']);
  });

  it('acknowledging a channel resets its count; when nothing is left the notice is withdrawn', () => {
    const { clock, shown, withdrawn, dispatcher } = setup();
    dispatcher.handle(chat('a', 'Agent A', 'x'));
    dispatcher.handle(chat('b', 'Agent B', 'y'));
    dispatcher.handle(chat('a', 'Agent A', 'later'));
    dispatcher.acknowledge('acc1', 'a');
    expect(withdrawn).toEqual([]);
    clock.advance(30_000);
    expect(shown[1]).toMatchObject({ title: 'Agent B', body: 'y' });
    dispatcher.acknowledge('acc1', 'b');
    expect(withdrawn).toEqual(['chatter:acc1']);
    dispatcher.handle(chat('a', 'Agent A', 'fresh'));
    expect(shown[2]).toMatchObject({ body: 'fresh' });
  });

  it('dispose leaves no timer behind and nothing fires later', () => {
    const { clock, shown, dispatcher } = setup();
    dispatcher.handle(chat('a', 'Agent A', 'x'));
    dispatcher.handle(chat('a', 'Agent A', 'y'));
    expect(clock.activeTimers).toBe(1);
    dispatcher.dispose();
    expect(clock.activeTimers).toBe(0);
    clock.advance(60_000);
    dispatcher.handle(chat('a', 'Agent A', 'z'));
    expect(shown).toHaveLength(1);
  });
});
