// Checks a pasted API key before anything is sent to a server, so the user gets a specific
// reason ("it is 47 characters long") instead of a bare 401. Messages never echo the key.

const PREFIX = 'hp_';
const HEX_LENGTH = 48;

export type ApiKeyCheck = { ok: true; key: string } | { ok: false; message: string };

/**
 * Validates the shape of a Placet API key (`hp_` + 48 lowercase hex digits). Leading and
 * trailing whitespace, which copy-paste often adds, is forgiven: on success `key` is the
 * trimmed key, which is what callers should store.
 */
export function validateApiKeyFormat(raw: string): ApiKeyCheck {
  const key = raw.trim();
  if (key.length === 0) return fail('The API key is empty.');
  if (/^bearer\s/i.test(key)) return fail('Paste only the key itself, without "Bearer ".');
  if (/\s/.test(key)) return fail('The API key contains whitespace; paste it as a single word.');
  if (!key.startsWith(PREFIX)) {
    if (key.toLowerCase().startsWith(PREFIX)) return fail('The API key must start with "hp_" in lowercase.');
    return fail('A Placet API key starts with "hp_".');
  }
  const body = key.slice(PREFIX.length);
  if (body.length !== HEX_LENGTH) {
    return fail(`A Placet API key has ${HEX_LENGTH} characters after "hp_"; this one has ${body.length}.`);
  }
  if (/[A-F]/.test(body) && /^[0-9a-fA-F]+$/.test(body)) {
    return fail('A Placet API key uses lowercase hex digits (0-9, a-f); this one has uppercase letters.');
  }
  const bad = body.search(/[^0-9a-f]/);
  if (bad >= 0) {
    return fail(
      `A Placet API key has only hex digits (0-9, a-f) after "hp_"; character ${PREFIX.length + bad + 1} is not one.`,
    );
  }
  return { ok: true, key };
}

function fail(message: string): ApiKeyCheck {
  return { ok: false, message };
}
