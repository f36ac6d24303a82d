/** The table's column layout (order, hidden columns, widths), remembered in localStorage between sessions. */
import { create } from 'zustand';
import type { SortField } from '../../../shared/types';

export const COLUMN_IDS = ['status', 'star', 'title', 'authors', 'year', 'venue', 'tags', 'added'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const COLUMN_LABELS: Record<ColumnId, string> = {
  status: 'Status',
  star: 'Star',
  title: 'Title',
  authors: 'Authors',
  year: 'Year',
  venue: 'Venue',
  tags: 'Tags',
  added: 'Added',
};

/** The library sorts by these; the other columns are not sortable. */
export const COLUMN_SORT: Partial<Record<ColumnId, SortField>> = {
  status: 'status',
  title: 'title',
  authors: 'author',
  year: 'year',
  added: 'added',
};

export const DEFAULT_WIDTHS: Record<ColumnId, number> = {
  status: 76,
  star: 44,
  title: 340,
  authors: 110,
  year: 50,
  venue: 90,
  tags: 96,
  added: 88,
};

export interface ColumnLayout {
  order: ColumnId[];
  hidden: Partial<Record<ColumnId, boolean>>;
  widths: Partial<Record<ColumnId, number>>;
}

const STORAGE_KEY = 'lectern:columns';
const DEFAULT_LAYOUT: ColumnLayout = { order: [...COLUMN_IDS], hidden: {}, widths: {} };

function isColumnId(value: unknown): value is ColumnId {
  return typeof value === 'string' && (COLUMN_IDS as readonly string[]).includes(value);
}

function load(): ColumnLayout {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<ColumnLayout> | null;
    if (!parsed) return DEFAULT_LAYOUT;
    const order = (parsed.order ?? []).filter(isColumnId);
    // Columns added in a later version join at the end.
    for (const id of COLUMN_IDS) if (!order.includes(id)) order.push(id);
    return { order, hidden: parsed.hidden ?? {}, widths: parsed.widths ?? {} };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

interface ColumnsState extends ColumnLayout {
  setOrder: (order: ColumnId[]) => void;
  setHidden: (id: ColumnId, hidden: boolean) => void;
  setWidths: (widths: Partial<Record<ColumnId, number>>) => void;
  move: (id: ColumnId, by: -1 | 1) => void;
  reset: () => void;
}

function save(layout: ColumnLayout): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
}

export const useColumns = create<ColumnsState>((set, get) => {
  const update = (patch: Partial<ColumnLayout>) => {
    const { order, hidden, widths } = { ...get(), ...patch };
    save({ order, hidden, widths });
    set(patch);
  };
  return {
    ...load(),
    setOrder: (order) => update({ order }),
    // The title is what a row is; it cannot be hidden.
    setHidden: (id, hidden) => update({ hidden: { ...get().hidden, [id]: id === 'title' ? false : hidden } }),
    setWidths: (widths) => update({ widths }),
    move: (id, by) => {
      const order = [...get().order];
      const from = order.indexOf(id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= order.length) return;
      order.splice(from, 1);
      order.splice(to, 0, id);
      update({ order });
    },
    reset: () => {
      localStorage.removeItem(STORAGE_KEY);
      set(DEFAULT_LAYOUT);
    },
  };
});
