import { createMockGateway, type MockGateway, type MockGatewayOptions } from './mock-gateway';

export interface DemoGatewayHandle {
  gateway: MockGateway;
  url: string;
  /** The first user's first key: the account the app configures for a new user. */
  apiKey: string;
}

/** Starts the `demo` scenario in-process (for `npm start`) and returns its URL and demo key. */
export async function startDemoGateway(options: Omit<MockGatewayOptions, 'scenario'> = {}): Promise<DemoGatewayHandle> {
  const gateway = await createMockGateway({ port: 0, ...options, scenario: 'demo' });
  const apiKey = gateway.fixtures.users[0]?.apiKeys[0];
  if (!apiKey) {
    await gateway.close();
    throw new Error('the demo fixtures have no API key');
  }
  return { gateway, url: gateway.url, apiKey };
}
