/** The top bar: the search box with its match count and syntax errors, and the window's few buttons. */
import { useSyncExternalStore, type KeyboardEvent } from 'react';
import { paperPages } from '../data/paper-pages';
import { importFiles } from '../data/importing';
import { usePanes } from '../state/panes';
import { useView, viewTitle } from '../state/view';
import { FILE_PICKER_ID, SEARCH_ID, focusTable, openFilePicker } from '../focus';
import type { QueryCheck } from '../hooks';
import { displayKey } from '../keymap';

function formatCount(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'paper' : 'papers'}`;
}

export function TopBar({ check }: { check: QueryCheck }) {
  const search = useView((s) => s.search);
  const setSearch = useView((s) => s.setSearch);
  const view = useView((s) => s.view);
  const openDialog = usePanes((s) => s.openDialog);
  const snap = useSyncExternalStore(paperPages.subscribe, paperPages.getSnapshot);
  const serverError = snap.error?.code === 'query-syntax' ? snap.error.message : null;
  const error = check.error ?? serverError;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' || e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      focusTable();
    }
  };

  return (
    <header className="topbar">
      <div className="brand" aria-hidden="true">
        Lectern
      </div>
      <div className="search" role="search">
        <label htmlFor={SEARCH_ID} className="visually-hidden">
          Search papers
        </label>
        <span className="search-icon" aria-hidden="true">
          ⌕
        </span>
        <input
          id={SEARCH_ID}
          type="search"
          className={`search-input${error ? ' invalid' : ''}`}
          placeholder={`Search ${viewTitle(view)}   title: author: tag: year:2020..2024 status: "phrase" -not`}
          value={search}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error !== null}
          aria-describedby="search-status"
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <kbd className="search-key" aria-hidden="true">
          /
        </kbd>
      </div>
      <div id="search-status" className={`search-status${error ? ' error' : ''}`} role="status" aria-live="polite">
        {error ? `Query error: ${error}` : snap.loading ? '' : formatCount(snap.total)}
      </div>
      <div className="toolbar">
        <button type="button" className="tool" onClick={openFilePicker} title={`Import files (${displayKey('i')})`}>
          Import…
        </button>
        <button type="button" className="tool" onClick={() => openDialog('columns')}>
          Columns
        </button>
        <button
          type="button"
          className="tool icon"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => openDialog('help')}
        >
          ?
        </button>
        <input
          id={FILE_PICKER_ID}
          type="file"
          multiple
          hidden
          aria-label="Import files"
          onChange={(e) => {
            const files = e.target.files ? [...e.target.files] : [];
            e.target.value = '';
            void importFiles(files).then(focusTable);
          }}
        />
      </div>
    </header>
  );
}
