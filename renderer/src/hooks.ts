/** Wiring between the stores and the library: the listing follows the view, and library events refresh what is shown. */
import { useEffect, useState } from 'react';
import { parseQuery, queryHasText } from '../../shared/query/parse';
import { QuerySyntaxError } from '../../shared/query/ast';
import { api } from './api';
import { paperPages } from './data/paper-pages';
import { refreshCounts, refreshTags } from './data/summary';
import { useNotices } from './state/notices';
import { effectiveQuery, useView } from './state/view';

const SEARCH_DEBOUNCE_MS = 120;

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

/** Shows the listing for the current view, search and sort; typing is debounced, a bad query is not sent. */
export function useListing(): QueryCheck {
  const view = useView((s) => s.view);
  const search = useView((s) => s.search);
  const sort = useView((s) => s.sort);
  const [check, setCheck] = useState<QueryCheck>({ error: null, position: null, hasText: false });
  const [debounced, setDebounced] = useState(search);

  useEffect(() => {
    // Clearing the box, or a view change, shows at once; typing waits for a pause.
    const delay = search.trim() === '' ? 0 : SEARCH_DEBOUNCE_MS;
    const timer = setTimeout(() => setDebounced(search), delay);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    const result = checkQuery(debounced);
    setCheck(result);
    if (result.error) return;
    // Relevance only means something for text; otherwise newest first.
    const effectiveSort = sort.field === 'relevance' && !result.hasText ? { field: 'added' as const } : sort;
    paperPages.setListing({ query: effectiveQuery(view, debounced), sort: effectiveSort, snippets: result.hasText });
  }, [view, debounced, sort]);

  return check;
}

/** Library events: refetch the rows on screen, the counts and the tags. */
export function useLibraryEvents(): void {
  useEffect(() => {
    refreshCounts();
    refreshTags();
    const offChanged = api.on('library:changed', ({ tables }) => {
      if (tables.includes('papers') || tables.includes('tags') || tables.includes('notes')) paperPages.refresh();
      if (tables.includes('papers')) refreshCounts();
      if (tables.includes('tags') || tables.includes('papers')) refreshTags();
    });
    const offProgress = api.on('import:progress', (progress) => {
      // Only while one of our imports runs: a late event must not bring back a finished progress bar.
      if (useNotices.getState().importing) useNotices.getState().setImporting(progress);
    });
    return () => {
      offChanged();
      offProgress();
    };
  }, []);
}
