import { memo, type MouseEvent } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { isOpenableUrl } from '../lib/format';

// react-markdown renders through React elements, never innerHTML; without rehype-raw, raw HTML in
// the text is shown as literal text, so the operator sees what the agent sent and nothing runs.
// Links never navigate the window: they go to main's URL check.

const MAX_CHARS = 20_000;

// GitHub-flavoured tables, task lists and strikethrough: agents post them (benchmark tables, checklists).
const remarkPlugins = [remarkGfm];

export interface MarkdownProps {
  text: string;
  onOpenLink: (url: string) => void;
  /** Show everything, however long. */
  full?: boolean;
}

function MarkdownImpl({ text, onOpenLink, full = false }: MarkdownProps) {
  const body = full || text.length <= MAX_CHARS ? text : `${text.slice(0, MAX_CHARS)}…`;
  const components: Components = {
    a: ({ href, children }) => {
      const url = href ?? '';
      if (!isOpenableUrl(url)) return <span className="md-dead-link" title="Link blocked: not http, https or mailto">{children}</span>;
      const open = (e: MouseEvent): void => {
        e.preventDefault();
        onOpenLink(url);
      };
      return (
        <a href={url} onClick={open} onAuxClick={open} rel="noreferrer noopener" title={url}>
          {children}
        </a>
      );
    },
    // Remote images would load from anywhere (tracking pixels); show a link-like chip instead.
    img: ({ alt, src }) => {
      const url = typeof src === 'string' ? src : '';
      return isOpenableUrl(url) ? (
        <button type="button" className="md-image-chip" onClick={() => onOpenLink(url)}>
          Image: {alt || url}
        </button>
      ) : (
        <span className="md-image-chip">Image: {alt || 'attachment'}</span>
      );
    },
  };
  return (
    <div className="markdown" dir="auto">
      <ReactMarkdown components={components} remarkPlugins={remarkPlugins}>
        {body}
      </ReactMarkdown>
    </div>
  );
}

export const Markdown = memo(MarkdownImpl);
export const markdownLimit = MAX_CHARS;
