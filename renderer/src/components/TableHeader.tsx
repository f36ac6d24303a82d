/** The table's header row: sort by click (or Enter on the focused header), resize by drag or arrow keys, reorder by drag. */
import { memo, useState, type KeyboardEvent } from 'react';
import { flexRender, type Header, type Table } from '@tanstack/react-table';
import type { PaperRow } from '../../../shared/types';
import { COLUMN_LABELS, useColumns, type ColumnId } from '../state/columns';

function ariaSort(header: Header<PaperRow, unknown>): 'ascending' | 'descending' | 'none' | undefined {
  if (!header.column.getCanSort()) return undefined;
  const sorted = header.column.getIsSorted();
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
}

/**
 * Memoized: the table instance is stable, so `layout` (column ids, widths and sort) is what tells the header to redraw.
 */
export const TableHeader = memo(function TableHeader({ table }: { table: Table<PaperRow>; layout: string }) {
  const [dragging, setDragging] = useState<ColumnId | null>(null);
  const order = useColumns((s) => s.order);
  const setOrder = useColumns((s) => s.setOrder);

  const drop = (target: ColumnId) => {
    if (!dragging || dragging === target) return;
    const next = order.filter((id) => id !== dragging);
    next.splice(next.indexOf(target), 0, dragging);
    setOrder(next);
    setDragging(null);
  };

  const move = useColumns((s) => s.move);
  /** On a focused header: Shift+←/→ resizes the column, Alt+←/→ moves it. */
  const headerKeys = (e: KeyboardEvent, header: Header<PaperRow, unknown>) => {
    const step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
    if (!step || !(e.shiftKey || e.altKey)) return;
    e.preventDefault();
    e.stopPropagation();
    const id = header.column.id;
    if (e.altKey) move(id as ColumnId, step);
    else table.setColumnSizing((s) => ({ ...s, [id]: Math.max(32, header.getSize() + step * 16) }));
  };

  return (
    <div role="rowgroup" className="thead">
      <div role="row" aria-rowindex={1} className="row header-row">
        {table.getHeaderGroups()[0]?.headers.map((header) => {
          const id = header.column.id as ColumnId;
          const sorted = header.column.getIsSorted();
          const label = flexRender(header.column.columnDef.header, header.getContext());
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-sort={ariaSort(header)}
              className={`cell col-${id}${dragging === id ? ' dragging' : ''}`}
              style={id === 'title' ? { flex: `1 1 ${header.getSize()}px` } : { width: header.getSize() }}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                setDragging(id);
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => drop(id)}
              onDragEnd={() => setDragging(null)}
            >
              {header.column.getCanSort() ? (
                <button
                  type="button"
                  className="sort-button"
                  onClick={header.column.getToggleSortingHandler()}
                  onKeyDown={(e) => headerKeys(e, header)}
                  title={`Sort by ${COLUMN_LABELS[id]} (Shift+←/→ resize, Alt+←/→ move)`}
                >
                  {label}
                  <span className="sort-mark" aria-hidden="true">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                <span className="header-label">{label}</span>
              )}
              {/* Mouse only (keyboard: Shift+←/→ on the header), so hidden from the accessibility tree. */}
              <div
                aria-hidden="true"
                className={`resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
                onMouseDown={header.getResizeHandler()}
                onClick={(e) => e.stopPropagation()}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});
