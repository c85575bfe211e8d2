import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createMockGateway } from '../../../src/mock-gateway/index';

// QUALITY.md item 19 for the Node hosts: with no Secret Service, nothing crashes, the key is kept for
// the session only (never written in plaintext), and the app says so.

const run = promisify(execFile);

describe('no keychain', () => {
  it('falls back to session-only keys, says why, and writes no key to disk', async () => {
    const gateway = await createMockGateway({ port: 0, rateLimit: false });
    const key = gateway.fixtures.users[0]!.apiKeys[0]!;
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'no-keychain-child.ts')], {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', GATEWAY_URL: gateway.url, SENTINEL_KEY: key },
        timeout: 30_000,
      });
      const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as { kind: string; notice: string; keyStorage: string; dataDir: string };
      expect(out.kind).toBe('session');
      expect(out.keyStorage).toBe('session');
      expect(out.notice).toMatch(/No usable keychain .*memory for this session only/);
      const onDisk = readdirSync(out.dataDir).map((f) => readFileSync(join(out.dataDir, f)).toString('latin1')).join('');
      expect(onDisk.length).toBeGreaterThan(0);
      expect(onDisk).not.toContain(key);
      rmSync(out.dataDir, { recursive: true, force: true });
    } finally {
      await gateway.close();
    }
  });
});
