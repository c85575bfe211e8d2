import { afterEach, describe, expect, it } from 'vitest';
import { createMockGateway, loadScenario, type MockGateway, scenarioNames, startDemoGateway } from '../../src/mock-gateway/index';
import { connected, type Harness, record, sleep, startHarness, subscribe } from './mock-client';

let h: Harness | null = null;
let extra: MockGateway[] = [];
afterEach(async () => {
  await h?.close();
  h = null;
  for (const g of extra) await g.close();
  extra = [];
});

async function texts(gw: MockGateway, key: string, channel: string): Promise<string[]> {
  const res = await fetch(`${gw.url}/api/v1/messages?channel=${channel}&limit=100`, { headers: { 'x-api-key': key } });
  return ((await res.json()) as { data: Array<{ text: string | null }> }).data.map((m) => m.text ?? '');
}

describe('scenarios', () => {
  it('ships demo, expiry-ladder, outage, duplicates-and-malformed and load', () => {
    expect(scenarioNames).toEqual(expect.arrayContaining(['demo', 'expiry-ladder', 'outage', 'duplicates-and-malformed', 'load']));
    for (const name of scenarioNames) expect(loadScenario(name).timeline.length).toBeGreaterThan(0);
    expect(() => loadScenario('nope')).toThrow(/Unknown scenario/);
  });

  it('demo: alive across two users, every review type, and the same history for the same seed', async () => {
    const opts = { port: 0, scenario: 'demo', seed: 7, timeScale: 0, startTime: Date.UTC(2026, 4, 1), rateLimit: false as const };
    const a = await startDemoGateway(opts);
    const b = await createMockGateway(opts);
    extra.push(a.gateway, b);
    expect(a.apiKey).toBe(a.gateway.fixtures.users[0]!.apiKeys[0]);
    expect(a.gateway.fixtures.users).toHaveLength(2);
    // Ten virtual minutes: the timeline plus chatter.
    for (const gw of [a.gateway, b]) for (let i = 0; i < 20; i++) await gw.clock.advance(30_000);
    const user = a.gateway.fixtures.users[0]!;
    const deploy = user.agents[0]!.id;
    const first = await texts(a.gateway, a.apiKey, deploy);
    expect(first).toEqual(await texts(b, b.fixtures.users[0]!.apiKeys[0]!, b.fixtures.users[0]!.agents[0]!.id));
    const types = new Set<string>();
    let total = 0;
    for (const u of a.gateway.fixtures.users) {
      for (const agent of u.agents) {
        const res = await fetch(`${a.url}/api/v1/messages?channel=${agent.id}&limit=100`, { headers: { 'x-api-key': u.apiKeys[0]! } });
        const page = (await res.json()) as { data: Array<{ review: { type: string } | null }> };
        total += page.data.length;
        for (const m of page.data) if (m.review) types.add(m.review.type);
      }
    }
    expect([...types]).toEqual(expect.arrayContaining(['approval', 'selection', 'form', 'text-input', 'freeform']));
    expect(total).toBeGreaterThan(30);
    // Billing Watcher goes silent: one ping at the start, never again.
    const agents = (await (await fetch(`${a.url}/api/v1/agents`, { headers: { 'x-api-key': a.gateway.fixtures.users[1]!.apiKeys[0]! } })).json()) as Array<{ name: string; lastActiveAt: string }>;
    const silent = agents.find((x) => x.name === 'Billing Watcher')!;
    expect(Date.parse(silent.lastActiveAt)).toBe(Date.UTC(2026, 4, 1));
  });

  it('expiry-ladder: reviews expire in order as the virtual clock advances', async () => {
    h = await startHarness({ scenario: 'expiry-ladder', timeScale: 0 });
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    const expired = record(s, 'review:expired');
    const responded = record(s, 'review:responded');
    await h.mock('/clock/advance', { ms: 2 * 60_000 });
    await sleep(20);
    expect(expired).toHaveLength(1);
    expect(responded).toHaveLength(1);
    await h.mock('/clock/advance', { ms: 25 * 3_600_000 });
    await sleep(20);
    expect(expired).toHaveLength(6);
    const pending = await h.api(`/reviews/pending?channel=${h.agentId}`);
    expect(pending.body.map((m: { text: string }) => m.text)).toEqual(['Asked for 48 hours, capped at 36']);
  });

  it('outage: kicks clients, refuses them while agents keep posting, and keeps the history for backfill', async () => {
    h = await startHarness({ scenario: 'outage', timeScale: 0 });
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    const reasons = record(s, 'disconnect');
    await h.mock('/clock/advance', { ms: 2_100 });
    await sleep(20);
    expect(reasons).toEqual(['io server disconnect']);
    await h.mock('/clock/advance', { ms: 10_000 });
    const list = await texts(h.gw, h.key, h.agentId);
    expect(list).toEqual(['after the outage 1', 'during the outage 1', 'Approve the rollback?', 'before the outage 1']);
  });

  it('duplicates-and-malformed: triples events, then malformed payloads, then normal traffic', async () => {
    h = await startHarness({ scenario: 'duplicates-and-malformed', timeScale: 0 });
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    const created = record(s, 'message:created');
    await h.mock('/clock/advance', { ms: 5_000 });
    await sleep(30);
    const good = created.filter((m) => typeof m.id === 'string').map((m) => m.text);
    expect(good).toEqual(['sent three times 1', 'sent three times 1', 'sent three times 1', 'Three copies of this review', 'Three copies of this review', 'Three copies of this review', 'normal again']);
    expect(created.filter((m) => typeof m.id !== 'string')).toHaveLength(1);
  });

  it('load: N agents at M msgs/s with the seeded 80/19/1 body-size mix', async () => {
    h = await startHarness({
      scenario: { name: 'load-test', fixtures: { users: [{ apiKeys: 1, agentCount: 5 }, { apiKeys: 1, agents: [{ name: 'Other' }] }] }, timeline: [{ at: 0, do: 'load', agents: 5, ratePerSec: 1000, durationMs: 400 }] },
    });
    await sleep(600);
    let sizes: number[] = [];
    for (const agent of h.gw.fixtures.users[0]!.agents) {
      const got = await texts(h.gw, h.key, agent.id);
      sizes = sizes.concat(got.map((t) => t.length));
    }
    expect(h.gw.scenario!.loadSent).toBe(400);
    expect(sizes).toHaveLength(400);
    const small = sizes.filter((n) => n < 600).length;
    expect(small / sizes.length).toBeGreaterThan(0.7);
    expect(sizes.some((n) => n > 1500)).toBe(true);
  });
});
