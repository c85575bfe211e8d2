// Lossy, single-line previews of Markdown for notifications and review summaries. A real parser
// (remark) would be faithful but would add a dependency to the core for text that is shown on
// one line and cut at ~200 characters; these rules cover what agents actually send.

// Control characters, and the bidi overrides and zero-width characters that can make a line
// read differently from what it contains.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Strips Markdown syntax, keeping the readable text (link text, image alt, code content). */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(INVISIBLE, '')
    .replace(/^\s*(```|~~~).*$/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/gm, '')
    .replace(/^\s*([-*_]\s*){3,}$/gm, '')
    .replace(/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, '')
    .replace(/[ \t]*\|[ \t]*/g, ' ')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?!\w)/g, '$1$3')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1');
}

/** Collapses whitespace to one line and caps the length, ending a cut line with "…". */
export function oneLine(text: string, maxLength: number): string {
  // Cut first: a hostile multi-megabyte string must not cost regex time.
  const collapsed = text.slice(0, maxLength * 4).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return truncate(collapsed, maxLength);
}

export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  // Do not split a surrogate pair.
  let end = maxLength - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** A one-line, Markdown-free preview of a message text. */
export function previewText(markdown: string, maxLength: number): string {
  return oneLine(stripMarkdown(markdown.slice(0, maxLength * 8)), maxLength);
}
