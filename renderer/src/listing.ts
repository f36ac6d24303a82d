/**
 * Which listing the table asks the library for, from the view, the search and the sort. Free of React and the
 * stores: the window's entry asks for the first page with it before the rest of the window's code has loaded.
 */
import { parseQuery, queryHasText } from '../../shared/query/parse';
import { QuerySyntaxError } from '../../shared/query/ast';
import { paperPages, type Listing } from './data/paper-pages';
import { INITIAL_VIEW, effectiveQuery, type Sort, type View } from './state/view-query';

export interface QueryCheck {
  error: string | null;
  position: number | null;
  hasText: boolean;
}

/** Checks the search box text with the same parser the library uses, so a typo is reported as it is typed. */
export function checkQuery(search: string): QueryCheck {
  try {
    return { error: null, position: null, hasText: queryHasText(parseQuery(search)) };
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { error: err.message, position: err.position, hasText: false };
    throw err;
  }
}

/** The listing the table shows for a view, a (debounced) search and a sort, with the search's check. */
export function listingFor(view: View, search: string, sort: Sort): { check: QueryCheck; listing: Listing | null } {
  const check = checkQuery(search);
  if (check.error) return { check, listing: null };
  // Relevance only means something for text; otherwise newest first.
  const effectiveSort = sort.field === 'relevance' && !check.hasText ? { field: 'added' as const } : sort;
  return { check, listing: { query: effectiveQuery(view, search), sort: effectiveSort, snippets: check.hasText } };
}

/**
 * Asks for the first page of the view the window opens on, before React and the window's code have loaded: the
 * table's own request for the same listing (useListing) then sends nothing.
 */
export function requestFirstPage(): void {
  const { listing } = listingFor(INITIAL_VIEW.view, INITIAL_VIEW.search, INITIAL_VIEW.sort);
  if (listing) paperPages.setListing(listing);
}
