/** What a view means as a query, without the store: the window's entry asks for its first page with this alone. */
import type { ReadingStatus, SortDirection, SortField } from '../../../shared/types';

export type View =
  { kind: 'status'; status: ReadingStatus } | { kind: 'starred' } | { kind: 'all' } | { kind: 'tag'; name: string };

export interface Sort {
  field: SortField;
  /** Undefined: the library's natural direction for the field. */
  direction?: SortDirection;
}

export const INBOX: View = { kind: 'status', status: 'new' };

/** What the window shows when it opens. */
export const INITIAL_VIEW: { view: View; search: string; sort: Sort } = {
  view: INBOX,
  search: '',
  sort: { field: 'relevance' },
};

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
