/**
 * The paper's Markdown note: a rendered, sanitized preview, and an editor opened with `n`.
 * Ctrl+Enter (Cmd+Enter) saves and returns to the table; Esc saves too; leaving the box saves.
 */
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Paper } from '../../../shared/types';
import { call, messageOf } from '../data/call';
import { usePanes } from '../state/panes';
import { useNotices } from '../state/notices';
import { focusTable } from '../focus';

const NotePreview = lazy(() => import('./NotePreview'));

/** The rendered note (its code loads with the first note shown, once). */
function Preview({ markdown }: { markdown: string }) {
  return (
    <Suspense fallback={<div className="note-preview" aria-busy="true" />}>
      <NotePreview markdown={markdown} />
    </Suspense>
  );
}

export function NoteEditor({ paper }: { paper: Paper }) {
  const editing = usePanes((s) => s.editingNote);
  const setEditing = usePanes((s) => s.setEditingNote);
  const [text, setText] = useState(paper.note);
  const saved = useRef(paper.note);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!editing) {
      setText(paper.note);
      saved.current = paper.note;
    }
  }, [paper.id, paper.note, editing]);

  useEffect(() => {
    if (editing) {
      const el = box.current;
      el?.focus();
      el?.setSelectionRange(el.value.length, el.value.length);
    }
  }, [editing]);

  const save = async (): Promise<void> => {
    if (text === saved.current) return;
    saved.current = text;
    try {
      await call('papers.setNote', { id: paper.id, note: text });
      useNotices.getState().say('Note saved');
    } catch (err) {
      useNotices.getState().say(`The note was not saved: ${messageOf(err)}`, 'error');
    }
  };

  const finish = () => {
    void save();
    setEditing(false);
    focusTable();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.key === 'Enter' && (e.ctrlKey || e.metaKey)) || e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finish();
    }
  };

  return (
    <section className="detail-section note" aria-labelledby="note-heading">
      <div className="section-head">
        <h3 id="note-heading">Note</h3>
        {editing ? (
          <span className="hint">Ctrl+Enter or Esc saves</span>
        ) : (
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {paper.note ? 'Edit' : 'Add a note'} <kbd>n</kbd>
          </button>
        )}
      </div>
      {editing ? (
        <textarea
          ref={box}
          aria-label="Note"
          className="note-input"
          value={text}
          placeholder="Markdown: **bold**, *italic*, - lists, [links](https://…)"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => void save()}
        />
      ) : null}
      {text.trim() ? <Preview markdown={text} /> : editing ? null : <p className="muted">No note yet.</p>}
    </section>
  );
}
