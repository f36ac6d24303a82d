/** Palette commands that have no key of their own: views, sorting, columns, the sample, copying as Markdown. */
import { READING_STATUSES } from '../../../shared/types';
import { COPYABLE_REFERENCES, copySelectionAsMarkdown, copyViewAs, referenceName } from '../data/exporting';
import { importSample } from '../data/importing';
import { usePanes } from '../state/panes';
import { useNotices } from '../state/notices';
import { call, messageOf } from '../data/call';
import { useView, STATUS_LABELS, effectiveQuery, type View } from '../state/view';
import { COLUMN_LABELS, COLUMN_SORT, type ColumnId } from '../state/columns';
import { focusTable } from '../focus';

export interface PaletteExtra {
  id: string;
  label: string;
  run: () => void;
}

async function backUp(): Promise<void> {
  try {
    const backup = await call('library.backup', {});
    useNotices.getState().say(`Backed up the library to ${backup.name}`);
  } catch (err) {
    useNotices.getState().say(`Backup failed: ${messageOf(err)}`, 'error');
  }
}

function goTo(view: View): void {
  useView.getState().setView(view);
  focusTable();
}

export function paletteExtras(targetIds: () => number[]): PaletteExtra[] {
  const views: PaletteExtra[] = [
    ...READING_STATUSES.map((s) => ({
      id: `view-${s}`,
      label: `Go to ${STATUS_LABELS[s]}`,
      run: () => goTo({ kind: 'status', status: s }),
    })),
    { id: 'view-starred', label: 'Go to Starred', run: () => goTo({ kind: 'starred' }) },
    { id: 'view-all', label: 'Go to All papers', run: () => goTo({ kind: 'all' }) },
  ];
  const sorts: PaletteExtra[] = Object.entries(COLUMN_SORT).flatMap(([column, field]) =>
    (['asc', 'desc'] as const).map((direction) => ({
      id: `sort-${column}-${direction}`,
      label: `Sort by ${COLUMN_LABELS[column as ColumnId]} (${direction === 'asc' ? 'ascending' : 'descending'})`,
      run: () => useView.getState().setSort({ field, direction }),
    })),
  );
  return [
    ...views,
    ...sorts,
    { id: 'sort-relevance', label: 'Sort by relevance', run: () => useView.getState().setSort({ field: 'relevance' }) },
    { id: 'columns', label: 'Show, hide or reorder columns…', run: () => usePanes.getState().openDialog('columns') },
    { id: 'save-search', label: 'Save the current search…', run: () => usePanes.getState().openDialog('save-search') },
    {
      id: 'copy-markdown',
      label: 'Copy Markdown link of the selection',
      run: () => void copySelectionAsMarkdown(targetIds()),
    },
    {
      id: 'export-notes',
      label: 'Export notes to Markdown…',
      run: () => usePanes.getState().openDialog('export-notes'),
    },
    ...COPYABLE_REFERENCES.map((format) => ({
      id: `copy-view-${format}`,
      label: `Copy ${referenceName(format)} of the view`,
      run: () => {
        const { view, search } = useView.getState();
        void copyViewAs(effectiveQuery(view, search), format);
      },
    })),
    { id: 'import-sample', label: 'Import the sample papers', run: () => void importSample() },
    {
      id: 'add-papers',
      label: 'Add papers by arXiv id or DOI…',
      run: () => usePanes.getState().openDialog('add-papers'),
    },
    { id: 'backup', label: 'Back up library now', run: () => void backUp() },
    { id: 'restore', label: 'Restore from backup…', run: () => usePanes.getState().openDialog('restore') },
  ];
}
