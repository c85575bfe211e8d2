/**
 * `scheme://host[:port]` of a URL, or null when it has none. `URL.origin` is "null" in Node for
 * schemes it does not know (our `app:`), while Chromium gives registered standard schemes a real
 * origin, so we compute it the same way for every scheme.
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.host === '') return null;
  return `${url.protocol}//${url.host}`;
}
