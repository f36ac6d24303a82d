/** Short messages in the status bar (what undo did, errors), and the last import's summary. */
import { create } from 'zustand';
import type { ImportReport } from '../../../shared/types';

export interface ImportProgress {
  name: string;
  done: number;
  total: number;
}

interface NoticesState {
  message: { text: string; tone: 'info' | 'error'; at: number } | null;
  importing: ImportProgress | null;
  lastImport: ImportReport | null;
  say: (text: string, tone?: 'info' | 'error') => void;
  setImporting: (progress: ImportProgress | null) => void;
  setLastImport: (report: ImportReport | null) => void;
}

export const useNotices = create<NoticesState>((set) => ({
  message: null,
  importing: null,
  lastImport: null,
  say: (text, tone = 'info') => set({ message: { text, tone, at: Date.now() } }),
  setImporting: (importing) => set({ importing }),
  setLastImport: (lastImport) => set({ lastImport }),
}));
