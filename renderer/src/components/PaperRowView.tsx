/** One row of the papers table. Memoized: moving the cursor re-renders the two rows it leaves and enters. */
import { memo } from 'react';
import type { PaperRow } from '../../../shared/types';
import { shortAuthors } from '../../../shared/normalize';
import type { ColumnId } from '../state/columns';
import { STATUS_LABELS } from '../state/view';

export const ROW_HEIGHT = 28;

/** "hf-trending:trending-page.txt" → "hf-trending": which kind of import a paper came from. */
export function sourceLabel(source: string | null): string {
  return source ? (source.split(':')[0] ?? source) : '';
}

export interface ColumnBox {
  id: ColumnId;
  width: number;
}

function Cell({ column, paper }: { column: ColumnId; paper: PaperRow }) {
  switch (column) {
    case 'status':
      return (
        <span className={`status status-${paper.status}`}>
          <span className="status-dot" aria-hidden="true" />
          {STATUS_LABELS[paper.status]}
        </span>
      );
    case 'star':
      return paper.starred ? (
        <span className="star on" aria-label="starred" role="img">
          ★
        </span>
      ) : null;
    case 'title':
      return <span className="title-text">{paper.title}</span>;
    case 'authors':
      return <>{shortAuthors(paper.authors)}</>;
    case 'year':
      return <>{paper.year ?? ''}</>;
    case 'venue':
      return <>{paper.venue ?? sourceLabel(paper.source)}</>;
    case 'tags':
      return (
        <>
          {paper.tags.map((t) => (
            <span key={t} className="chip">
              {t}
            </span>
          ))}
        </>
      );
    case 'added':
      return <>{paper.addedAt.slice(0, 10)}</>;
  }
}

export interface RowProps {
  index: number;
  top: number;
  paper: PaperRow | undefined;
  columns: readonly ColumnBox[];
  isCursor: boolean;
  isMarked: boolean;
  onPick: (index: number, open: boolean) => void;
}

export const PaperRowView = memo(function PaperRowView(props: RowProps) {
  const { index, top, paper, columns, isCursor, isMarked, onPick } = props;
  const className = `row${isCursor ? ' cursor' : ''}${isMarked ? ' marked' : ''}${paper ? '' : ' loading'}`;
  return (
    <div
      role="row"
      id={paper ? `paper-row-${paper.id}` : undefined}
      aria-rowindex={index + 2}
      aria-selected={isCursor}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      onMouseDown={() => onPick(index, false)}
      onDoubleClick={() => onPick(index, true)}
    >
      {columns.map((c) => (
        <div
          key={c.id}
          role="gridcell"
          className={`cell col-${c.id}`}
          style={c.id === 'title' ? { flex: `1 1 ${c.width}px` } : { width: c.width }}
        >
          {paper ? <Cell column={c.id} paper={paper} /> : c.id === 'title' ? <span className="skeleton" /> : null}
          {c.id === 'status' && isMarked ? <span className="visually-hidden"> (selected)</span> : null}
        </div>
      ))}
    </div>
  );
});
