/** Saved searches: a name and a query, kept in localStorage. */
import { create } from 'zustand';

export interface SavedSearch {
  name: string;
  query: string;
}

const STORAGE_KEY = 'lectern:saved-searches';

function load(): SavedSearch[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (s): s is SavedSearch =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as SavedSearch).name === 'string' &&
        typeof (s as SavedSearch).query === 'string',
    );
  } catch {
    return [];
  }
}

interface SavedSearchesState {
  searches: SavedSearch[];
  save: (name: string, query: string) => void;
  remove: (name: string) => void;
}

export const useSavedSearches = create<SavedSearchesState>((set, get) => {
  const store = (searches: SavedSearch[]) => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(searches));
    set({ searches });
  };
  return {
    searches: load(),
    save: (name, query) => store([...get().searches.filter((s) => s.name !== name), { name, query }]),
    remove: (name) => store(get().searches.filter((s) => s.name !== name)),
  };
});
