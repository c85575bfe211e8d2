import type { StateLog, StateRecord } from './state-log';
import type {
  StoredAgent,
  StoredApiKey,
  StoredAttachment,
  StoredMessage,
  StoredStatusEvent,
  StoredUser,
} from './types';

/**
 * The mock's database: plain maps, with every change also appended to the state log (when there is
 * one). Per-channel message order is insertion order, which is `createdAt` order because the
 * clock never goes backwards; `GET /messages` pages it from the newest end.
 */
export class MockStore {
  readonly users = new Map<string, StoredUser>();
  readonly keysByHash = new Map<string, StoredApiKey>();
  readonly agents = new Map<string, StoredAgent>();
  readonly messages = new Map<string, StoredMessage>();
  readonly attachments = new Map<string, StoredAttachment>();
  readonly fileData = new Map<string, Buffer>();
  readonly channelReads = new Map<string, string>();
  private readonly channelOrder = new Map<string, string[]>();
  private readonly byClientId = new Map<string, string>();
  private readonly byStreamId = new Map<string, string>();
  private readonly statusEvents = new Map<string, StoredStatusEvent[]>();
  private readonly attByMessage = new Map<string, Set<string>>();
  private log: StateLog | null = null;

  attachLog(log: StateLog): void {
    this.log = log;
  }

  flush(): void {
    this.log?.flush();
  }

  putUser(user: StoredUser): void {
    this.users.set(user.id, user);
    this.log?.append({ t: 'user', v: user });
  }

  putKey(key: StoredApiKey): void {
    this.keysByHash.set(key.keyHash, key);
    this.log?.append({ t: 'key', v: key });
  }

  putAgent(agent: StoredAgent): void {
    this.agents.set(agent.id, agent);
    this.log?.append({ t: 'agent', v: agent });
  }

  deleteAgent(id: string): void {
    this.agents.delete(id);
    for (const messageId of this.channelOrder.get(id) ?? []) this.forgetMessage(messageId);
    this.channelOrder.delete(id);
    for (const [attId, att] of this.attachments) if (att.channelId === id) this.attachments.delete(attId);
    this.log?.append({ t: 'agent-del', id });
  }

  agentsOf(userId: string): StoredAgent[] {
    return [...this.agents.values()].filter((a) => a.ownerId === userId);
  }

  ownedAgent(userId: string, agentId: unknown): StoredAgent | null {
    if (typeof agentId !== 'string') return null;
    const agent = this.agents.get(agentId);
    return agent && agent.ownerId === userId ? agent : null;
  }

  putMessage(message: StoredMessage): void {
    if (!this.messages.has(message.id)) {
      let order = this.channelOrder.get(message.channelId);
      if (!order) this.channelOrder.set(message.channelId, (order = []));
      order.push(message.id);
    }
    this.messages.set(message.id, message);
    if (message.clientId) this.byClientId.set(`${message.channelId}\u0000${message.clientId}`, message.id);
    if (message.streamId) this.byStreamId.set(`${message.channelId}\u0000${message.streamId}`, message.id);
    this.log?.append({ t: 'msg', v: message });
  }

  deleteMessage(id: string): void {
    const message = this.messages.get(id);
    if (!message) return;
    const order = this.channelOrder.get(message.channelId);
    if (order) order.splice(order.indexOf(id), 1);
    this.forgetMessage(id);
    this.log?.append({ t: 'msg-del', id });
  }

  byClient(channelId: string, clientId: string): StoredMessage | null {
    const id = this.byClientId.get(`${channelId}\u0000${clientId}`);
    return id ? (this.messages.get(id) ?? null) : null;
  }

  byStream(channelId: string, streamId: string): StoredMessage | null {
    const id = this.byStreamId.get(`${channelId}\u0000${streamId}`);
    return id ? (this.messages.get(id) ?? null) : null;
  }

  /** Message ids of a channel, oldest first. Callers must not mutate it. */
  channelMessageIds(channelId: string): readonly string[] {
    return this.channelOrder.get(channelId) ?? [];
  }

  putAttachment(att: StoredAttachment, data: Buffer): void {
    this.indexAttachment(att);
    this.fileData.set(att.id, data);
    this.log?.append({ t: 'att', v: att, data: data.toString('base64') });
  }

