// A core in its own process, for the crash test: it connects one account (key from the
// environment) and runs until killed. Prints CORE_READY when its account is set up.
import { coreInternals, createCore } from '../../src/main/core/core';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';

const dataDir = process.env.CRASH_DATA_DIR!;
const serverUrl = process.env.CRASH_SERVER_URL!;
const key = process.env.CRASH_API_KEY!;

const secrets = new MemorySecretStore();
const core = await createCore({ dataDir, secrets, timing: { batchMs: 10, settleMs: 200 } });
const { store } = coreInternals(core);
const existing = store.accounts.list()[0];
if (existing) {
  await secrets.set(existing.accountId, key);
  await core.handlers['accounts:update']({ accountId: existing.accountId, enabled: true });
} else {
  await core.handlers['accounts:add']({ serverUrl, apiKey: key });
}
console.log('CORE_READY');
if (process.env.CRASH_EXIT_AFTER_SYNC) {
  const session = [...coreInternals(core).sessions.values()][0]!;
  await new Promise((r) => setTimeout(r, 300));
  await session.sync();
  await core.dispose();
  console.log('CORE_SYNCED');
}
