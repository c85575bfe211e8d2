import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLink } from '../../../src/main/electron/deep-link';

describe('parseDeepLink', () => {
  it.each([
    ['placet-companion://review/acc_1/msg-2', 'acc_1', 'msg-2'],
    ['placet-companion://review/acc_1/msg-2/', 'acc_1', 'msg-2'],
    ['PLACET-COMPANION://review/a/b', 'a', 'b'],
    ['placet-companion://review/clx9a8b7c6/550e8400-e29b-41d4-a716-446655440000', 'clx9a8b7c6', '550e8400-e29b-41d4-a716-446655440000'],
    ['placet-companion://review/a%2Eb/c', 'a.b', 'c'],
  ])('reads %s', (url, accountId, messageId) => {
    expect(parseDeepLink(url)).toEqual({ kind: 'review', accountId, messageId });
  });

  it.each([
    'placet-companion://review/only-one',
    'placet-companion://review/a/b/c',
    'placet-companion://review//b',
    'placet-companion://review/a/',
    'placet-companion://answer/a/b',
    'placet-companion://review/a/b?approve=true',
    'placet-companion://review/a/b#x',
    'placet-companion://user:pw@review/a/b',
    'placet-companion://review/..%2F..%2Fetc/passwd',
    'placet-companion://review/a%2Fb/c',
    'placet-companion://review/%3Cscript%3E/b',
    'placet-companion://review/a%20b/c',
    'placet-companion://review/a%00/c',
    'placet-companion://review/%E0%A4%A/c',
    `placet-companion://review/${'a'.repeat(129)}/b`,
    `placet-companion://review/a/${'b'.repeat(2_000)}`,
    'https://review/a/b',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('ignores %s', (url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('ignores non-strings', () => {
    for (const v of [null, undefined, 1, {}, ['placet-companion://review/a/b']]) expect(parseDeepLink(v)).toBeNull();
  });
});

describe('findDeepLinkInArgv', () => {
  it('finds the link among Chromium switches', () => {
    expect(findDeepLinkInArgv(['/opt/app', '--allow-file-access-from-files', 'placet-companion://review/a/b'])).toBe('placet-companion://review/a/b');
    expect(findDeepLinkInArgv(['/opt/app', '--data-dir', '/tmp/x'])).toBeNull();
  });
});
