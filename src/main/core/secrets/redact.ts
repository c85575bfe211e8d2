// Every string that may leave the core (logs, the event inspector, error messages, diagnostics)
// passes through here first, so a key never leaks even when it turns up somewhere unexpected.

/** A well-formed Placet API key: `hp_` + 48 lowercase hex digits. */
const API_KEY_EXACT = /^hp_[0-9a-f]{48}$/;

// Deliberately wider than a valid key: a key pasted with a typo, an extra character or in
// uppercase is still almost all of the key, so it is masked too. Twenty characters after the
// prefix keeps ordinary words like "hp_printer" readable.
const API_KEY_LIKE = /hp_[0-9A-Za-z]{20,}/g;

/** True when `value` is exactly a well-formed Placet API key. */
export function looksLikeApiKey(value: string): boolean {
  return API_KEY_EXACT.test(value);
}

/**
 * The last four characters, which the renderer may show to tell keys apart. Short strings
 * give nothing: four characters of a six-character secret would be most of it.
 */
export function last4(key: string): string {
  const trimmed = key.trim();
  return trimmed.length >= 12 ? trimmed.slice(-4) : '';
}

/** How a secret is shown once masked: `hp_…1a2b` for keys, `…1a2b` or `***` otherwise. */
export function maskSecret(secret: string): string {
  const tail = last4(secret);
  if (secret.startsWith('hp_')) return tail ? `hp_…${tail}` : 'hp_…';
  return tail ? `…${tail}` : '***';
}

/** Masks anything shaped like a Placet API key. */
export function redactApiKeys(text: string): string {
  return text.replace(API_KEY_LIKE, (match) => maskSecret(match));
}

/**
 * Masks every occurrence of each known secret (and its URL-encoded form), then anything else
 * that looks like an API key. Longer secrets go first so one that contains another is masked whole.
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  const variants = new Map<string, string>();
  for (const secret of secrets) {
    if (!secret) continue;
    const mask = maskSecret(secret);
    variants.set(secret, mask);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) variants.set(encoded, mask);
  }
  let out = text;
  for (const [variant, mask] of [...variants].sort((a, b) => b[0].length - a[0].length)) {
    out = out.split(variant).join(mask);
  }
  return redactApiKeys(out);
}
