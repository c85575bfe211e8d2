import { isInvokeChannel } from '../../shared/ipc/contract';
import { originOf } from './origin';

/** What an ipcMain event tells us about who is calling. */
export interface IpcSenderFacts {
  channel: unknown;
  /** `event.senderFrame?.url`; null when the frame is gone. */
  frameUrl: string | null;
  /** `event.senderFrame === event.sender.mainFrame` */
  isMainFrame: boolean;
  webContentsId: number;
}

export interface IpcSenderPolicy {
  /** `app://companion`, plus the dev server's origin in development. */
  trustedOrigins: readonly string[];
  isOurWebContents(id: number): boolean;
}

export type IpcSenderRejection = 'unknown-channel' | 'no-frame' | 'subframe' | 'malformed-url' | 'wrong-origin' | 'foreign-contents';
export type IpcSenderVerdict = { ok: true } | { ok: false; reason: IpcSenderRejection };

/**
 * Runs before the payload schema and the handler (QUALITY.md 16): a call must come on a contract
 * channel, from the main frame of one of our windows, showing a page of our own origin. A
 * compromised or navigated page, an iframe, or a webContents we did not create gets nothing.
 */
export function checkIpcSender(facts: IpcSenderFacts, policy: IpcSenderPolicy): IpcSenderVerdict {
  if (!isInvokeChannel(facts.channel)) return { ok: false, reason: 'unknown-channel' };
  if (facts.frameUrl === null) return { ok: false, reason: 'no-frame' };
  if (!facts.isMainFrame) return { ok: false, reason: 'subframe' };
  const origin = originOf(facts.frameUrl);
  if (origin === null) return { ok: false, reason: 'malformed-url' };
  if (!policy.trustedOrigins.includes(origin)) return { ok: false, reason: 'wrong-origin' };
  if (!policy.isOurWebContents(facts.webContentsId)) return { ok: false, reason: 'foreign-contents' };
  return { ok: true };
}
