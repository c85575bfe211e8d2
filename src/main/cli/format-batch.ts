import type { Batch } from '../../shared/ipc/contract';

/** One line per change: JSON objects for scripts, or short readable lines for people. */
export function batchLines(batch: Batch, json: boolean): string[] {
  const lines: string[] = [];
  const out = (type: string, data: object, text: string) => lines.push(json ? JSON.stringify({ type, ...data }) : text);
  for (const a of batch.accounts ?? []) {
    const c = a.connection;
    out('connection', { accountId: a.accountId, label: a.label, ...c }, `[${a.label}] ${c.status}${c.attempt ? ` (attempt ${c.attempt})` : ''}${c.error ? `: ${c.error}` : ''}`);
  }
  for (const m of batch.messages ?? []) {
    const text = (m.text ?? '').replace(/\s+/g, ' ').slice(0, 160);
    out('message', m, `${m.createdAt} ${m.channelId} ${m.senderType}: ${text}${m.review ? ` [review ${m.review.type} ${m.review.status}]` : ''} (${m.deliveryStatus})`);
  }
  for (const r of batch.reviews ?? []) {
    out('review', r, `review ${r.status}: ${r.agentName} — ${r.summary} (expires ${r.expiresAt})`);
  }
  for (const n of batch.notices ?? []) out('notification', n, `! ${n.title}: ${n.body}`);
  if (batch.stats && (batch.stats.invalidEvents || batch.stats.quarantinedEvents)) {
    out('stats', batch.stats, `dropped ${batch.stats.invalidEvents} invalid and quarantined ${batch.stats.quarantinedEvents} events`);
  }
  return lines;
}