  /** Re-links an attachment (orphan → message) without rewriting its bytes into the log again. */
  linkAttachment(att: StoredAttachment): void {
    this.indexAttachment(att);
    const data = this.fileData.get(att.id) ?? Buffer.alloc(0);
    this.log?.append({ t: 'att', v: att, data: data.toString('base64') });
  }

  attachmentsOf(messageId: string): StoredAttachment[] {
    const ids = this.attByMessage.get(messageId);
    if (!ids) return [];
    return [...ids].map((id) => this.attachments.get(id)).filter((a): a is StoredAttachment => !!a);
  }

  private indexAttachment(att: StoredAttachment): void {
    const previous = this.attachments.get(att.id);
    if (previous?.messageId) this.attByMessage.get(previous.messageId)?.delete(att.id);
    this.attachments.set(att.id, att);
    if (att.messageId) {
      let set = this.attByMessage.get(att.messageId);
      if (!set) this.attByMessage.set(att.messageId, (set = new Set()));
      set.add(att.id);
    }
  }

  addStatusEvent(event: StoredStatusEvent): void {
    const key = `${event.channelId}\u0000${event.streamId ?? ''}`;
    let list = this.statusEvents.get(key);
    if (!list) this.statusEvents.set(key, (list = []));
    list.push(event);
    this.log?.append({ t: 'se', v: event });
  }

  statusEventsOf(channelId: string, streamId: string | null): StoredStatusEvent[] {
    return this.statusEvents.get(`${channelId}\u0000${streamId ?? ''}`) ?? [];
  }

  markRead(userId: string, channelId: string, at: string): void {
    this.channelReads.set(`${userId}\u0000${channelId}`, at);
    this.log?.append({ t: 'read', userId, channelId, at });
  }

  /** Replays a state file into the maps (nothing is logged while loading). */
  load(records: StateRecord[]): void {
    const log = this.log;
    this.log = null;
    for (const r of records) {
      if (r.t === 'user') this.putUser(r.v);
      else if (r.t === 'key') this.putKey(r.v);
      else if (r.t === 'agent') this.putAgent(r.v);
      else if (r.t === 'agent-del') this.deleteAgent(r.id);
      else if (r.t === 'msg') this.putMessage(r.v);
      else if (r.t === 'msg-del') this.deleteMessage(r.id);
      else if (r.t === 'att') this.putAttachment(r.v, Buffer.from(r.data, 'base64'));
      else if (r.t === 'se') this.addStatusEvent(r.v);
      else if (r.t === 'read') this.markRead(r.userId, r.channelId, r.at);
    }
    this.log = log;
  }

  /** The current state as a minimal list of records, for compaction. */
  snapshot(seed: number): StateRecord[] {
    const out: StateRecord[] = [{ t: 'meta', seed }];
    for (const v of this.users.values()) out.push({ t: 'user', v });
    for (const v of this.keysByHash.values()) out.push({ t: 'key', v });
    for (const v of this.agents.values()) out.push({ t: 'agent', v });
    for (const ids of this.channelOrder.values()) for (const id of ids) out.push({ t: 'msg', v: this.messages.get(id)! });
    for (const v of this.attachments.values()) out.push({ t: 'att', v, data: (this.fileData.get(v.id) ?? Buffer.alloc(0)).toString('base64') });
    for (const list of this.statusEvents.values()) for (const v of list) out.push({ t: 'se', v });
    for (const [k, at] of this.channelReads) {
      const [userId, channelId] = k.split('\u0000') as [string, string];
      out.push({ t: 'read', userId, channelId, at });
    }
    return out;
  }

  private forgetMessage(id: string): void {
    const m = this.messages.get(id);
    if (!m) return;
    this.messages.delete(id);
    if (m.clientId) this.byClientId.delete(`${m.channelId}\u0000${m.clientId}`);
    if (m.streamId) this.byStreamId.delete(`${m.channelId}\u0000${m.streamId}`);
    for (const att of this.attachmentsOf(id)) {
      this.attachments.delete(att.id);
      this.fileData.delete(att.id);
    }
    this.attByMessage.delete(id);
  }
}
