/** Wiring between the stores and the library: the listing follows the view, and library events refresh what is shown. */
import { useEffect, useState } from 'react';
import { api } from './api';
import { paperPages } from './data/paper-pages';
import { refreshCounts, refreshTags } from './data/summary';
import { useNotices } from './state/notices';
import { listingFor, type QueryCheck } from './listing';
import { useView } from './state/view';

const SEARCH_DEBOUNCE_MS = 120;

export { checkQuery, type QueryCheck } from './listing';

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
    const { check: result, listing } = listingFor(view, debounced, sort);
    setCheck(result);
    if (listing) paperPages.setListing(listing);
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
