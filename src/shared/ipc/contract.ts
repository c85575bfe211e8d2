import { z } from 'zod';
import {
  accountViewSchema,
  channelViewSchema,
  inspectorEntrySchema,
  messageViewSchema,
  noticeSchema,
  reviewItemSchema,
  settingsSchema,
  statsSchema,
} from '../domain';

// The one IPC contract. Adding a call = adding an entry here; main, preload and renderer derive
// their types from it, and main parses every input with its schema before a handler runs.
// Names: `domain:action` for calls, `domain:event` for pushes.

const id = z.string().min(1).max(128);
const channelRef = z.strictObject({ accountId: id, channelId: id });
const serverUrl = z.string().min(1).max(2_048);
// Length only: the core gives the specific error for a malformed key, so the user learns what is wrong.
const apiKey = z.string().min(1).max(256);
const label = z.string().trim().min(1).max(100);
const ok = z.strictObject({ done: z.literal(true) });

export const invokeContract = {
  'app:info': {
    input: z.strictObject({}),
    output: z.strictObject({ host: z.enum(['electron', 'web']), version: z.string(), demo: z.boolean() }),
  },
  'state:snapshot': {
    input: z.strictObject({}),
    output: z.strictObject({
      accounts: z.array(accountViewSchema),
      channels: z.array(channelViewSchema),
      reviews: z.array(reviewItemSchema),
      settings: settingsSchema,
      stats: statsSchema,
    }),
  },
  'accounts:test': {
    input: z.strictObject({ serverUrl, apiKey }),
    output: z.strictObject({ agents: z.number().int().nonnegative() }),
  },
  'accounts:add': {
    input: z.strictObject({ label: label.optional(), serverUrl, apiKey }),
    output: accountViewSchema,
  },
  'accounts:add-demo': { input: z.strictObject({}), output: accountViewSchema },
  'accounts:update': {
    input: z.strictObject({ accountId: id, label: label.optional(), enabled: z.boolean().optional(), apiKey: apiKey.optional() }),
    output: accountViewSchema,
  },
  'accounts:remove': {
    input: z.strictObject({ accountId: id, deleteHistory: z.boolean() }),
    output: ok,
  },
  'accounts:reconnect': { input: z.strictObject({ accountId: id.optional() }), output: ok },
  'messages:page': {
    input: z.strictObject({
      accountId: id,
      channelId: id,
      /** Exclusive upper bound: the oldest message the renderer holds. */
      before: z.strictObject({ createdAt: z.string().max(40), id }).optional(),
      limit: z.number().int().min(1).max(500),
    }),
    output: z.strictObject({ messages: z.array(messageViewSchema), hasMore: z.boolean() }),
  },
  'messages:search': {
    input: z.strictObject({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(200) }),
    output: z.array(messageViewSchema),
  },
  'channels:read': { input: channelRef, output: ok },
  'channels:mute': { input: channelRef.extend({ muted: z.boolean() }), output: ok },
  'reviews:list': {
    input: z.strictObject({ status: z.enum(['pending', 'completed', 'expired']), limit: z.number().int().min(1).max(1_000) }),
    output: z.array(reviewItemSchema),
  },
  'reviews:snooze': {
    input: z.strictObject({ accountId: id, messageId: id, minutes: z.number().int().min(1).max(1_440) }),
    output: ok,
  },
  'settings:set': { input: settingsSchema.partial().strict(), output: settingsSchema },
  'inspector:list': {
    input: z.strictObject({ accountId: id.optional(), limit: z.number().int().min(1).max(5_000) }),
    output: z.array(inspectorEntrySchema),
  },
  /** Tells main what the user is looking at, so nothing is notified for it. */
  'ui:focus': {
    input: z.strictObject({ accountId: id.nullable(), channelId: id.nullable(), visible: z.boolean() }),
    output: ok,
  },
  /** Opens a link outside the app after main's URL check (http, https, mailto only). */
  'links:open': { input: z.strictObject({ url: z.string().min(1).max(4_096) }), output: ok },
} as const;

/** A batch of changes pushed from main: upserts by key, at most one batch per ~16–50 ms. */
export const batchSchema = z.strictObject({
  accounts: z.array(accountViewSchema).optional(),
  removedAccounts: z.array(z.string()).optional(),
  channels: z.array(channelViewSchema).optional(),
  messages: z.array(messageViewSchema).optional(),
  reviews: z.array(reviewItemSchema).optional(),
  notices: z.array(noticeSchema).optional(),
  inspector: z.array(inspectorEntrySchema).optional(),
  stats: statsSchema.optional(),
  settings: settingsSchema.optional(),
});
export type Batch = z.infer<typeof batchSchema>;

export const eventContract = {
  'core:batch': batchSchema,
  /** Main asks the window to show one review (notification click, deep link, tray). */
  'ui:show-review': z.strictObject({ accountId: id, channelId: id, messageId: id }),
} as const;

export type InvokeChannel = keyof typeof invokeContract;
export type EventChannel = keyof typeof eventContract;
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

export const invokeChannels = Object.keys(invokeContract) as InvokeChannel[];
export const eventChannels = Object.keys(eventContract) as EventChannel[];

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeContract, name);
}
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventContract, name);
}
