import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core-api';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import type { Notice } from '../../src/shared/domain';
import { createMockGateway, type MockGateway } from '../../src/mock-gateway/index';
import { agentApi, eventually } from '../support/placet-api';

describe('a corrupt database', () => {
  let gateway: MockGateway;
  let core: Core | undefined;
  let dataDir: string;

  afterEach(async () => {
    await core?.dispose();
    await gateway.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is moved aside, the user is told, and history is rebuilt from the server without losing the accounts', async () => {
    gateway = await createMockGateway({ port: 0, rateLimit: false });
    dataDir = mkdtempSync(join(tmpdir(), 'placet-recover-'));
    const secrets = new MemorySecretStore();
    const user = gateway.fixtures.users[0]!;
    const channelId = user.agents[0]!.id;
    const posted = [];
    for (let i = 0; i < 30; i++) posted.push((await agentApi(gateway.url, user.apiKeys[0]!).postMessage({ channelId, text: `history ${i}` })).id);

    core = await createCore({ dataDir, secrets, timing: { batchMs: 10, settleMs: 100 } });
    const account = await core.handlers['accounts:add']({ serverUrl: gateway.url, apiKey: user.apiKeys[0]!, label: 'Production' });
    await core.handlers['channels:mute']({ accountId: account.accountId, channelId, muted: false });
    await core.handlers['settings:set']({ reminderLadderMinutes: [30, 10] });
    await eventually(async () => (await core!.handlers['messages:page']({ accountId: account.accountId, channelId, limit: 100 })).messages.length === 30, 'history stored');
    await core.dispose();

    writeFileSync(join(dataDir, 'companion.db'), Buffer.alloc(64 * 1024, 0x5a));
    const shown: Notice[] = [];
    core = await createCore({ dataDir, secrets, notifier: { show: (n) => shown.push(n), withdraw: () => undefined }, timing: { batchMs: 10, settleMs: 100 } });
    const snapshot = await core.handlers['state:snapshot']({});
    expect(snapshot.accounts.map((a) => [a.accountId, a.label])).toEqual([[account.accountId, 'Production']]);
    expect(snapshot.settings.reminderLadderMinutes).toEqual([30, 10]);
    expect(shown.find((n) => n.kind === 'storage')?.body).toMatch(/moved aside .*fetched again/);
    expect(readdirSync(dataDir).some((f) => f.startsWith('companion.db.corrupt-'))).toBe(true);
    const rebuilt = await eventually(async () => {
      const page = await core!.handlers['messages:page']({ accountId: account.accountId, channelId, limit: 100 });
      return page.messages.length === 30 ? page.messages.map((m) => m.id) : null;
    }, 'history rebuilt');
    expect(new Set(rebuilt)).toEqual(new Set(posted));
  });
});
