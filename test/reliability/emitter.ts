/**
 * Posts messages as agents, each with a `clientId`, retrying until the server acknowledges it (201).
 * Retries are safe because Placet de-duplicates by clientId: the acknowledged set is exactly the
 * gateway's history, whatever happened to the server in between.
 */
export class Emitter {
  readonly acknowledged: Array<{ id: string; channelId: string; clientId: string }> = [];
  failures = 0;
  private stopped = false;

  constructor(
    private readonly serverUrl: () => string,
    private readonly apiKey: string,
  ) {}

  async post(channelId: string, clientId: string, text: string): Promise<string> {
    for (;;) {
      try {
        const res = await fetch(`${this.serverUrl()}/api/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': this.apiKey },
          body: JSON.stringify({ channelId, clientId, text }),
          signal: AbortSignal.timeout(2_000),
        });
        if (res.status === 201) {
          const body = (await res.json()) as { id: string };
          this.acknowledged.push({ id: body.id, channelId, clientId });
          return body.id;
        }
        this.failures++;
      } catch {
        this.failures++;
      }
      if (this.stopped) throw new Error('emitter stopped');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** `count` messages spread over `channels`, at about `perSecond`. */
  async stream(channels: string[], count: number, perSecond: number, prefix: string): Promise<void> {
    const gap = 1_000 / perSecond;
    const started = Date.now();
    for (let i = 0; i < count && !this.stopped; i++) {
      const wait = started + i * gap - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await this.post(channels[i % channels.length]!, `${prefix}-${i}`, `${prefix} message ${i}`);
    }
  }

  stop(): void {
    this.stopped = true;
  }
}
