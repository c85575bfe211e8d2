// The one check before anything leaves the app for the OS (shell.openExternal). Links come from
// text that agents wrote, so they are untrusted: only http, https and mailto, parsed with the
// WHATWG URL parser, and nothing that makes a link look like something it is not.

const maxLength = 4_096;
const allowedMailtoParams = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxLength) return false;
  // The URL parser silently drops tabs and newlines and trims spaces, so check the raw text:
  // what the user saw must be what opens. Backslashes are read as "/" in http(s) URLs, a classic
  // way to disguise the real host.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return isSafeMailto(url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // `https://trusted.com@evil.example` shows one host and opens another.
  if (url.username !== '' || url.password !== '' || authorityOf(raw).includes('@')) return false;
  if (url.hostname === '') return false;
  // Internationalised hosts reach us as punycode; they are how look-alike domains
  // (Cyrillic "а" for Latin "a") are made. The user can still copy such a link by hand.
  if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) return false;
  return true;
}

function isSafeMailto(url: URL): boolean {
  if (url.pathname === '') return false;
  // Some mail clients honour `attach=` and similar; only the standard header fields pass.
  for (const key of url.searchParams.keys()) {
    if (!allowedMailtoParams.has(key.toLowerCase())) return false;
  }
  return true;
}

/** The raw `//authority` part, so an empty `user@` (dropped by the parser) is still seen. */
function authorityOf(raw: string): string {
  const start = raw.indexOf('//');
  if (start < 0) return '';
  const rest = raw.slice(start + 2);
  const end = rest.search(/[/?#]/);
  return end < 0 ? rest : rest.slice(0, end);
}
