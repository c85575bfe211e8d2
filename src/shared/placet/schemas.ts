import { z } from 'zod';

// Wire schemas for Placet records and socket events (PROTOCOL.md §2.4, §3, §4).
// Server records are loose objects: Placet may add fields, and we keep what we know.
// Every string and array is bounded so a hostile server cannot make us hold unbounded data.

const MAX_ID = 128;
const MAX_TEXT = 1_000_000;
const MAX_ITEMS = 1_000;

export const idSchema = z.string().min(1).max(MAX_ID);
export const isoDateSchema = z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'not an ISO date');
const shortText = z.string().max(4_000);

export const messageToneSchema = z.enum(['info', 'success', 'warning', 'error']);
export const deliveryStatusSchema = z.enum(['sent', 'webhook_delivered', 'webhook_failed', 'agent_received']);
export const reviewStatusSchema = z.enum(['pending', 'completed', 'expired']);
export const streamStateSchema = z.enum(['streaming', 'complete', 'aborted']);
export const agentStatusValueSchema = z.enum(['active', 'busy', 'error', 'offline']);

export const reviewSchema = z.looseObject({
  // `type` is not validated against an enum by the server (§4.1); unknown types render as freeform.
  type: z.string().min(1).max(256),
  payload: z.record(z.string(), z.unknown()).nullish(),
  status: reviewStatusSchema,
  expiresAt: isoDateSchema,
  response: z.record(z.string(), z.unknown()).nullish(),
  completedAt: isoDateSchema.nullish(),
  feedback: z.string().max(MAX_TEXT).nullish(),
});

export const attachmentSchema = z.looseObject({
  id: idSchema,
  messageId: idSchema.nullable(),
  channelId: idSchema,
  pluginType: z.string().max(64),
  filename: z.string().max(1_024),
  mimeType: z.string().max(256),
  size: z.number().int().nonnegative(),
  storageKey: z.string().max(1_024).optional(),
  pluginData: z.record(z.string(), z.unknown()).nullish(),
  textContent: z.string().max(70_000).optional(),
  createdAt: isoDateSchema,
});

export const messageStatusEventSchema = z.looseObject({
  id: idSchema,
  channelId: idSchema,
  streamId: z.string().max(MAX_ID).nullable(),
  index: z.number().int().nonnegative(),
  text: shortText,
  toolHint: z.boolean(),
  createdAt: isoDateSchema,
});

export const agentCommandSchema = z.looseObject({
  command: z.string().min(1).max(128),
  description: z.string().max(1_000),
  acceptsArgs: z.boolean().optional(),
  argHint: z.string().max(256).optional(),
});

export const agentSchema = z.looseObject({
  id: idSchema,
  name: z.string().max(256),
  description: z.string().max(4_000).nullish(),
  avatarUrl: z.string().max(2_048).nullish(),
  status: agentStatusValueSchema,
  statusMessage: z.string().max(1_000).nullish(),
  statusSince: isoDateSchema.nullish(),
  lastActiveAt: isoDateSchema.nullish(),
  commands: z.array(agentCommandSchema).max(MAX_ITEMS).nullish(),
  tag: z.string().max(64).nullish(),
  isSubagent: z.boolean().optional(),
  parentAgentId: idSchema.nullish(),
  createdAt: isoDateSchema,
});

export const messageSchema = z.looseObject({
  id: idSchema,
  channelId: idSchema,
  senderType: z.enum(['agent', 'user']),
  senderId: z.string().max(MAX_ID),
  text: z.string().max(MAX_TEXT).nullable(),
  status: messageToneSchema.nullable(),
  review: reviewSchema.nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  clientId: z.string().max(MAX_ID).nullish(),
  streamId: z.string().max(MAX_ID).nullish(),
  streamState: streamStateSchema.nullish(),
  deliveryStatus: deliveryStatusSchema,
  iterationGroupId: idSchema.nullish(),
  iteration: z.number().int().positive().nullish(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema.optional(),
  attachments: z.array(attachmentSchema).max(MAX_ITEMS).default([]),
  statusEvents: z.array(messageStatusEventSchema).max(MAX_ITEMS).optional(),
  agentName: z.string().max(256).optional(),
});

/** Socket events the server emits (§2.4). The key is the event name on the wire. */
export const gatewayEventSchemas = {
  'message:created': messageSchema,
  'message:updated': messageSchema,
  'message:status': messageStatusEventSchema,
  'message:delivery': z.looseObject({ messageId: idSchema, deliveryStatus: deliveryStatusSchema }),
  'review:responded': messageSchema.extend({ agent: z.looseObject({ id: idSchema }).optional() }),
  'review:expired': z.looseObject({ messageId: idSchema }),
  'agent:status': z.looseObject({
    agentId: idSchema,
    status: agentStatusValueSchema,
    statusMessage: z.string().max(1_000).nullable(),
    statusSince: isoDateSchema.nullable(),
  }),
  'message:delta': z.looseObject({
    channelId: idSchema,
    delta: z.string().max(MAX_TEXT),
    streamId: z.string().max(MAX_ID).optional(),
    streamBaseId: z.string().max(MAX_ID).optional(),
    streamStartedAt: isoDateSchema.optional(),
    streamEnd: z.boolean().optional(),
  }),
  'message:progress': z.looseObject({
    channelId: idSchema,
    content: shortText,
    toolHint: z.boolean().optional(),
    streamId: z.string().max(MAX_ID).optional(),
  }),
  'agent:commands': z.looseObject({ channelId: idSchema, commands: z.array(agentCommandSchema).max(MAX_ITEMS) }),
} as const;

export type GatewayEventName = keyof typeof gatewayEventSchemas;
export const gatewayEventNames = Object.keys(gatewayEventSchemas) as GatewayEventName[];
export type GatewayEvent<N extends GatewayEventName> = z.infer<(typeof gatewayEventSchemas)[N]>;

/** `GET /api/v1/messages` page. */
export const messagePageSchema = z.looseObject({
  data: z.array(messageSchema).max(1_000),
  nextCursor: idSchema.nullable(),
});

/** The error body of Placet's global exception filter (§6). */
export const errorBodySchema = z.looseObject({
  statusCode: z.number().int(),
  message: z.union([z.string(), z.array(z.string())]),
  timestamp: z.string().optional(),
  path: z.string().optional(),
});

export type Message = z.infer<typeof messageSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type Agent = z.infer<typeof agentSchema>;
export type AgentCommand = z.infer<typeof agentCommandSchema>;
export type MessageStatusEvent = z.infer<typeof messageStatusEventSchema>;
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;
export type AgentStatusValue = z.infer<typeof agentStatusValueSchema>;
export type MessageTone = z.infer<typeof messageToneSchema>;
