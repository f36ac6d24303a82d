/** What each keymap action does. Reads UI state from the stores and changes the library through the contract. */
import type { ReadingStatus } from '../../shared/types';
import type { ActionId } from './keymap';
import { call, messageOf } from './data/call';
import { paperPages } from './data/paper-pages';
import { currentSummary } from './data/summary';
import { importSample } from './data/importing';
import { copySelectionAsBibtex } from './data/exporting';
import { useCursor } from './state/cursor';
import { usePanes } from './state/panes';
import { useNotices } from './state/notices';
import { STATUS_LABELS, useView } from './state/view';
import { focusTable, focusSearch, openFilePicker, rowsPerPage } from './focus';

/** The papers an action applies to: every marked paper, or else the one under the cursor. */
export function targetIds(): number[] {
  const { marked, index } = useCursor.getState();
  if (marked.size > 0) return [...marked];
  const row = paperPages.rowAt(index);
  return row ? [row.id] : [];
}

function move(to: number): void {
  const total = paperPages.snapshot.total;
  useCursor.getState().moveTo(Math.max(0, Math.min(total - 1, to)));
}

function papers(n: number): string {
  return n === 1 ? '1 paper' : `${n} papers`;
}

async function setStatus(status: ReadingStatus): Promise<void> {
  const ids = targetIds();
  if (ids.length === 0) return;
  const cursor = useCursor.getState().index;
  const view = useView.getState().view;
  // Papers leaving a status view close up the list: the cursor keeps to the paper after the ones that left.
  const leaving = view.kind === 'status' && view.status !== status;
  const above = leaving ? ids.map((id) => paperPages.indexOf(id)).filter((i) => i >= 0 && i < cursor).length : 0;
  await call('papers.setStatus', { ids, status });
  useCursor.getState().clearMarks();
  if (above > 0) useCursor.getState().moveTo(cursor - above);
  useNotices.getState().say(`${papers(ids.length)} → ${STATUS_LABELS[status]}`);
}

async function toggleStar(): Promise<void> {
  const ids = targetIds();
  const cursorRow = paperPages.rowAt(useCursor.getState().index);
  if (ids.length === 0) return;
  const starred = !(cursorRow?.starred ?? false);
  await call('papers.setStarred', { ids, starred });
  useNotices.getState().say(`${starred ? 'Starred' : 'Unstarred'} ${papers(ids.length)}`);
}

async function undoOrRedo(which: 'undo' | 'redo'): Promise<void> {
  const step = await call(which === 'undo' ? 'history.undo' : 'history.redo', {});
  const notices = useNotices.getState();
  if (!step) {
    notices.say(which === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
    return;
  }
  notices.say(`${which === 'undo' ? 'Undid' : 'Redid'}: ${step.label}`);
  // Undo brings triaged papers back into their view: put the cursor on them once they are listed again.
  if (which === 'undo' && step.paperIds.length > 0) useCursor.getState().follow(step.paperIds);
}

function extend(direction: 1 | -1): void {
  const cursor = useCursor.getState();
  const here = paperPages.rowAt(cursor.index);
  const nextIndex = Math.max(0, Math.min(paperPages.snapshot.total - 1, cursor.index + direction));
  const there = paperPages.rowAt(nextIndex);
  cursor.mark([here?.id, there?.id].filter((id): id is number => id !== undefined));
  cursor.moveTo(nextIndex);
}

function libraryIsEmpty(): boolean {
  return currentSummary().counts?.all === 0;
}

async function perform(id: ActionId): Promise<void> {
  const { index } = useCursor.getState();
  const panes = usePanes.getState();
  switch (id) {
    case 'next':
      return move(index + 1);
    case 'previous':
      return move(index - 1);
    case 'first':
      return move(0);
    case 'last':
      return move(paperPages.snapshot.total - 1);
    case 'page-down':
      return move(index + rowsPerPage());
    case 'page-up':
      return move(index - rowsPerPage());
    case 'toggle-detail':
      if (libraryIsEmpty()) {
        await importSample();
        return;
      }
      return panes.toggleDetail();
    case 'focus-search':
      return focusSearch();
    case 'status-new':
      return setStatus('new');
    case 'status-to-read':
      return setStatus('to-read');
    case 'status-reading':
      return setStatus('reading');
    case 'status-read':
      return setStatus('read');
    case 'status-skipped':
      return setStatus('skipped');
    case 'star':
      return toggleStar();
    case 'tag':
      if (targetIds().length > 0) panes.openDialog('tags');
      return;
    case 'note':
      if (paperPages.rowAt(index)) panes.setEditingNote(true);
      return;
    case 'mark': {
      const row = paperPages.rowAt(index);
      if (row) useCursor.getState().toggleMark(row.id);
      return;
    }
    case 'extend-down':
      return extend(1);
    case 'extend-up':
      return extend(-1);
    case 'undo':
      return undoOrRedo('undo');
    case 'redo':
      return undoOrRedo('redo');
    case 'palette':
      return panes.openDialog('palette');
    case 'help':
      return panes.openDialog('help');
    case 'import':
      return openFilePicker();
    case 'copy-bibtex':
      return copySelectionAsBibtex(targetIds());
  }
}

/** Runs an action; a failure is reported in the status bar, never thrown at the key handler. */
export function runAction(id: ActionId): void {
  perform(id).catch((err: unknown) => useNotices.getState().say(messageOf(err), 'error'));
}

export { focusTable };
