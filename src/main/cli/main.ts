import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { Store } from '../core/store/store';
import { normaliseServerUrl } from '../core/net/rest-client';
import { AppFailure } from '../../shared/ipc/result';
import { chooseNodeSecretStore, consoleLogger, dataDirFrom } from '../host/node-host';
import { batchLines } from './format-batch';

const usage = `Usage:
  npm run cli -- watch --server <url> [--data-dir DIR] [--json] [--label NAME]
      Connects (key from PLACET_API_KEY, or the account already stored for that server) and prints
      connection states, messages, review changes and notifications, one per line.
  npm run cli -- history [--data-dir DIR] [--json]
      Prints every stored message, one per line, per channel in server order.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      server: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      label: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !command || command === 'help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  const dataDir = resolve(dataDirFrom(values['data-dir']));
  if (command === 'history') return history(dataDir, values.json);
  if (command === 'watch') {
    if (!values.server) throw new AppFailure('invalid-input', 'watch needs --server <url>');
    return watch(dataDir, values.server, values.json, values.label);
  }
  console.error(`Unknown command ${JSON.stringify(command)}\n${usage}`);
  return 2;
}

function history(dataDir: string, json: boolean): number {
  const store = Store.open(dataDir);
  try {
    for (const account of store.accounts.list()) {
      for (const m of store.messages.allOf(account.accountId)) {
        console.log(json ? JSON.stringify({ accountId: account.accountId, ...m }) : `${m.createdAt} ${m.channelId} ${m.senderType}: ${(m.text ?? '').replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
  } finally {
    store.close();
  }
  return 0;
}

async function watch(dataDir: string, serverInput: string, json: boolean, label: string | undefined): Promise<number> {
  const logger = consoleLogger();
  const serverUrl = normaliseServerUrl(serverInput);
  const envKey = process.env.PLACET_API_KEY;
  // A key from the environment stays in memory: the terminal host never writes it anywhere.
  const secrets = envKey ? new MemorySecretStore() : (await chooseNodeSecretStore(logger)).store;
  const core = await createCore({ dataDir, secrets, logger });
  core.onBatch((batch) => {
    for (const line of batchLines(batch, json)) process.stdout.write(`${line}\n`);
  });
  const snapshot = await core.handlers['state:snapshot']({});
  const existing = snapshot.accounts.find((a) => a.serverUrl === serverUrl);
  if (envKey) {
    if (existing) await core.handlers['accounts:update']({ accountId: existing.accountId, apiKey: envKey });
    else await core.handlers['accounts:add']({ serverUrl, apiKey: envKey, ...(label ? { label } : {}) });
  } else if (!existing) {
    await core.dispose();
    throw new AppFailure('invalid-input', `No account for ${serverUrl} is stored; set PLACET_API_KEY to add one`);
  }
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', resolveStop);
    process.once('SIGTERM', resolveStop);
  });
  await core.dispose();
  return 0;
}

// exitCode, not exit(): exit() would cut off stdout still being written to a pipe.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`placet-companion: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
