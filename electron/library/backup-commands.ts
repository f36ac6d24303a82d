/** The window's Back up and Restore, through the contract: backups named, never paths from the renderer. */
import path from 'node:path';
import type { BackupSummary, RestoreSummary } from '../../shared/types';
import { LibraryError } from './errors';
import type { Library } from './library';
import { backupLibrary, listBackups, type BackupInfo } from './backup';
import { restoreLibrary } from './restore';

const summary = (b: BackupInfo): BackupSummary => ({ name: b.name, at: b.at, bytes: b.bytes });

export async function backupNow(lib: Library): Promise<BackupSummary> {
  return summary(await backupLibrary(lib.db, lib.path));
}

export function backupsOf(lib: Library): BackupSummary[] {
  return listBackups(lib.path).map(summary);
}

/** Only a backup listed in the library's own backups folder can be restored this way: a name, not a path. */
export async function restoreByName(lib: Library, name: string): Promise<RestoreSummary> {
  const backup = listBackups(lib.path).find((b) => b.name === name);
  if (!backup) throw new LibraryError('not-found', `no backup named ${name.slice(0, 200)}`);
  return restoreFromFile(lib, backup.file);
}

/**
 * Restores a backup file into the open library and tells the views. For the window's File menu, where main picks the
 * file in a native dialog (a path never comes from the renderer); restoreLibrary checks the file first.
 */
export async function restoreFromFile(lib: Library, file: string): Promise<RestoreSummary> {
  const result = await restoreLibrary(lib.path, file, lib.db);
  lib.emit('library:changed', { tables: ['papers', 'tags', 'notes', 'history'] });
  return {
    restoredFrom: path.basename(result.restoredFrom),
    keptCurrentAs: result.keptCurrentAs === null ? null : path.basename(result.keptCurrentAs),
  };
}
