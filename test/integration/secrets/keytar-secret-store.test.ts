import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../src/main/core/secrets/keytar-secret-store';

// Against a real Secret Service: `bash scripts/with-keyring.sh npx vitest run test/integration/secrets`
// gives this run its own D-Bus session and an unlocked, throwaway gnome-keyring.

const SERVICE = `placet-companion-test-${process.pid}`;
const newKey = () => `hp_${randomBytes(24).toString('hex')}`;
const accountIds: string[] = [];
const account = (name: string) => {
  const id = `${name}-${randomBytes(4).toString('hex')}`;
  accountIds.push(id);
  return id;
};

describe('KeytarSecretStore against a real Secret Service', () => {
  const store = new KeytarSecretStore({ service: SERVICE });

  beforeAll(async () => {
    const probe = await KeytarSecretStore.probe({ service: SERVICE });
    if (!probe.ok) {
      throw new Error(`No usable Secret Service (${probe.reason}). Run under: bash scripts/with-keyring.sh npx vitest run test/integration/secrets`);
    }
  });

  afterAll(async () => {
    for (const id of accountIds) await store.delete(id);
  });

  it('probes ok', async () => {
    expect(await KeytarSecretStore.probe({ service: SERVICE })).toEqual({ ok: true });
  });

  it('sets, gets and deletes a key', async () => {
    const id = account('basic');
    const key = newKey();
    expect(await store.get(id)).toBeNull();
    await store.set(id, key);
    expect(await store.get(id)).toBe(key);
    await store.delete(id);
    expect(await store.get(id)).toBeNull();
  });

  it('overwrites a key in place', async () => {
    const id = account('overwrite');
    const first = newKey();
    const second = newKey();
    await store.set(id, first);
    await store.set(id, second);
    expect(await store.get(id)).toBe(second);
  });

  it('keeps two accounts apart', async () => {
    const a = account('a');
    const b = account('b');
    const keyA = newKey();
    const keyB = newKey();
    await store.set(a, keyA);
    await store.set(b, keyB);
    expect(await store.get(a)).toBe(keyA);
    expect(await store.get(b)).toBe(keyB);
    await store.delete(a);
    expect(await store.get(a)).toBeNull();
    expect(await store.get(b)).toBe(keyB);
  });

  it('a second instance (a restart) reads what the first stored', async () => {
    const id = account('restart');
    const key = newKey();
    await store.set(id, key);
    expect(await new KeytarSecretStore({ service: SERVICE }).get(id)).toBe(key);
  });

  it('keeps services apart', async () => {
    const id = account('service');
    await store.set(id, newKey());
    const other = new KeytarSecretStore({ service: `${SERVICE}-other` });
    expect(await other.get(id)).toBeNull();
  });

  it('deleting a missing key is not an error', async () => {
    await expect(store.delete(account('missing'))).resolves.toBeUndefined();
  });

  it('leaves no probe entries behind', async () => {
    const keytar = (await import('keytar')).default;
    await KeytarSecretStore.probe({ service: SERVICE });
    const left = await keytar.findCredentials(SERVICE);
    expect(left.filter((c) => c.account.startsWith('probe-'))).toEqual([]);
  });
});

describe('no keychain (QUALITY 19)', () => {
  const child = fileURLToPath(new URL('./fixtures/no-keychain-child.ts', import.meta.url));
  let home: string;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'placet-no-keychain-'));
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  function runChild(env: NodeJS.ProcessEnv, wrap: string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
    const started = Date.now();
    const [command, ...args] = [...wrap, process.execPath, '--import', 'tsx', child];
    return new Promise((resolve) => {
      execFile(
        command!,
        args,
        { env, timeout: 15_000, killSignal: 'SIGKILL' },
        (error, stdout, stderr) => {
          const code = error ? ((error as { code?: number }).code ?? null) : 0;
          resolve({ code: typeof code === 'number' ? code : null, stdout, stderr, ms: Date.now() - started });
        },
      );
    });
  }

  it.each([
    ['a D-Bus address pointing at no socket', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }, []],
    ['no D-Bus session and no display', { DBUS_SESSION_BUS_ADDRESS: '', DISPLAY: '' }, []],
    // A bus whose Secret Service has no unlocked login collection (a headless session).
    ['a fresh D-Bus session with no unlocked keyring', { DISPLAY: '' }, ['dbus-run-session', '--']],
  ])('with %s: probe reports ok:false with a reason, set fails cleanly, nothing stored', async (_name, overrides, wrap) => {
    const sentinel = newKey();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_RUNTIME_DIR: join(home, 'run'),
      PLACET_SENTINEL_KEY: sentinel,
      ...overrides,
    };
    const result = await runChild(env, wrap);
    expect(result.stderr).not.toContain(sentinel);
    expect(result.code, `child failed: ${result.stderr}`).toBe(0);
    expect(result.ms).toBeLessThan(12_000);
    const out = JSON.parse(result.stdout.trim()) as { probe: { ok: boolean; reason?: string }; setError: string | null };
    expect(out.probe.ok).toBe(false);
    expect(out.probe.reason).toMatch(/keychain/i);
    expect(out.setError).toMatch(/^SecretStoreError: Could not store the key/);
    expect(result.stdout).not.toContain(sentinel);
    // Nothing written in plaintext anywhere the child could reach.
    for (const file of await listFiles(home)) {
      expect(await readFile(file, 'utf8')).not.toContain(sentinel);
    }
  });
});

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}
