/**
 * SQLite's terse failures when a change cannot be saved, said in the user's words. SQLite rolls the transaction back
 * in each case, so the message can promise that the library is as it was.
 */
import { BusyError, LibraryError } from './errors';

const UNCHANGED = 'the change was not saved and the library is as it was';

export function explainWriteError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return err;
  const detail = (err as Error).message;
  if (code === 'SQLITE_FULL') {
    return new LibraryError('conflict', `the disk is full (${detail}): ${UNCHANGED}; free some space and try again`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new LibraryError(
      'conflict',
      `the library cannot be written here: its file or folder is read-only (${detail}); ${UNCHANGED}`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new LibraryError(
      'conflict',
      `the library's folder is read-only or does not let Lectern create its journal files (${detail}); the library was not changed`,
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new LibraryError('conflict', `the disk reported an error while saving (${detail}); ${UNCHANGED}`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new BusyError(`another Lectern kept the library busy (${detail}); ${UNCHANGED}; try again`);
  }
  return err;
}
