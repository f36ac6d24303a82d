/**
 * File > Back Up Library Now and File > Restore from Backup…: the same library calls the window's palette makes
 * (`library.backup`, and a restore that first keeps the current library as a backup), with native dialogs. The
 * restore file is picked here in main, in the backups folder by default; the renderer never names a path.
 */
import { dialog, type BrowserWindow } from 'electron';
import type { Library } from '../library';
import { backupsFolder } from '../library/backup';
import { restoreFromFile } from '../library/backup-commands';
import type { Router } from '../library/router';

async function tell(win: BrowserWindow, message: string, detail: string, failed: boolean): Promise<void> {
  if (win.isDestroyed()) return;
  await dialog.showMessageBox(win, { type: failed ? 'error' : 'info', title: 'Lectern', message, detail });
}

export async function backUpFromMenu(win: BrowserWindow, router: Router, library: Library): Promise<void> {
  const result = await router.call('library.backup', {});
  if (!result.ok) {
    await tell(win, 'The library was not backed up', result.error.message, true);
    return;
  }
  await tell(win, 'Library backed up', `${result.value.name} in ${backupsFolder(library.path)}`, false);
}

export async function restoreFromMenu(win: BrowserWindow, library: Library): Promise<void> {
  const picked = await dialog.showOpenDialog(win, {
    title: 'Restore from backup',
    buttonLabel: 'Restore…',
    defaultPath: backupsFolder(library.path),
    properties: ['openFile'],
    filters: [{ name: 'Lectern backups', extensions: ['sqlite'] }],
  });
  const file = picked.filePaths[0];
  if (picked.canceled || file === undefined || win.isDestroyed()) return;
  const confirm = await dialog.showMessageBox(win, {
    type: 'warning',
    title: 'Lectern',
    message: 'Restore the library from this backup?',
    detail: `${file}\n\nThe current library is kept as a backup first, so this can be undone by restoring that one.`,
    buttons: ['Restore', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (confirm.response !== 0) return;
  try {
    const summary = await restoreFromFile(library, file);
    const kept = summary.keptCurrentAs ? `The library as it was is kept as ${summary.keptCurrentAs}.` : '';
    await tell(win, `Restored from ${summary.restoredFrom}`, kept, false);
  } catch (err) {
    await tell(win, 'The backup was not restored', (err as Error).message, true);
  }
}
