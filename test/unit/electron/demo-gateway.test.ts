import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/ports';
import { createDemoGateway, type DemoGateway } from '../../../src/main/electron/demo-gateway';

let demo: DemoGateway | null = null;
afterEach(async () => {
  await demo?.close();
  demo = null;
});

describe('createDemoGateway', () => {
  it('starts the mock gateway only when asked, once, and gives a loopback demo account', async () => {
    demo = createDemoGateway(silentLogger);
    expect(demo.started).toBe(false);
    const [a, b] = await Promise.all([demo.account(), demo.account()]);
    expect(demo.started).toBe(true);
    expect(a).toEqual(b);
    expect(a.serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.apiKey.length).toBeGreaterThan(8);
    const res = await fetch(`${a.serverUrl}/api/v1/agents`, { headers: { 'x-api-key': a.apiKey } });
    expect(res.status).toBe(200);
    await demo.close();
    expect(demo.started).toBe(false);
  });
});
