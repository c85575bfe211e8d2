import { describe, expect, it } from 'vitest';
import { oneLine, previewText, stripMarkdown, truncate } from '../../../../src/main/core/reviews/plain-text';

describe('stripMarkdown', () => {
  it.each([
    ['# Title', 'Title'],
    ['**bold** and __strong__', 'bold and strong'],
    ['*em* and _em_ but snake_case_name', 'em and em but snake_case_name'],
    ['~~gone~~', 'gone'],
    ['`code` here', 'code here'],
    ['[the docs](https://x.io/a) now', 'the docs now'],
    ['![a chart](https://x.io/c.png)', 'a chart'],
    ['<https://x.io>', 'https://x.io'],
    ['<script>alert(1)</script>ok', 'alert(1)ok'],
    ['> quoted', 'quoted'],
    ['- one\n* two\n1. three\n- [x] done', 'one\ntwo\nthree\ndone'],
    ['```ts\nconst a = 1;\n```', '\nconst a = 1;\n'],
    ['| a | b |\n|---|---|\n| 1 | 2 |', ' a b \n\n 1 2 '],
    ['2 * 3 * 4', '2 * 3 * 4'],
  ])('%j → %j', (input, expected) => {
    expect(stripMarkdown(input)).toBe(expected);
  });
});

describe('oneLine / truncate / previewText', () => {
  it('collapses whitespace', () => {
    expect(oneLine('  a\n\n b\tc  ', 50)).toBe('a b c');
  });

  it('cuts with an ellipsis at exactly the maximum', () => {
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('abcde', 5)).toBe('abcde');
  });

  it('does not split a surrogate pair', () => {
    const out = truncate('abc😀def', 5);
    expect(out).toBe('abc…');
  });

  it('previews markdown as one capped line', () => {
    expect(previewText('## Build **failed**\n\nSee [logs](http://x)', 100)).toBe('Build failed See logs');
    expect(previewText('word '.repeat(1000), 20)).toHaveLength(20);
  });
});
