// Child process for the no-keychain test: choose the secret store, add an account with a sentinel
// key, and report what was chosen. Run with a D-Bus address that leads nowhere.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src/main/core/core';
import { chooseNodeSecretStore } from '../../../src/main/host/node-host';
import { silentLogger } from '../../../src/main/core/ports';

const { store, notice } = await chooseNodeSecretStore(silentLogger);
const dataDir = mkdtempSync(join(tmpdir(), 'placet-nokeychain-'));
const core = await createCore({ dataDir, secrets: store });
const account = await core.handlers['accounts:add']({ serverUrl: process.env.GATEWAY_URL!, apiKey: process.env.SENTINEL_KEY! });
await core.dispose();
console.log(JSON.stringify({ kind: store.kind, notice, keyStorage: account.keyStorage, dataDir }));
