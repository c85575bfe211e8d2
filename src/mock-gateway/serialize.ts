import type { MockStore } from './mock-store';
import type { StoredAgent, StoredAttachment, StoredMessage } from './types';

// Wire shapes (PROTOCOL.md §3). Records are copied so later mutations never leak into something
// already emitted or answered.

const TEXT_MIMES = new Set(['text/markdown', 'text/plain', 'text/html', 'text/csv']);
const TEXT_CONTENT_LIMIT = 64 * 1024;

export interface MessageView {
  /** Agent REST answers add `textContent` to small text attachments. */
  textContent?: boolean;
  /** Only the paginated list carries `statusEvents`. */
  statusEvents?: boolean;
  /** Password form values are redacted in the list and the inbox. */
  redact?: boolean;
  agentName?: string;
}

export function wireAttachment(store: MockStore, att: StoredAttachment, textContent: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...att };
  if (textContent && TEXT_MIMES.has(att.mimeType) && att.size <= TEXT_CONTENT_LIMIT) {
    out.textContent = (store.fileData.get(att.id) ?? Buffer.alloc(0)).toString('utf8');
  }
  return out;
}

export function wireMessage(store: MockStore, m: StoredMessage, view: MessageView = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...m,
    review: m.review ? structuredClone(m.review) : null,
    metadata: m.metadata ? structuredClone(m.metadata) : null,
    attachments: store.attachmentsOf(m.id).map((a) => wireAttachment(store, a, view.textContent ?? false)),
  };
  if (view.redact && m.review) out.review = redactPasswords(m.review as unknown as Record<string, unknown>);
  if (view.statusEvents) out.statusEvents = m.streamId ? store.statusEventsOf(m.channelId, m.streamId).map((e) => ({ ...e })) : [];
  if (view.agentName !== undefined) out.agentName = view.agentName;
  return out;
}

function redactPasswords(review: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(review);
  const payload = copy.payload as { fields?: Array<{ name?: string; type?: string }> } | undefined;
  const response = copy.response as Record<string, unknown> | undefined;
  if (copy.type !== 'form' || !response || !Array.isArray(payload?.fields)) return copy;
  for (const field of payload.fields) {
    if (field?.type === 'password' && typeof field.name === 'string' && field.name in response) {
      response[field.name] = '***REDACTED***';
    }
  }
  return copy;
}

/** The agent as the agent API shows it: no `ownerId`, secrets masked. */
export function wireAgent(agent: StoredAgent): Record<string, unknown> {
  const { ownerId: _ownerId, ...rest } = agent;
  return {
    ...structuredClone(rest),
    webhookAuth: agent.webhookAuth ? { username: agent.webhookAuth.username, password: '***' } : null,
    managementApiKey: agent.managementApiKey ? '***' : null,
  };
}

/** The whole Agent row, unmasked, as `review:responded` carries it (a quirk of §2.4). */
export function rawAgent(agent: StoredAgent): Record<string, unknown> {
  return structuredClone(agent) as unknown as Record<string, unknown>;
}
