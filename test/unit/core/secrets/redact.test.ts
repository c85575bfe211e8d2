import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { last4, looksLikeApiKey, maskSecret, redactApiKeys, redactSecrets } from '../../../../src/main/core/secrets/redact';

const KEY = 'hp_' + '0123456789abcdef'.repeat(3);
const OTHER = 'hp_' + 'f'.repeat(44) + 'beef';
const hexKey = fc.stringMatching(/^[0-9a-f]{48}$/).map((hex) => `hp_${hex}`);

describe('looksLikeApiKey', () => {
  it.each([
    [KEY, true],
    [OTHER, true],
    [KEY.toUpperCase(), false],
    [KEY.slice(0, -1), false],
    [KEY + '0', false],
    [` ${KEY}`, false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(looksLikeApiKey(value)).toBe(expected);
  });
});

describe('last4', () => {
  it('gives the last four characters of a key', () => {
    expect(last4(KEY)).toBe('cdef');
    expect(last4(`  ${OTHER}\n`)).toBe('beef');
  });

  it('gives nothing for strings too short to reveal safely', () => {
    expect(last4('')).toBe('');
    expect(last4('hp_abc')).toBe('');
    expect(last4('12345678901')).toBe('');
  });
});

describe('redactApiKeys', () => {
  it('masks a key to hp_…last4 wherever it appears', () => {
    const text = `connect ws://x/ws?key=${KEY} failed; auth {"apiKey":"${KEY}"}`;
    const out = redactApiKeys(text);
    expect(out).not.toContain(KEY);
    expect(out).toBe('connect ws://x/ws?key=hp_…cdef failed; auth {"apiKey":"hp_…cdef"}');
  });

  it('masks several different keys', () => {
    const out = redactApiKeys(`${KEY} and ${OTHER}`);
    expect(out).toBe('hp_…cdef and hp_…beef');
  });

  it('also masks near-keys (typo, uppercase, extra characters)', () => {
    for (const near of [KEY.toUpperCase().replace('HP_', 'hp_'), KEY + 'zz', KEY.slice(0, 30)]) {
      const out = redactApiKeys(`x ${near} y`);
      expect(out).not.toContain(near.slice(3, 23));
      expect(out).toMatch(/^x hp_…\w{4} y$/);
    }
  });

  it('leaves ordinary text alone', () => {
    const text = 'hp_printer is offline; see https://hp.com/hp_support';
    expect(redactApiKeys(text)).toBe(text);
  });

  it('never lets any generated key through', () => {
    fc.assert(
      fc.property(hexKey, fc.string(), fc.string(), (key, before, after) => {
        expect(redactApiKeys(before + key + after)).not.toContain(key);
      }),
    );
  });
});

describe('redactSecrets', () => {
  it('masks arbitrary known secrets, also URL-encoded', () => {
    const secret = 'tok en/with+symbols=1234';
    const text = `raw=${secret} encoded=${encodeURIComponent(secret)}`;
    const out = redactSecrets(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).toBe('raw=…1234 encoded=…1234');
  });

  it('masks a secret that contains another whole', () => {
    const out = redactSecrets('abcdefghijklmnop', ['abcdefghijkl', 'abcdefghijklmnop']);
    expect(out).toBe('…mnop');
  });

  it('masks short secrets without revealing any of them', () => {
    expect(redactSecrets('pw=hunter2!', ['hunter2'])).toBe('pw=***!');
  });

  it('ignores empty secrets and still masks API keys', () => {
    expect(redactSecrets(`k=${KEY}`, ['', ''])).toBe('k=hp_…cdef');
  });

  it('accepts any iterable', () => {
    expect(redactSecrets('a secret-value-xyz b', new Set(['secret-value-xyz']))).toBe('a …-xyz b');
  });

  it('never lets a known secret through', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\w./+=-]{4,64}$/), fc.string(), fc.string(), (secret, before, after) => {
        expect(redactSecrets(before + secret + after, [secret])).not.toContain(secret);
      }),
    );
  });
});

describe('maskSecret', () => {
  it.each([
    [KEY, 'hp_…cdef'],
    ['hp_short', 'hp_…'],
    ['some-long-token-0042', '…0042'],
    ['short', '***'],
  ])('%j → %j', (secret, mask) => {
    expect(maskSecret(secret)).toBe(mask);
  });
});
