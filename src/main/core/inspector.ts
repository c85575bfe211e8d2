import type { InspectorEntry } from '../../shared/domain';
import { redactApiKeys } from './secrets/redact';

/** A bounded ring of raw events per account, redacted, for the event inspector. */
export class Inspector {
  private entries: InspectorEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 5_000) {}

  record(e: Omit<InspectorEntry, 'seq' | 'summary'> & { payload: unknown }): InspectorEntry {
    const { payload, ...rest } = e;
    const entry: InspectorEntry = { ...rest, seq: ++this.seq, summary: summarize(payload) };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  list(accountId: string | undefined, limit: number): InspectorEntry[] {
    const all = accountId ? this.entries.filter((e) => e.accountId === accountId) : this.entries;
    return all.slice(-limit);
  }
}

/** Compact JSON, capped, with any API key masked and review passwords hidden. */
export function summarize(payload: unknown, max = 2_000): string {
  let text: string;
  try {
    text = JSON.stringify(payload, (key, value: unknown) => (/password|secret|token|apiKey|webhookAuth/i.test(key) && value ? '***' : value)) ?? String(payload);
  } catch {
    text = String(payload);
  }
  text = redactApiKeys(text);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function idsOf(payload: unknown): { channelId: string | null; messageId: string | null } {
  if (!payload || typeof payload !== 'object') return { channelId: null, messageId: null };
  const p = payload as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 128) : null);
  return { channelId: str(p.channelId) ?? str(p.agentId), messageId: str(p.messageId) ?? str(p.id) };
}
