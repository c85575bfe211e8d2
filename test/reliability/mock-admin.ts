// The mock's control API, typed for the reliability tests.

export interface MockStats {
  connectionAttempts: Record<string, number>;
  liveSockets: Record<string, number>;
  totalSockets: number;
  eventsEmitted: Record<string, number>;
}

export async function stats(url: string): Promise<MockStats> {
  return (await (await fetch(`${url}/mock/stats`)).json()) as MockStats;
}

export async function control(url: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${url}/mock${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST /mock${path} → ${res.status} ${await res.text()}`);
  return res.json().catch(() => null);
}

export const keyLabel = (key: string) => key.slice(0, 11);

export function attemptsOf(s: MockStats, key: string): number {
  return s.connectionAttempts[keyLabel(key)] ?? 0;
}
