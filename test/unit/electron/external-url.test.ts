import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../src/main/electron/external-url';

const allowed = [
  'https://docs.placet.io/',
  'https://placet.example.com/chats/abc123',
  'http://localhost:3000/chats/c1',
  'http://127.0.0.1:8080/',
  'https://example.com/path?q=1#frag',
  'https://EXAMPLE.com',
  'mailto:ops@example.com',
  'mailto:ops@example.com?subject=Review&body=Please%20look',
];

const rejected: [string, string][] = [
  ['javascript:alert(1)', 'script scheme'],
  ['JavaScript:alert(1)', 'script scheme, mixed case'],
  ['data:text/html,<script>alert(1)</script>', 'data scheme'],
  ['file:///etc/passwd', 'file scheme'],
  ['vbscript:msgbox', 'vbscript scheme'],
  ['ftp://example.com/', 'other scheme'],
  ['smb://attacker/share', 'network share scheme'],
  ['ms-msdt:/id PCWDiagnostic', 'Windows protocol handler'],
  ['app://companion/index.html', 'our own scheme'],
  ['placet-companion://review/a/b', 'our deep link scheme'],
  ['https://user:pass@example.com/', 'credentials in URL'],
  ['https://placet.io@evil.example/', 'look-alike: real host after the @'],
  ['https://@evil.example/', 'empty credentials'],
  ['https://аpple.com/', 'look-alike: Cyrillic a (becomes punycode)'],
  ['https://xn--pple-43d.com/', 'look-alike: punycode host'],
  ['https://docs.xn--plcet-9ra.io/', 'look-alike: punycode label'],
  ['https://evil.example\\@placet.io/', 'backslash disguises the host'],
  ['https://example.com/\u0000', 'NUL'],
  ['https://exa\tmple.com/', 'tab the parser would drop'],
  ['https://example.com/\n', 'newline'],
  ['https://example.com/\u007f', 'DEL'],
  ['https://example.com/\u0085', 'C1 control'],
  [' https://example.com/', 'leading space'],
  ['https://example.com/ ', 'trailing space'],
  ['https:/', 'no host'],
  ['https://', 'empty host'],
  ['//example.com', 'scheme-relative'],
  ['example.com', 'no scheme'],
  ['', 'empty'],
  [`https://example.com/${'a'.repeat(5_000)}`, 'over-long'],
  ['mailto:', 'mailto without address'],
  ['mailto:a@example.com?attach=/etc/passwd', 'mailto attachment parameter'],
];

describe('isSafeExternalUrl', () => {
  it.each(allowed)('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each(rejected)('rejects %j (%s)', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('rejects anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.com'], new URL('https://example.com')]) {
      expect(isSafeExternalUrl(value)).toBe(false);
    }
  });
});
