import { z } from 'zod';
import {
  agentCommandSchema,
  agentStatusValueSchema,
  attachmentSchema,
  deliveryStatusSchema,
  messageToneSchema,
  reviewStatusSchema,
  streamStateSchema,
} from './placet/schemas';

// What the renderer sees. These shapes are ours (strict) and never carry secrets:
// an account is `{accountId, label, last4, …}`, never its key.

export const connectionStatusSchema = z.enum([
  'connecting',
  'connected',
  'degraded',
  'reconnecting',
  'key-rejected',
  'offline',
  'disabled',
]);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const connectionStateSchema = z.object({
  status: connectionStatusSchema,
  since: z.number(),
  attempt: z.number().int().nonnegative().optional(),
  nextRetryAt: z.number().optional(),
  /** Human-readable and free of secrets. */
  error: z.string().max(500).optional(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const keyStorageSchema = z.enum(['keychain', 'encrypted-file', 'session']);
export type KeyStorage = z.infer<typeof keyStorageSchema>;

export const accountViewSchema = z.object({
  accountId: z.string(),
  label: z.string(),
  serverUrl: z.string(),
  last4: z.string().max(4),
  enabled: z.boolean(),
  keyStorage: keyStorageSchema,
  connection: connectionStateSchema,
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const channelViewSchema = z.object({
  accountId: z.string(),
  channelId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  tag: z.string().nullable(),
  status: agentStatusValueSchema,
  statusMessage: z.string().nullable(),
  statusSince: z.string().nullable(),
  lastActiveAt: z.string().nullable(),
  commands: z.array(agentCommandSchema),
  unread: z.number().int().nonnegative(),
  pendingReviews: z.number().int().nonnegative(),
  /** No ping for longer than the staleness limit. */
  stale: z.boolean(),
  muted: z.boolean(),
  recentDeliveryFailures: z.number().int().nonnegative(),
  lastMessageAt: z.string().nullable(),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

export const reviewViewSchema = z.object({
  type: z.string(),
  payload: z.record(z.string(), z.unknown()).nullable(),
  /** `expired` is also set locally once `expiresAt` has passed (PROTOCOL.md §4.4). */
  status: reviewStatusSchema,
  expiresAt: z.string(),
  response: z.record(z.string(), z.unknown()).nullable(),
  completedAt: z.string().nullable(),
  feedback: z.string().nullable(),
});
export type ReviewView = z.infer<typeof reviewViewSchema>;

export const messageViewSchema = z.object({
  accountId: z.string(),
  channelId: z.string(),
  id: z.string(),
  senderType: z.enum(['agent', 'user']),
  text: z.string().nullable(),
  tone: messageToneSchema.nullable(),
  review: reviewViewSchema.nullable(),
  deliveryStatus: deliveryStatusSchema,
  streamState: streamStateSchema.nullable(),
  iterationGroupId: z.string().nullable(),
  iteration: z.number().int().nullable(),
  /** Total revisions in the chain when known ("revision 2 of 3"). */
  iterationCount: z.number().int().nullable(),
  attachments: z.array(attachmentSchema),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

/** One row of the review queue: a review message with what the queue needs to show it. */
export const reviewItemSchema = z.object({
  accountId: z.string(),
  channelId: z.string(),
  messageId: z.string(),
  agentName: z.string(),
  accountLabel: z.string(),
  serverUrl: z.string(),
  type: z.string(),
  /** A one-line summary of what is asked. */
  summary: z.string(),
  /** A one-line summary of the answer once completed (passwords masked), else null. */
  answer: z.string().nullable(),
  status: reviewStatusSchema,
  expiresAt: z.string(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  deliveryStatus: deliveryStatusSchema,
  /** Where a human answers it: the Placet web app. */
  openUrl: z.string(),
  snoozedUntil: z.number().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const noticeSchema = z.object({
  id: z.string(),
  kind: z.enum(['review-new', 'review-reminder', 'review-withdrawn', 'delivery-failed', 'chatter', 'connection', 'storage']),
  title: z.string(),
  body: z.string(),
  accountId: z.string().optional(),
  channelId: z.string().optional(),
  messageId: z.string().optional(),
  urgency: z.enum(['low', 'normal', 'critical']),
  at: z.number(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const inspectorEntrySchema = z.object({
  seq: z.number().int(),
  at: z.number(),
  accountId: z.string(),
  direction: z.enum(['in', 'out', 'rest']),
  event: z.string(),
  channelId: z.string().nullable(),
  messageId: z.string().nullable(),
  valid: z.boolean(),
  /** Redacted, truncated JSON of the payload. */
  summary: z.string(),
  error: z.string().optional(),
});
export type InspectorEntry = z.infer<typeof inspectorEntrySchema>;

export const settingsSchema = z.object({
  reminderLadderMinutes: z.array(z.number().int().min(1).max(2_160)).max(10),
  quietHours: z
    .object({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) })
    .nullable(),
  sound: z.boolean(),
  theme: z.enum(['light', 'dark', 'system']),
  notificationsPausedUntil: z.number().nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  reminderLadderMinutes: [60, 15, 5],
  quietHours: null,
  sound: true,
  theme: 'system',
  notificationsPausedUntil: null,
};

export const statsSchema = z.object({
  invalidEvents: z.number().int().nonnegative(),
  quarantinedEvents: z.number().int().nonnegative(),
});
export type Stats = z.infer<typeof statsSchema>;
