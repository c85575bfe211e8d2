import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import { chooseNodeSecretStore, consoleLogger, dataDirFrom, lazyDemoGateway, openExternal } from '../host/node-host';
import { startWebHost } from './web-host';

// `npm run start:web -- [--port N] [--data-dir DIR] [--demo]`: the companion in a browser.
const usage = `Usage: npm run start:web -- [--port N] [--data-dir DIR] [--demo] [--open]
  --port N        listen on 127.0.0.1:N (default: a free port)
  --data-dir DIR  keep everything the app stores in DIR (default: the platform's app-data folder)
  --demo          start the mock gateway in-process and add a demo account
  --open          open the printed URL in the system browser`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      open: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, not ${values.port}`);
  const logger = consoleLogger();
  const { store: secrets } = await chooseNodeSecretStore(logger);
  const demo = lazyDemoGateway();
  const core = await createCore({ dataDir: resolve(dataDirFrom(values['data-dir'])), secrets, logger, demo: demo.account });
  if (values.demo) {
    const result = await core.handlers['accounts:add-demo']({});
    logger.info('demo account ready', { accountId: result.accountId });
  }
  const host = await startWebHost({
    core,
    rendererDir: resolve(import.meta.dirname, '../../../out/renderer'),
    port,
    logger,
    hostHandlers: {
      'app:info': () => ({ host: 'web' as const, version: process.env.npm_package_version ?? '0.0.0', demo: values.demo }),
      'links:open': ({ url }) => openExternal(url),
    },
  });
  console.log(`PLACET_COMPANION_WEB ${host.url}`);
  if (values.open) openExternal(host.url);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await core.dispose();
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(`placet-companion web host: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
