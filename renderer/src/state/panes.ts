/** Which panes and dialogs are open. One dialog at a time; the detail pane and note editor sit beside the table. */
import { create } from 'zustand';

export type DialogName =
  'help' | 'palette' | 'tags' | 'columns' | 'save-search' | 'tag-actions' | 'add-papers' | 'export-notes' | 'restore';

interface PanesState {
  detailOpen: boolean;
  editingNote: boolean;
  dialog: DialogName | null;
  /** The tag a tag-actions dialog is about. */
  dialogTag: string | null;
  toggleDetail: () => void;
  setEditingNote: (editing: boolean) => void;
  openDialog: (dialog: DialogName, tag?: string) => void;
  closeDialog: () => void;
}

export const usePanes = create<PanesState>((set) => ({
  detailOpen: true,
  editingNote: false,
  dialog: null,
  dialogTag: null,
  toggleDetail: () => set((s) => ({ detailOpen: !s.detailOpen, editingNote: false })),
  setEditingNote: (editingNote) => set((s) => ({ editingNote, detailOpen: editingNote ? true : s.detailOpen })),
  openDialog: (dialog, tag) => set({ dialog, dialogTag: tag ?? null }),
  closeDialog: () => set({ dialog: null, dialogTag: null }),
}));
