/** The detail pane: everything about the paper under the cursor. Imported text is rendered as text. */
import { memo, useDeferredValue, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Paper } from '../../../shared/types';
import { authorName } from '../../../shared/normalize';
import { trustedExternalUrl } from '../../../shared/trusted-url';
import { call, messageOf } from '../data/call';
import { paperPages } from '../data/paper-pages';
import { useCursor } from '../state/cursor';
import { usePanes } from '../state/panes';
import { useNotices } from '../state/notices';
import { STATUS_LABELS, useView } from '../state/view';
import { highlight } from '../highlight';
import { NoteEditor } from './NoteEditor';
import { sourceLabel } from './PaperRowView';

function identifierLinks(paper: Paper): { label: string; value: string; href: string }[] {
  const links: { label: string; value: string; href: string | null }[] = [];
  if (paper.arxiv) links.push({ label: 'arXiv', value: paper.arxiv, href: `https://arxiv.org/abs/${paper.arxiv}` });
  if (paper.doi) links.push({ label: 'DOI', value: paper.doi, href: `https://doi.org/${paper.doi}` });
  if (paper.url) links.push({ label: 'URL', value: paper.url, href: paper.url });
  return links.flatMap((l) => {
    const href = trustedExternalUrl(l.href);
    return href ? [{ ...l, href }] : [];
  });
}

async function removeTag(paper: Paper, tag: string): Promise<void> {
  try {
    await call('papers.tag', { ids: [paper.id], remove: [tag] });
  } catch (err) {
    useNotices.getState().say(messageOf(err), 'error');
  }
}

const RAPID_MS = 90;

/**
 * The cursor as the pane shows it: a move after a pause shows at once; while keys repeat faster than RAPID_MS the pane
 * waits for the cursor to rest, so holding `j` repaints rows, not a long abstract for every paper flown past.
 */
function useResting(index: number): number {
  const [shown, setShown] = useState(index);
  const lastMove = useRef(0);
  useEffect(() => {
    const now = performance.now();
    const rapid = now - lastMove.current < RAPID_MS;
    lastMove.current = now;
    if (!rapid) {
      setShown(index);
      return;
    }
    const timer = setTimeout(() => setShown(index), RAPID_MS);
    return () => clearTimeout(timer);
  }, [index]);
  return shown;
}

/**
 * Follows the cursor at a lower priority than the table: a keypress paints the next row first, and the pane catches up
 * in the following frame (a long abstract or a rendered note never delays the row).
 */
export function DetailPane() {
  useSyncExternalStore(paperPages.subscribe, paperPages.getSnapshot);
  const cursor = useCursor((s) => s.index);
  const resting = useDeferredValue(useResting(cursor));
  // The note being edited is always the cursor's paper, never one the pane has not caught up with.
  const index = usePanes((s) => s.editingNote) ? cursor : resting;
  const search = useDeferredValue(useView((s) => s.search));
  return <PaperDetails paper={paperPages.rowAt(index)} search={search} />;
}

const PaperDetails = memo(function PaperDetails({ paper, search }: { paper: Paper | undefined; search: string }) {
  const openDialog = usePanes((s) => s.openDialog);
  if (!paper) {
    return (
      <aside className="detail" aria-label="Paper details">
        <p className="muted detail-empty">No paper under the cursor.</p>
      </aside>
    );
  }
  const authors = paper.authors.map(authorName).filter(Boolean);
  const meta = [paper.year, paper.venue ?? sourceLabel(paper.source)].filter(Boolean).join(' · ');
  return (
    <aside className="detail" aria-label="Paper details">
      <h2 className="detail-title">{paper.title}</h2>
      {authors.length > 0 ? <p className="detail-authors">{authors.join(', ')}</p> : null}
      <p className="detail-meta">
        <span className={`status status-${paper.status}`}>
          <span className="status-dot" aria-hidden="true" />
          {STATUS_LABELS[paper.status]}
        </span>
        {paper.starred ? <span className="star on">★ Starred</span> : null}
        {meta ? <span>{meta}</span> : null}
      </p>
      {identifierLinks(paper).length > 0 ? (
        <ul className="identifiers" aria-label="Identifiers">
          {identifierLinks(paper).map((l) => (
            <li key={l.label}>
              <span className="id-label">{l.label}</span>
              <a href={l.href} target="_blank" rel="noopener noreferrer">
                {l.value}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <section className="detail-section" aria-labelledby="tags-heading">
        <div className="section-head">
          <h3 id="tags-heading">Tags</h3>
          <button type="button" className="link-button" onClick={() => openDialog('tags')}>
            Add <kbd>t</kbd>
          </button>
        </div>
        {paper.tags.length > 0 ? (
          <ul className="tag-list">
            {paper.tags.map((t) => (
              <li key={t} className="chip">
                {t}
                <button type="button" aria-label={`Remove tag ${t}`} onClick={() => void removeTag(paper, t)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No tags.</p>
        )}
      </section>
      {paper.abstract ? (
        <section className="detail-section" aria-labelledby="abstract-heading">
          <h3 id="abstract-heading">Abstract</h3>
          <p className="abstract">{highlight(paper.abstract, search)}</p>
        </section>
      ) : null}
      <NoteEditor key={paper.id} paper={paper} />
    </aside>
  );
});
