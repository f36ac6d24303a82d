/**
 * The papers table: a `grid` whose rows come page by page from the library and render through a virtualizer.
 * TanStack Table owns the column model (order, visibility, widths, sort state) in manual mode; the library sorts.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnSizingState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PaperRow } from '../../../shared/types';
import { paperPages } from '../data/paper-pages';
import { useCursor } from '../state/cursor';
import { usePanes } from '../state/panes';
import { useView, viewTitle } from '../state/view';
import { COLUMN_IDS, COLUMN_LABELS, COLUMN_SORT, DEFAULT_WIDTHS, useColumns, type ColumnId } from '../state/columns';
import { TABLE_ID, focusTable, setRowsPerPage } from '../focus';
import { MAX_SPACER_PX, scaledScrolling, scrollScale, scrollTopToShow } from './scaled-scroll';
import { PaperRowView, ROW_HEIGHT, type ColumnBox } from './PaperRowView';
import { TableHeader } from './TableHeader';

const HEADER_HEIGHT = 30;
const TITLE_MIN = 160;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 4;
const NO_ROWS: PaperRow[] = [];

const COLUMN_DEFS: ColumnDef<PaperRow>[] = COLUMN_IDS.map((id) => ({
  id,
  header: COLUMN_LABELS[id],
  size: DEFAULT_WIDTHS[id],
  // The status label always fits its column: its cells do not clip (see table.css).
  minSize: id === 'status' ? DEFAULT_WIDTHS.status : 32,
  // The library sorts (manual mode), but TanStack only offers sorting on columns with an accessor.
  accessorFn: () => null,
  enableSorting: COLUMN_SORT[id] !== undefined,
  sortDescFirst: id === 'year' || id === 'added',
}));

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

function useColumnModel() {
  const layout = useColumns();
  const sort = useView((s) => s.sort);
  const setSort = useView((s) => s.setSort);
  const sorting: SortingState = useMemo(() => {
    const entry = Object.entries(COLUMN_SORT).find(([, field]) => field === sort.field);
    return entry ? [{ id: entry[0], desc: sort.direction === 'desc' }] : [];
  }, [sort]);
  const columnSizing = layout.widths as ColumnSizingState;
  const columnVisibility = useMemo(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, !layout.hidden[id]])),
    [layout.hidden],
  );
  return useReactTable<PaperRow>({
    data: NO_ROWS,
    columns: COLUMN_DEFS,
    state: { sorting, columnSizing, columnVisibility, columnOrder: layout.order },
    manualSorting: true,
    enableSortingRemoval: true,
    enableColumnResizing: true,
    columnResizeMode: 'onChange',
    getCoreRowModel: getCoreRowModel(),
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting)[0];
      const field = next ? COLUMN_SORT[next.id as ColumnId] : undefined;
      setSort(field ? { field, direction: next?.desc ? 'desc' : 'asc' } : { field: 'relevance' });
    },
    onColumnSizingChange: (updater) => layout.setWidths(resolve(updater, columnSizing)),
  });
}

export function PaperTable() {
  const snap = useSyncExternalStore(paperPages.subscribe, paperPages.getSnapshot);
  const cursor = useCursor((s) => s.index);
  const marked = useCursor((s) => s.marked);
  const pendingIds = useCursor((s) => s.pendingIds);
  const view = useView((s) => s.view);
  const search = useView((s) => s.search);
  const table = useColumnModel();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [bodyHeight, setBodyHeight] = useState(600);
  const total = snap.total;

  const scale = scrollScale(total * ROW_HEIGHT, bodyHeight);
  const factorRef = useRef(scale.factor);
  factorRef.current = scale.factor;
  const scaled = useMemo(() => scaledScrolling(() => factorRef.current), []);

  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    ...scaled,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setBodyHeight(Math.max(ROW_HEIGHT, el.clientHeight - HEADER_HEIGHT)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => setRowsPerPage(Math.floor(bodyHeight / ROW_HEIGHT) - 1), [bodyHeight]);
  useEffect(() => paperPages.setRange(first, last + 1), [first, last]);

  // A new query or sort starts at the top.
  useEffect(() => {
    useCursor.getState().moveTo(0);
    useCursor.getState().clearMarks();
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [snap.listingId]);

  // Papers left the view (triaged away): keep the cursor inside the table.
  useEffect(() => {
    if (!snap.loading && total > 0 && cursor > total - 1) useCursor.getState().moveTo(total - 1);
  }, [snap.loading, total, cursor]);

  // After undo, land on the paper that came back as soon as it is listed.
  useEffect(() => {
    if (pendingIds === null) return;
    const found = pendingIds.map((id) => paperPages.indexOf(id)).filter((i) => i >= 0);
    if (found.length > 0) useCursor.getState().moveTo(Math.min(...found));
  }, [pendingIds, snap.version]);

  // Keep the cursor row in view, before the browser paints.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const to = scrollTopToShow(cursor, ROW_HEIGHT, el.scrollTop, bodyHeight, factorRef.current);
    if (to !== null) el.scrollTop = to;
  }, [cursor, bodyHeight, total]);

  const leafColumns = table.getVisibleLeafColumns();
  const sortKey = JSON.stringify(table.getState().sorting);
  const resizing = table.getState().columnSizingInfo.isResizingColumn || '';
  const columnKey = leafColumns.map((c) => `${c.id}:${c.getSize()}`).join(',');
  // Rows are memoized on this array: rebuild it only when ids or widths change (the key says so).
  const columns: ColumnBox[] = useMemo(
    () =>
      columnKey.split(',').map((entry) => {
        const [id, width] = entry.split(':');
        return { id: id as ColumnId, width: Number(width) };
      }),
    [columnKey],
  );
  // The title column shrinks down to TITLE_MIN before the table scrolls sideways.
  const minWidth = columns.reduce((sum, c) => sum + (c.id === 'title' ? Math.min(c.width, TITLE_MIN) : c.width), 0);

  // Rows are recycled: a row element belongs to a slot (index modulo the most rows ever on screen), and the rows are
  // kept in slot order, so scrolling rewrites the text of the rows that left the view in place instead of removing
  // them and building new ones, or moving them (a third of the CPU a scrolled frame cost). Each row is positioned
  // by its transform and carries its place in the table as aria-rowindex.
  const slots = Math.max(items.length, Math.ceil((bodyHeight + HEADER_HEIGHT) / ROW_HEIGHT) + 1 + 2 * OVERSCAN);
  const rows = useMemo(() => [...items].sort((a, b) => (a.index % slots) - (b.index % slots)), [items, slots]);

  const onPick = useCallback((index: number, open: boolean) => {
    useCursor.getState().moveTo(index);
    if (open && !usePanes.getState().detailOpen) usePanes.getState().toggleDetail();
    requestAnimationFrame(focusTable);
  }, []);

  const offset = virtualizer.scrollOffset ?? 0;
  const shift = offset / scale.factor - offset;
  const cursorRow = paperPages.rowAt(cursor);
  const empty = !snap.loading && total === 0;

  return (
    <div
      ref={scrollRef}
      id={TABLE_ID}
      role="grid"
      aria-label={`Papers: ${viewTitle(view)}`}
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-activedescendant={cursorRow ? `paper-row-${cursorRow.id}` : undefined}
      tabIndex={0}
      className="table-scroller"
    >
      <div className="table-inner" style={{ minWidth }}>
        <TableHeader table={table} layout={`${columnKey}|${sortKey}|${resizing}`} />
        <div role="rowgroup" className="tbody" style={{ height: Math.min(scale.spacer, MAX_SPACER_PX) }}>
          {rows.map((item) => {
            const paper = paperPages.rowAt(item.index);
            return (
              <PaperRowView
                key={item.index % slots}
                index={item.index}
                top={item.start + shift}
                paper={paper}
                columns={columns}
                isCursor={item.index === cursor}
                isMarked={paper !== undefined && marked.has(paper.id)}
                onPick={onPick}
              />
            );
          })}
        </div>
        {empty ? (
          <div className="table-empty" role="row">
            <div role="gridcell">
              {search.trim() ? 'No papers match this search.' : `No papers in ${viewTitle(view)}.`}
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
