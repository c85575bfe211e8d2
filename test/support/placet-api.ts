// Plays the agents and the human against a (mock) Placet server over its public HTTP API.

export interface AgentApi {
  postMessage(body: Record<string, unknown>): Promise<{ id: string; createdAt: string } & Record<string, unknown>>;
}

export function agentApi(serverUrl: string, apiKey: string): AgentApi {
  return {
    async postMessage(body) {
      const res = await fetch(`${serverUrl}/api/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`POST /api/v1/messages answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { id: string; createdAt: string };
    },
  };
}

export async function mockControl(serverUrl: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${serverUrl}/mock${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST /mock${path} answered ${res.status}: ${await res.text()}`);
  return res.json().catch(() => null);
}

/** Polls `check` until it returns a truthy value or the time is up. */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000, everyMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
