import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateApiKeyFormat } from '../../../../src/main/core/secrets/api-key';

const HEX = '0123456789abcdef'.repeat(3);
const KEY = `hp_${HEX}`;

describe('validateApiKeyFormat', () => {
  it('accepts a well-formed key', () => {
    expect(validateApiKeyFormat(KEY)).toEqual({ ok: true, key: KEY });
  });

  it('forgives surrounding whitespace from copy-paste and returns the trimmed key', () => {
    expect(validateApiKeyFormat(`  ${KEY}\n`)).toEqual({ ok: true, key: KEY });
  });

  it.each([
    ['empty', '', /empty/],
    ['only whitespace', '  \t\n', /empty/],
    ['with Bearer', `Bearer ${KEY}`, /without "Bearer "/],
    ['whitespace inside', `hp_${HEX.slice(0, 20)} ${HEX.slice(20)}`, /whitespace/],
    ['tab inside', `hp_${HEX.slice(0, 20)}\t${HEX.slice(20)}`, /whitespace/],
    ['no prefix', HEX, /starts with "hp_"/],
    ['other prefix', `sk_${HEX}`, /starts with "hp_"/],
    ['uppercase prefix', `HP_${HEX}`, /"hp_" in lowercase/],
    ['too short', KEY.slice(0, -1), /48 characters after "hp_"; this one has 47/],
    ['too long', `${KEY}0`, /this one has 49/],
    ['only the prefix', 'hp_', /this one has 0/],
    ['uppercase hex', `hp_${HEX.toUpperCase()}`, /lowercase hex/],
    ['non-hex letter', `hp_${HEX.slice(0, 10)}g${HEX.slice(11)}`, /character 14 is not one/],
    ['punctuation', `hp_${HEX.slice(0, 47)}!`, /character 51 is not one/],
  ])('%s → specific message', (_name, input, message) => {
    const result = validateApiKeyFormat(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('never echoes the key in its message', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-zA-Z_][0-9a-zA-Z_ ]{7,59}$/), (input) => {
        const result = validateApiKeyFormat(`hp_${input}`);
        if (!result.ok) expect(result.message).not.toContain(input.trim());
      }),
    );
  });
});
