import { test } from '@playwright/test';
import { createMockGateway, type MockGateway } from '../../../src/mock-gateway/index';
import { startWebHostProcess, type WebHostProcess } from '../../support/web-host-process';

export interface MockAndHost {
  gateway: MockGateway;
  host: WebHostProcess;
}

/**
 * Each test of the calling file gets a fresh mock gateway (in-process, no rate limit) and a web host
 * child process with an empty data folder. Read them through the returned object inside a test.
 */
export function useMockAndHost(hostArgs: string[] = []): MockAndHost {
  const env = {} as MockAndHost;
  test.beforeEach(async () => {
    env.gateway = await createMockGateway({ port: 0, rateLimit: false });
    env.host = await startWebHostProcess(hostArgs);
  });
  test.afterEach(async () => {
    await env.host?.stop();
    await env.gateway?.close();
  });
  return env;
}
