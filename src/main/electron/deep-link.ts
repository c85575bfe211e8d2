import { deepLinkScheme } from './app-identity';

export interface ReviewDeepLink {
  kind: 'review';
  accountId: string;
  messageId: string;
}

// Ids are ours or Placet's (cuid/uuid-like); anything else in a link is refused, not "cleaned".
const idPattern = /^[A-Za-z0-9._~:-]{1,128}$/;

/**
 * `placet-companion://review/<accountId>/<messageId>` → the review to show, or null. Deep links
 * come from anywhere (a web page, another app, the command line), so a bogus link is simply
 * ignored: it can select a review, never act on one.
 */
export function parseDeepLink(raw: unknown): ReviewDeepLink | null {
  if (typeof raw !== 'string' || raw.length > 1_024) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${deepLinkScheme}:` || url.host !== 'review') return null;
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return null;
  const segments = url.pathname.replace(/\/$/, '').split('/').slice(1);
  if (segments.length !== 2) return null;
  const ids: string[] = [];
  for (const segment of segments) {
    let id: string;
    try {
      id = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (!idPattern.test(id)) return null;
    ids.push(id);
  }
  const [accountId, messageId] = ids as [string, string];
  return { kind: 'review', accountId, messageId };
}

/** A second launch (or a Windows/Linux protocol activation) passes the link in argv. */
export function findDeepLinkInArgv(argv: readonly string[]): string | null {
  const prefix = `${deepLinkScheme}:`;
  return argv.find((arg) => arg.toLowerCase().startsWith(prefix)) ?? null;
}
