import { afterEach, describe, expect, it } from 'vitest';
import { createMockGateway, type MockGateway } from '../../src/mock-gateway/index';
import { agentApi, eventually } from '../support/placet-api';
import { control } from './mock-admin';
import { report, startHarness, type Harness, sleep } from './harness';

// QUALITY.md items 4 and 5.


describe('duplicates and offline review changes', () => {
  let gw: MockGateway | undefined;
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.dispose();
    await gw?.close();
    h = gw = undefined;
  });

  it('4: every event sent three times: one row, one UI entry, at most one notification', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    h = await startHarness();
    const user = gw.fixtures.users[0]!;
    const key = user.apiKeys[0]!;
    const accountId = await h.addAccount(gw.url, key);
    await control(gw.url, '/faults', { duplicateEvents: 3 });
    const api = agentApi(gw.url, key);
    const chatter = [];
    for (let i = 0; i < 20; i++) chatter.push((await api.postMessage({ channelId: user.agents[0]!.id, text: `dup ${i}` })).id);
    const review = await api.postMessage({ channelId: user.agents[1]!.id, text: 'Ship it?', review: { type: 'approval', payload: {} } });
    const ids = [...chatter, review.id];
    await eventually(() => ids.every((id) => h!.uiCounts().has(id)), 'all shown');
    await sleep(500);
    const stored = h.storedIds(accountId).filter((id) => ids.includes(id));
    const ui = ids.map((id) => h!.uiCounts().get(id));
    const reviewNotices = h.shown.filter((n) => n.messageId === review.id).length;
    const handled = (await h.core.handlers['inspector:list']({ limit: 5_000 })).filter((e) => e.event === 'message:created' && e.messageId && ids.includes(e.messageId)).length;
    report('4', { copiesPerEvent: 3, eventsReceived: handled, rows: stored.length, uiEntries: ui.reduce((a, b) => a! + b!, 0), reviewNotifications: reviewNotices });
    expect(handled).toBe(ids.length * 3);
    expect(stored).toHaveLength(ids.length);
    expect(ui.every((n) => n === 1)).toBe(true);
    expect(reviewNotices).toBeLessThanOrEqual(1);
  });

  it('5: reviews answered or expired while the companion was closed read so after the next start, notices withdrawn, no reminder', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    h = await startHarness();
    const user = gw.fixtures.users[0]!;
    const key = user.apiKeys[0]!;
    const accountId = await h.addAccount(gw.url, key);
    const api = agentApi(gw.url, key);
    const answered = await api.postMessage({ channelId: user.agents[0]!.id, text: 'Approve the deploy?', review: { type: 'approval', payload: {}, expiresInSeconds: 3_600 } });
    const expiring = await api.postMessage({ channelId: user.agents[0]!.id, text: 'Pick a region', review: { type: 'selection', payload: { items: [{ id: 'eu', label: 'EU' }] }, expiresInSeconds: 120 } });
    await eventually(async () => (await h!.core.handlers['reviews:list']({ status: 'pending', limit: 10 })).length === 2, 'both pending');
    expect(h.shown.filter((n) => n.kind === 'review-new').map((n) => n.messageId).sort()).toEqual([answered.id, expiring.id].sort());
    await h.core.dispose();

    await control(gw.url, `/reviews/${answered.id}/respond`, { response: { selectedOption: 'approve' } });
    await gw.clock.advance(5 * 60_000);
    gw.sweep();

    const shownBefore = h.shown.length;
    await h.restart();
    const completed = await eventually(async () => (await h!.core.handlers['reviews:list']({ status: 'completed', limit: 10 })).find((r) => r.messageId === answered.id), 'answered one completed');
    const expired = await eventually(async () => (await h!.core.handlers['reviews:list']({ status: 'expired', limit: 10 })).find((r) => r.messageId === expiring.id), 'expiring one expired');
    await sleep(300);
    const pending = await h.core.handlers['reviews:list']({ status: 'pending', limit: 10 });
    const withdrawn = [answered.id, expiring.id].filter((id) => h!.withdrawn.includes(`review:${accountId}:${id}`));
    const reminders = h.shown.slice(shownBefore).filter((n) => n.kind === 'review-reminder' || n.kind === 'review-new');
    report('5', { completed: completed.status, expired: expired.status, pendingAfter: pending.length, withdrawn: withdrawn.length, newNotices: reminders.length });
    expect(pending).toEqual([]);
    expect(withdrawn).toHaveLength(2);
    expect(reminders).toEqual([]);
  });
});
