/** Which papers the table shows: the sidebar view, the search box text and the sort. UI state only. */
import { create } from 'zustand';
import type { ReadingStatus, SortDirection, SortField } from '../../../shared/types';

export type View =
  { kind: 'status'; status: ReadingStatus } | { kind: 'starred' } | { kind: 'all' } | { kind: 'tag'; name: string };

export interface Sort {
  field: SortField;
  /** Undefined: the library's natural direction for the field. */
  direction?: SortDirection;
}

interface ViewState {
  view: View;
  /** What the user typed in the search box. */
  search: string;
  sort: Sort;
  setView: (view: View) => void;
  setSearch: (search: string) => void;
  setSort: (sort: Sort) => void;
}

export const INBOX: View = { kind: 'status', status: 'new' };

export const useView = create<ViewState>((set) => ({
  view: INBOX,
  search: '',
  sort: { field: 'relevance' },
  setView: (view) => set({ view }),
  setSearch: (search) => set({ search }),
  setSort: (sort) => set({ sort }),
}));

function quoteTag(name: string): string {
  return /^[\p{L}\p{N}\p{M}_\-/.:]+$/u.test(name) ? name : `"${name.replace(/"/g, '')}"`;
}

/** The query-language filter a sidebar view stands for. */
export function viewFilter(view: View): string {
  switch (view.kind) {
    case 'status':
      return `status:${view.status}`;
    case 'starred':
      return 'is:starred';
    case 'tag':
      return `tag:${quoteTag(view.name)}`;
    case 'all':
      return '';
  }
}

/** The view's filter AND the user's query; the user's query is parenthesised so its OR stays inside it. */
export function effectiveQuery(view: View, search: string): string {
  const filter = viewFilter(view);
  const user = search.trim();
  if (!user) return filter;
  return filter ? `${filter} (${user})` : user;
}

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
