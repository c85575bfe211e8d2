// Records as the mock stores them. They mirror Placet's Prisma rows (PROTOCOL.md §3); the
// serializers in `serialize.ts` turn them into the wire shapes.

export type SenderType = 'agent' | 'user';
export type DeliveryStatus = 'sent' | 'webhook_delivered' | 'webhook_failed' | 'agent_received';
export type StreamState = 'streaming' | 'complete' | 'aborted';
export type AgentStatus = 'active' | 'busy' | 'error' | 'offline';
export type ReviewStatus = 'pending' | 'completed' | 'expired';

export interface StoredReview {
  type: string;
  payload: Record<string, unknown>;
  callback?: { url: string; method?: string; headers?: Record<string, string> };
  status: ReviewStatus;
  expiresAt: string;
  response?: Record<string, unknown>;
  completedAt?: string;
  /** Only in the `docs` profile, which follows the public page's spelling. */
  completed_at?: string;
  feedback?: string;
  modifiedFileIds?: Record<string, string>;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  senderType: SenderType;
  senderId: string;
  text: string | null;
  status: 'info' | 'success' | 'warning' | 'error' | null;
  review: StoredReview | null;
  metadata: Record<string, unknown> | null;
  clientId: string | null;
  streamId: string | null;
  streamState: StreamState | null;
  deliveryStatus: DeliveryStatus;
  iterationGroupId: string | null;
  iteration: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredAttachment {
  id: string;
  messageId: string | null;
  channelId: string;
  pluginType: string;
  filename: string;
  mimeType: string;
  size: number;
  storageKey: string;
  pluginData: Record<string, unknown> | null;
  createdAt: string;
}

export interface StoredStatusEvent {
  id: string;
  channelId: string;
  streamId: string | null;
  index: number;
  text: string;
  toolHint: boolean;
  createdAt: string;
}

export interface AgentCommand {
  command: string;
  description: string;
  acceptsArgs?: boolean;
  argHint?: string;
}

export interface StoredAgent {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  avatarUrl: string | null;
  webhookUrl: string | null;
  webhookHeaders: Record<string, string> | null;
  webhookAuth: { username: string; password: string } | null;
  status: AgentStatus;
  statusMessage: string | null;
  statusSince: string | null;
  lastActiveAt: string | null;
  commands: AgentCommand[] | null;
  tag: string | null;
  managementUrl: string | null;
  managementApiKey: string | null;
  isSubagent: boolean;
  parentAgentId: string | null;
  createdAt: string;
}

export interface StoredUser {
  id: string;
  name: string;
  createdAt: string;
}

export interface StoredApiKey {
  userId: string;
  /** SHA-256 hex of the whole key; the plaintext is never stored. */
  keyHash: string;
  /** `hp_` + 8: the display prefix Placet keeps. */
  prefix: string;
}

/** What `GET /mock/fixtures` and the ready line expose: everything a test needs to play a client. */
export interface Fixtures {
  users: Array<{
    id: string;
    name: string;
    apiKeys: string[];
    agents: Array<{ id: string; name: string }>;
  }>;
}

/** How a caller describes fixtures; omitted parts are generated from the seed. */
export interface FixtureSpec {
  users: Array<{
    id?: string;
    name?: string;
    /** Explicit keys, or how many to generate (default 1). */
    apiKeys?: string[] | number;
    agents?: Array<{ id?: string; name: string; webhookUrl?: string | null; tag?: string | null; description?: string | null }>;
    /** Extra generated agents (`Agent 1`, `Agent 2`, …), for load runs. */
    agentCount?: number;
  }>;
}
