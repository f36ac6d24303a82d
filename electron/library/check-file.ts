/**
 * `lectern check` on a library file, whatever state it is in. A sound file gets SQLite's full check plus Lectern's
 * own (`checkLibrary`); a file SQLite itself finds damaged is only read, and `--repair` rebuilds it into a new file
 * (SQLite re-reads every table and rebuilds every index, then the search index and tag mirror are rebuilt), swapped
 * in atomically with the damaged file kept beside it. What cannot be rebuilt is said, with the backup to restore.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CheckReport } from '../../shared/types';
import { LibraryError } from './errors';
import { openDatabase, type Db } from './db/open';
import { probeLibraryFile, sqliteProblems } from './db/health';
import { checkLibrary } from './check';
import { rebuildInto } from './rebuild';
import { newestGoodBackup, partialPath } from './backup';
import { keepDamaged } from './restore';

function fullProblems(file: string): string[] {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return [(err as Error).message];
  }
  try {
    const full = sqliteProblems(db, true);
    // When the full check stops at the first malformed page, the quick check still lists what it found.
    return full.length === 1 && /malformed/.test(full[0]!) ? [...full, ...sqliteProblems(db, false)] : full;
  } finally {
    db.close();
  }
}

function restoreAdvice(file: string): string {
  const backup = newestGoodBackup(file);
  return backup
    ? `restore the newest good backup with: lectern restore "${backup.file}"`
    : 'no good backup was found beside it';
}

/** Rebuilds a damaged file into a fresh one, swapped in with the damaged file kept; returns what was lost. */
function rebuild(file: string): { kept: string; losses: string[] } {
  const partial = partialPath(file);
  try {
    const losses = rebuildInto(file, partial);
    const kept = keepDamaged(file);
    fs.renameSync(partial, file);
    return { kept, losses };
  } catch (err) {
    throw new LibraryError(
      'conflict',
      `the damage cannot be repaired here (${(err as Error).message}); ${restoreAdvice(file)}`,
    );
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export function checkLibraryFile(libraryFile: string, repair: boolean): CheckReport {
  const file = path.resolve(libraryFile);
  if (!fs.existsSync(file)) throw new LibraryError('not-found', `${file}: no library there`);
  if ((probeLibraryFile(file)?.length ?? 0) > 0) {
    const problems = fullProblems(file).map((p) => `sqlite: ${p}`);
    if (!repair) return { ok: false, problems: [...problems, `the file was not changed; ${restoreAdvice(file)}`] };
    const { kept, losses } = rebuild(file);
    const after = checkLibraryFile(file, false);
    return {
      ok: after.ok,
      problems: [
        ...problems.map((p) => `repaired: ${p}`),
        ...losses.map((l) => `not recoverable: ${l}; ${restoreAdvice(file)}`),
        `the damaged file is kept as ${kept}`,
        ...after.problems,
      ],
    };
  }
  const db = openDatabase({ path: file });
  try {
    return checkLibrary(db, repair);
  } finally {
    db.close();
  }
}
