/** The cursor row and the marked (selected) papers. UI state only: indexes and ids, never paper data. */
import { create } from 'zustand';

interface CursorState {
  /** Row index of the cursor in the current listing. */
  index: number;
  /** Papers the cursor should land on (the first listed of them) once they show up again, after undo. */
  pendingIds: readonly number[] | null;
  /** Papers marked with `x` / Shift+J / Shift+K; actions apply to all of them. */
  marked: ReadonlySet<number>;
  moveTo: (index: number) => void;
  follow: (ids: readonly number[] | null) => void;
  toggleMark: (id: number) => void;
  mark: (ids: number[]) => void;
  clearMarks: () => void;
}

export const useCursor = create<CursorState>((set) => ({
  index: 0,
  pendingIds: null,
  marked: new Set(),
  moveTo: (index) => set({ index: Math.max(0, index), pendingIds: null }),
  follow: (pendingIds) => set({ pendingIds }),
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
