/**
 * A note rendered from Markdown. In a chunk of its own: markdown-it and DOMPurify are a third of the window's
 * JavaScript, and the first table paint does not need them.
 */
import { useMemo } from 'react';
import { renderNote } from '../markdown';

export default function NotePreview({ markdown }: { markdown: string }) {
  const html = useMemo(() => renderNote(markdown), [markdown]);
  // Sanitized by DOMPurify in renderNote (html: false in markdown-it, allow-listed tags, checked links).
  return <div className="note-preview" dangerouslySetInnerHTML={{ __html: html }} />;
}
