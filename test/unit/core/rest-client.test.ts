import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RestClient, normaliseServerUrl, retryDelayMs } from '../../../src/main/core/net/rest-client';
import { systemClock } from '../../../src/main/core/ports';

describe('normaliseServerUrl', () => {
  it.each([
    ['https://placet.example.com', 'https://placet.example.com'],
    ['  https://placet.example.com/  ', 'https://placet.example.com'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['https://host/placet/', 'https://host/placet'],
  ])('accepts %s', (input, expected) => expect(normaliseServerUrl(input)).toBe(expected));

  it.each([
    ['placet.example.com', /not a valid URL/],
    ['ftp://placet.example.com', /must start with https:\/\/ or http:\/\//],
    ['javascript:alert(1)', /must start with/],
    ['https://user:pw@placet.example.com', /user name or password/],
  ])('rejects %s with a specific reason', (input, reason) => {
    expect(() => normaliseServerUrl(input)).toThrow(reason);
  });
});

describe('retryDelayMs', () => {
  it('honours Retry-After seconds, else backs off exponentially with a cap', () => {
    expect(retryDelayMs('3', 0)).toBe(3_050);
    expect(retryDelayMs(null, 0)).toBe(1_000);
    expect(retryDelayMs(null, 3)).toBe(8_000);
    expect(retryDelayMs('garbage', 10)).toBe(60_000);
    expect(retryDelayMs('99999', 0)).toBe(120_050);
  });
});

describe('RestClient', () => {
  const respond = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  it('waits out a 429 and retries, sending the key only in x-api-key', async () => {
    const seen: Array<{ url: string; key: string | null }> = [];
    const answers = [respond(429, { statusCode: 429, message: 'ThrottlerException: Too Many Requests' }, { 'retry-after': '0' }), respond(200, [1, 2])];
    const client = new RestClient({
      serverUrl: 'http://127.0.0.1:9',
      getKey: async () => 'hp_key',
      clock: systemClock,
      fetchImpl: (async (url: URL, init: RequestInit) => {
        seen.push({ url: String(url), key: new Headers(init.headers).get('x-api-key') });
        return answers.shift()!;
      }) as unknown as typeof fetch,
    });
    await expect(client.get('/agents', z.array(z.number()))).resolves.toEqual([1, 2]);
    expect(seen).toHaveLength(2);
    expect(seen.every((s) => s.key === 'hp_key' && !s.url.includes('hp_key'))).toBe(true);
  });

  it.each([
    [401, { statusCode: 401, message: 'Invalid API key' }, 'key-rejected'],
    [500, { statusCode: 500, message: 'Internal server error' }, 'server-error'],
    [404, '<html>nginx</html>', 'not-placet'],
    [200, { hello: 'world' }, 'not-placet'],
  ])('maps HTTP %s to a specific error', async (status, body, code) => {
    const client = new RestClient({ serverUrl: 'http://127.0.0.1:9', getKey: async () => 'hp_key', clock: systemClock, maxRateLimitWaits: 0, fetchImpl: (async () => respond(status, body)) as unknown as typeof fetch });
    await expect(client.get('/agents', z.array(z.number()))).rejects.toMatchObject({ code });
  });

  it('names a port that fetch refuses to use', async () => {
    const client = new RestClient({ serverUrl: 'http://127.0.0.1:1', getKey: async () => 'hp_key', clock: systemClock });
    await expect(client.get('/agents', z.array(z.number()))).rejects.toMatchObject({ code: 'bad-url', message: expect.stringMatching(/blocked port/) });
  });
});
