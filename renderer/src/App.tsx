/** The window: sidebar, table and detail pane, with the search bar on top and the status bar below. */
import { useEffect, useState } from 'react';
import { useSummary } from './data/summary';
import { importFiles, importTexts } from './data/importing';
import { useListing, useLibraryEvents } from './hooks';
import { useKeyboard } from './keys/useKeyboard';
import { usePanes } from './state/panes';
import { useView } from './state/view';
import { focusTable, isTypingTarget } from './focus';
import { Sidebar } from './components/Sidebar';
import { TopBar } from './components/TopBar';
import { PaperTable } from './components/PaperTable';
import { DetailPane } from './components/DetailPane';
import { StatusBar } from './components/StatusBar';
import { EmptyState } from './components/EmptyState';
import { Dialogs } from './components/Dialogs';

/** Files dropped anywhere on the window and text pasted outside a text field are imported. */
function useDropAndPaste(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDragging(false);
      void importFiles([...e.dataTransfer.files]).then(focusTable);
    };
    const paste = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target) || usePanes.getState().dialog) return;
      const files = e.clipboardData ? [...e.clipboardData.files] : [];
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (files.length === 0 && !text.trim()) return;
      e.preventDefault();
      void (files.length > 0 ? importFiles(files) : importTexts([{ name: 'Pasted text', text }])).then(focusTable);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('paste', paste);
    };
  }, []);
  return dragging;
}

export function App() {
  useLibraryEvents();
  useKeyboard();
  const check = useListing();
  const dragging = useDropAndPaste();
  const { counts } = useSummary();
  const detailOpen = usePanes((s) => s.detailOpen);
  const searching = useView((s) => s.search.trim() !== '');
  const firstRun = counts?.all === 0 && !searching;

  const loaded = counts !== null;
  useEffect(() => {
    if (loaded && !firstRun) focusTable();
  }, [loaded, firstRun]);

  return (
    <div className={`app${detailOpen && !firstRun ? ' with-detail' : ''}`}>
      <TopBar check={check} />
      <Sidebar />
      <main className="main" aria-label="Papers">
        {firstRun ? <EmptyState /> : <PaperTable />}
      </main>
      {detailOpen && !firstRun ? <DetailPane /> : null}
      <StatusBar />
      <Dialogs />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop files to import them
        </div>
      ) : null}
    </div>
  );
}
