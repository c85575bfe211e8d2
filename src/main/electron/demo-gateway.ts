import type { DemoAccount } from '../core/core-api';
import type { Logger } from '../core/ports';
import type { createMockGateway as CreateMockGateway } from '../../mock-gateway/index';

type MockGateway = Awaited<ReturnType<typeof CreateMockGateway>>;

export interface DemoGateway {
  /** Starts the in-process mock gateway on first use; later calls reuse it. */
  account(): Promise<DemoAccount>;
  readonly started: boolean;
  close(): Promise<void>;
}

/**
 * A fixed port when it is free, so the demo account's server URL stays the same from one run to
 * the next (the core recognises the demo account by its URL); any free port otherwise.
 */
export const preferredDemoPort = 47_311;

async function startOnPreferredPort(): Promise<MockGateway> {
  // Loaded on demand: a user with only real servers never loads the mock's HTTP stack.
  const { createMockGateway } = await import('../../mock-gateway/index');
  try {
    return await createMockGateway({ port: preferredDemoPort, scenario: 'demo' });
  } catch {
    return createMockGateway({ port: 0, scenario: 'demo' });
  }
}

/** The embedded mock Placet server behind `accounts:add-demo` (DESIGN.md "Start-up default"). */
export function createDemoGateway(logger: Logger): DemoGateway {
  let running: Promise<MockGateway> | null = null;
  return {
    get started() {
      return running !== null;
    },
    async account() {
      running ??= startOnPreferredPort();
      const gateway = await running;
      const apiKey = gateway.fixtures.users[0]?.apiKeys[0];
      if (!apiKey) throw new Error('the demo scenario has no API key');
      logger.info('demo gateway running', { url: gateway.url });
      return { serverUrl: gateway.url, apiKey, label: 'Demo (mock gateway)' };
    },
    async close() {
      const gateway = await running?.catch(() => null);
      running = null;
      await gateway?.close();
    },
  };
}
