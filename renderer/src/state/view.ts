/** Which papers the table shows: the sidebar view, the search box text and the sort. UI state only. */
import { create } from 'zustand';
import type { ReadingStatus } from '../../../shared/types';
import { INITIAL_VIEW, type Sort, type View } from './view-query';

export { INBOX, effectiveQuery, viewFilter, type Sort, type View } from './view-query';

interface ViewState {
  view: View;
  /** What the user typed in the search box. */
  search: string;
  sort: Sort;
  setView: (view: View) => void;
  setSearch: (search: string) => void;
  setSort: (sort: Sort) => void;
}

export const useView = create<ViewState>((set) => ({
  ...INITIAL_VIEW,
  setView: (view) => set({ view }),
  setSearch: (search) => set({ search }),
  setSort: (sort) => set({ sort }),
}));

export function sameView(a: View, b: View): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'status' && b.kind === 'status') return a.status === b.status;
  if (a.kind === 'tag' && b.kind === 'tag') return a.name === b.name;
  return true;
}

export const STATUS_LABELS: Record<ReadingStatus, string> = {
  new: 'Inbox',
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
  skipped: 'Skipped',
};

export function viewTitle(view: View): string {
  switch (view.kind) {
    case 'status':
      return STATUS_LABELS[view.status];
    case 'starred':
      return 'Starred';
    case 'tag':
      return `#${view.name}`;
    case 'all':
      return 'All papers';
  }
}
