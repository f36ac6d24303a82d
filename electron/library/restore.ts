/**
 * Restoring a backup. The file is checked first (a sound Lectern library, not from a newer Lectern); the current
 * library is kept as a backup; then the backup's pages are copied into the library file by SQLite's backup API as one
 * write transaction, so a crash leaves either the old library or the restored one, and a window that has the library
 * open sees the restored content (SQLite bumps the schema cookie). A damaged or missing library is instead replaced by
 * an atomic rename, with the damaged file and its WAL moved aside for inspection.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryError } from './errors';
import { migrate, openDatabase, type Db } from './db/open';
import { LATEST_VERSION } from './db/migrations';
import { probeLibraryFile } from './db/health';
import { bindingOption } from './db/native-binding';
import { autoBackup, backupLibrary, backupProblem, partialPath, type BackupInfo } from './backup';

export interface RestoreResult {
  /** The backup that is now the library. */
  restoredFrom: string;
  /** Where the library as it was before the restore is kept (a backup, or the damaged file moved aside). */
  keptCurrentAs: string | null;
}

function check(libraryFile: string, from: string): string {
  const source = path.resolve(from);
  const library = path.resolve(libraryFile);
  if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) {
    throw new LibraryError('not-found', `${source}: no such backup file`);
  }
  if (source === library) throw new LibraryError('bad-input', `${source} is the library itself`);
  const problem = backupProblem(source, true);
  if (problem) throw new LibraryError('bad-input', `${source} cannot be restored: ${problem}; nothing was changed`);
  return source;
}

/** Copies every page of `source` into `dest` in one step (one write transaction on `dest`). */
async function copyInto(source: string, dest: string): Promise<void> {
  const src = new Database(source, { readonly: true, fileMustExist: true, ...bindingOption() });
  try {
    // A destination busy with another writer makes the step report "0 pages"; try again for up to ten seconds.
    for (let attempt = 0; attempt < 200; attempt++) {
      const result = await src.backup(dest, { progress: () => 0x7fffffff });
      if (result.totalPages > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new LibraryError('conflict', `${dest} stayed busy; the backup was not restored`);
  } finally {
    src.close();
  }
}

/** Moves a damaged library (and its WAL and shared-memory files) aside, under a name that says what it is. */
export function keepDamaged(library: string): string {
  const kept = path.join(
    path.dirname(library),
    `library-damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`,
  );
  // A hard link keeps the damaged file while the rename below replaces the library in one step.
  try {
    fs.linkSync(library, kept);
  } catch {
    fs.copyFileSync(library, kept);
  }
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(library + suffix)) fs.renameSync(library + suffix, kept + suffix);
  }
  return kept;
}

async function replaceFile(library: string, source: string, damaged: boolean): Promise<string | null> {
  const partial = partialPath(library);
  try {
    await copyInto(source, partial);
    const kept = damaged && fs.existsSync(library) ? keepDamaged(library) : null;
    // A WAL left beside the file would be replayed into the restored library: it must not survive the swap.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(library + suffix, { force: true });
    fs.renameSync(partial, library);
    return kept;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Restores `from` as the library at `libraryFile`. `open` is the library's live connection when the caller has one
 * (the window); otherwise the library is opened here. A library that cannot be opened is treated as damaged.
 */
export async function restoreLibrary(libraryFile: string, from: string, open?: Db): Promise<RestoreResult> {
  const library = path.resolve(libraryFile);
  const source = check(library, from);
  if (!open && !fs.existsSync(library)) {
    fs.mkdirSync(path.dirname(library), { recursive: true });
    await replaceFile(library, source, false);
    return { restoredFrom: source, keptCurrentAs: null };
  }
  if (!open && (probeLibraryFile(library)?.length ?? 0) > 0) {
    return { restoredFrom: source, keptCurrentAs: await replaceFile(library, source, true) };
  }
  let db: Db;
  try {
    db = open ?? openDatabase({ path: library });
  } catch {
    return { restoredFrom: source, keptCurrentAs: await replaceFile(library, source, true) };
  }
  try {
    const kept: BackupInfo = await backupLibrary(db, library);
    await copyInto(source, library);
    // A backup from an older Lectern is brought up to date on the open connection, as any open would.
    if ((db.pragma('user_version', { simple: true }) as number) < LATEST_VERSION) {
      autoBackup(db, library, true);
      migrate(db);
    }
    return { restoredFrom: source, keptCurrentAs: kept.file };
  } finally {
    if (!open) db.close();
  }
}
