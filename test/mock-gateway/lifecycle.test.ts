import { describe, expect, it } from 'vitest';
import { connected, sleep, startHarness } from './mock-client';

const handles = () => {
  const counts: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
};

describe('close()', () => {
  it('releases servers, sockets, long-polls and timers, even with a scenario and a pending /wait', async () => {
    await sleep(50);
    const before = handles();
    const h = await startHarness({ scenario: 'demo', pingInterval: 200, pingTimeout: 200 });
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    const { body: m } = await h.api('/messages', { body: { channelId: h.agentId, review: { type: 'approval' } } });
    const waiting = h.api(`/reviews/${m.id}/wait?channel=${h.agentId}&timeout=30000`).catch(() => null);
    await sleep(50);
    expect((handles().TCPServerWrap ?? 0)).toBeGreaterThan(before.TCPServerWrap ?? 0);
    await h.close();
    await waiting;
    await sleep(100);
    const after = handles();
    expect(after.TCPServerWrap ?? 0).toBe(before.TCPServerWrap ?? 0);
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0);
    expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
    await h.close();
  });
});
