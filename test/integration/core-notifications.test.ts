import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreInternals, createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core-api';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import type { Notice } from '../../src/shared/domain';
import { createMockGateway, type MockGateway } from '../../src/mock-gateway/index';
import { agentApi, eventually, mockControl } from '../support/placet-api';

describe('what the operator is told', () => {
  let gateway: MockGateway;
  let core: Core;
  let dataDir: string;
  let shown: Notice[];
  let withdrawn: string[];

  beforeEach(async () => {
    gateway = await createMockGateway({ port: 0, rateLimit: false });
    dataDir = mkdtempSync(join(tmpdir(), 'placet-notify-'));
    shown = [];
    withdrawn = [];
    core = await createCore({
      dataDir,
      secrets: new MemorySecretStore(),
      notifier: { show: (n) => shown.push(n), withdraw: (id) => withdrawn.push(id) },
      timing: { batchMs: 10, settleMs: 100 },
    });
  });

  afterEach(async () => {
    await core.dispose();
    await gateway.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const user = () => gateway.fixtures.users[0]!;
  const deployBot = () => user().agents.find((a) => a.name === 'Deploy Bot')!;

  it('a new review pops up once, and a decision whose webhook failed is reported', async () => {
    const account = await core.handlers['accounts:add']({ serverUrl: gateway.url, apiKey: user().apiKeys[0]! });
    await eventually(async () => (await core.handlers['state:snapshot']({})).channels.length > 0, 'roster');
    await new Promise((r) => setTimeout(r, 300));
    const review = await agentApi(gateway.url, user().apiKeys[0]!).postMessage({ channelId: deployBot().id, text: 'Roll out v2?', review: { type: 'approval', payload: {} } });
    const popup = await eventually(() => shown.find((n) => n.messageId === review.id && n.kind === 'review-new'), 'review notification');
    expect(popup.title).toContain('Deploy Bot');
    expect(popup.body).toContain('Roll out v2?');

    await mockControl(gateway.url, '/webhooks', { channelId: deployBot().id, outcome: 'failed' });
    await mockControl(gateway.url, `/reviews/${review.id}/respond`, { response: { selectedOption: 'approve' } });
    await eventually(() => withdrawn.includes(`review:${account.accountId}:${review.id}`), 'review notice withdrawn');
    const failed = await eventually(() => shown.find((n) => n.kind === 'delivery-failed' && n.messageId === review.id), 'delivery failure notice');
    expect(failed.body.toLowerCase()).toMatch(/fail|deliver/);
    expect(shown.filter((n) => n.messageId === review.id && n.kind === 'review-new')).toHaveLength(1);
  });

  it('a decision still "sent" minutes after it was made is reported as not confirmed, once', async () => {
    const account = await core.handlers['accounts:add']({ serverUrl: gateway.url, apiKey: user().apiKeys[0]! });
    await eventually(async () => (await core.handlers['state:snapshot']({})).channels.length > 0, 'roster');
    const { ingest, desk } = coreInternals(core);
    const answered = new Date(Date.now() - 10 * 60_000).toISOString();
    ingest.records(account.accountId, [
      {
        id: 'stuck-review', channelId: deployBot().id, senderType: 'agent', senderId: deployBot().id, text: 'Merge it?', status: null,
        review: { type: 'approval', payload: {}, status: 'completed', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), response: { selectedOption: 'approve' }, completedAt: answered },
        metadata: { webhookUrl: 'https://agent.example/hook' }, deliveryStatus: 'sent', createdAt: answered, attachments: [],
      },
    ]);
    desk.checkDeliveries();
    desk.checkDeliveries();
    const notices = shown.filter((n) => n.kind === 'delivery-failed' && n.messageId === 'stuck-review');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toMatch(/10 min|not.*confirm|no confirmation/i);
  });
});
