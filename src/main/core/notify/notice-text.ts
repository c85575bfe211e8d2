import { previewText, oneLine } from '../reviews/plain-text';
import { redactApiKeys } from '../secrets/redact';

// The words on a notification. Everything passes through redactApiKeys: an agent may well paste
// a key into a chat message, and a notification is shown on the lock screen.

export const TITLE_MAX_LENGTH = 80;
export const BODY_MAX_LENGTH = 200;

export const noticeIds = {
  review: (accountId: string, messageId: string) => `review:${accountId}:${messageId}`,
  delivery: (accountId: string, messageId: string) => `delivery:${accountId}:${messageId}`,
  chatter: (accountId: string) => `chatter:${accountId}`,
};

/** Agent name, plus the account label when the operator has several accounts. */
export function noticeTitle(agentName: string, accountLabel: string | undefined, withAccount: boolean): string {
  const agent = oneLine(agentName, TITLE_MAX_LENGTH) || 'Agent';
  const label = withAccount && accountLabel ? oneLine(accountLabel, 30) : '';
  return redactApiKeys(oneLine(label ? `${agent} · ${label}` : agent, TITLE_MAX_LENGTH));
}

/** A one-line, Markdown-free, capped, redacted body. */
export function noticeBody(text: string): string {
  return redactApiKeys(previewText(text, BODY_MAX_LENGTH));
}

/** "45 min left", "1 h 5 min left", "less than a minute left". */
export function formatTimeLeft(ms: number): string {
  if (ms < 60_000) return 'less than a minute left';
  const totalMinutes = Math.floor(ms / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min left`;
  return minutes === 0 ? `${hours} h left` : `${hours} h ${minutes} min left`;
}
