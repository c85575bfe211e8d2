// P4's companion: the core and the web host in their own process (as `npm run start:web` runs them),
// serving a renderer build the bench made in its scratch folder, with the bench account already added.
import { createCore } from '../../../src/main/core/core';
import { silentLogger } from '../../../src/main/core/ports';
import { MemorySecretStore } from '../../../src/main/core/secrets/memory-secret-store';
import { startWebHost } from '../../../src/main/web/web-host';
import { announceReady, childArgs, serveCommands } from '../lib/child';

const args = childArgs<{ dataDir: string; rendererDir: string; serverUrl: string; apiKey: string }>();
const core = await createCore({ dataDir: args.dataDir, secrets: new MemorySecretStore() });
const account = await core.handlers['accounts:add']({ serverUrl: args.serverUrl, apiKey: args.apiKey, label: 'Bench' });
const host = await startWebHost({
  core,
  rendererDir: args.rendererDir,
  port: 0,
  logger: silentLogger,
  hostHandlers: {
    'app:info': () => ({ host: 'web' as const, version: '0.0.0-bench', demo: false }),
    // The bench never follows links; answering keeps the contract.
    'links:open': () => ({ done: true as const }),
  },
});
serveCommands({}, async () => {
  await host.close();
  await core.dispose();
});
announceReady({ url: host.url, accountId: account.accountId });
