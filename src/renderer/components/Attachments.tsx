import { useState } from 'react';
import type { Attachment } from '../../shared/placet/schemas';
import { formatBytes } from '../lib/format';

function AttachmentRow({ file }: { file: Attachment }) {
  const [open, setOpen] = useState(false);
  const text = typeof file.textContent === 'string' ? file.textContent : null;
  return (
    <li className="attachment">
      <span className="attachment-icon" aria-hidden="true">
        {file.mimeType.startsWith('image/') ? '🖼' : '📄'}
      </span>
      <span className="attachment-name" dir="auto" title={file.filename}>
        {file.filename}
      </span>
      <span className="attachment-meta">
        {file.mimeType || 'unknown type'} · {formatBytes(file.size)}
      </span>
      {text !== null && (
        <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide preview' : 'Preview'}
        </button>
      )}
      {open && text !== null && (
        <pre className="attachment-preview" dir="auto" aria-label={`Preview of ${file.filename}`}>
          {text}
        </pre>
      )}
    </li>
  );
}

export function Attachments({ files }: { files: Attachment[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="attachments" aria-label="Attachments">
      {files.map((f) => (
        <AttachmentRow key={f.id} file={f} />
      ))}
    </ul>
  );
}
