/** The cursor row and the marked (selected) papers. UI state only: indexes and ids, never paper data. */
import { create } from 'zustand';

interface CursorState {
  /** Row index of the cursor in the current listing. */
  index: number;
  /** A paper the cursor should land on once it shows up in the listing (after undo, for example). */
  pendingId: number | null;
  /** Papers marked with `x` / Shift+J / Shift+K; actions apply to all of them. */
  marked: ReadonlySet<number>;
  moveTo: (index: number) => void;
  follow: (id: number | null) => void;
  toggleMark: (id: number) => void;
  mark: (ids: number[]) => void;
  clearMarks: () => void;
}

export const useCursor = create<CursorState>((set) => ({
  index: 0,
  pendingId: null,
  marked: new Set(),
  moveTo: (index) => set({ index: Math.max(0, index), pendingId: null }),
  follow: (pendingId) => set({ pendingId }),
  toggleMark: (id) =>
    set((s) => {
      const marked = new Set(s.marked);
      if (marked.has(id)) marked.delete(id);
      else marked.add(id);
      return { marked };
    }),
  mark: (ids) =>
    set((s) => {
      const marked = new Set(s.marked);
      for (const id of ids) marked.add(id);
      return { marked };
    }),
  clearMarks: () => set((s) => (s.marked.size === 0 ? s : { marked: new Set() })),
}));
