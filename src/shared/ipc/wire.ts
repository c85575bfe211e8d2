import { z } from 'zod';

// Frames of the web host's local WebSocket (`/ipc?token=…`), which carries the same contract as
// Electron IPC. The browser page sends `invoke`; the host answers with `result` and pushes `event`.

export const webIpcPath = '/ipc';

export const clientFrameSchema = z.strictObject({
  t: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  input: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type ServerFrame =
  | { t: 'result'; id: number; result: unknown }
  | { t: 'event'; channel: string; payload: unknown };
