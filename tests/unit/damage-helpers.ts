/** Libraries to damage on purpose, shared by the damage and damaged-start tests. */
import path from 'node:path';
import { expect } from 'vitest';
import { openLibrary } from '../../electron/library';
import { listBackups } from '../../electron/library/backup';
import { DamagedLibraryError } from '../../electron/library/db/health';
import { tempDir, TRENDING } from './helpers';

/** The 84 trending papers, three tagged and one noted, closed; with one daily backup beside it when `backup`. */
export function trendingLibrary(prefix: string, backup: boolean): { dir: string; file: string } {
  const dir = tempDir(prefix);
  const file = path.join(dir, 'library.sqlite');
  const lib = openLibrary({ path: file, dailyBackup: false });
  lib.importFile(TRENDING);
  lib.tag([1, 2, 3], ['survey'], []);
  lib.setNote(2, 'read the appendix');
  lib.close();
  // The second open of an existing library takes the daily backup.
  if (backup) openLibrary({ path: file }).close();
  expect(listBackups(file)).toHaveLength(backup ? 1 : 0);
  return { dir, file };
}

/** The error opening a damaged library gives; fails the test when it opens. */
export function openError(file: string): DamagedLibraryError {
  try {
    openLibrary({ path: file }).close();
  } catch (err) {
    if (err instanceof DamagedLibraryError) return err;
    throw err;
  }
  throw new Error('the damaged library opened');
}
