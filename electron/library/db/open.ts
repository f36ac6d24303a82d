import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, migrations } from './migrations';
import { LibraryError } from '../errors';
import { DamagedLibraryError, probeLibraryFile, quickCheck } from './health';
import { autoBackup, newestGoodBackup } from '../backup';
import { explainWriteError } from '../write-errors';
import { bindingOption } from './native-binding';

export type Db = Database.Database;

export interface OpenOptions {
  path: string;
  /** Path to a better-sqlite3 binary built for another ABI (the Electron window uses this). */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * Take the once-a-day automatic backup on open (default true). The window and `lectern serve` do; each short CLI
   * command does not, so it stays instant on a large library (backups before migrations are always taken).
   */
  dailyBackup?: boolean;
}

/**
 * Opens (creating if needed) the library database and brings its schema up to date.
 * A database written by a newer Lectern is refused without being modified.
 */
export function openDatabase(options: OpenOptions): Db {
  const file = path.resolve(options.path);
  if (!options.readonly) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (err) {
      throw new LibraryError('bad-input', `cannot create the library folder ${path.dirname(file)}: ${String(err)}`);
    }
  }
  let probed: string[] | null = [];
  if (!options.readonly) {
    // A damaged file is never written to: checked on a read-only connection before the read-write one exists.
    probed = probeLibraryFile(file, options.nativeBinding);
    if (probed && probed.length > 0) throw new DamagedLibraryError(file, probed, newestGoodBackup(file));
  }
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...bindingOption(options.nativeBinding),
    });
  } catch (err) {
    throw new LibraryError('bad-input', `cannot open the library ${file}: ${(err as Error).message}`);
  }
  try {
    // Two processes (window and CLI) share the file: wait for each other's short write transactions.
    db.pragma('busy_timeout = 10000');
    // SQLite's default page cache is 2 MB: 125 pages of 16 KiB, fewer than a page of 100 rows in a big library can
    // touch (each row on its own page), so listing the same page again read it from the file again.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    db.pragma('foreign_keys = ON');
    if (probed === null) {
      // Only this connection could look (it rolled back a crash's hot journal first): check before any write.
      const problems = quickCheck(db);
      if (problems.length > 0) throw new DamagedLibraryError(file, problems, newestGoodBackup(file));
    }
    checkVersion(db, file);
    if (!options.readonly) {
      // A new library's pages are 16 KiB: rows with an abstract (about 2 KB) left a fifth of each 4 KiB page empty.
      if (isEmptyFile(db)) db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a power cut may lose the last transactions, never corrupt the file.
      db.pragma('synchronous = NORMAL');
      const version = db.pragma('user_version', { simple: true }) as number;
      // An existing library is backed up before every migration, and otherwise once a day.
      const migrating = version < LATEST_VERSION;
      if (version > 0 && (migrating || options.dailyBackup !== false)) autoBackup(db, file, migrating);
      migrate(db);
    }
  } catch (err) {
    db.close();
    throw explainWriteError(err);
  }
  return db;
}

function checkVersion(db: Db, file: string): void {
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'SQLITE_NOTADB') throw explainWriteError(err);
    throw new LibraryError('bad-input', `${file} is not a Lectern library (${(err as Error).message})`);
  }
  if (version > LATEST_VERSION) {
    throw new LibraryError(
      'conflict',
      `${file} was written by a newer Lectern (schema ${version}; this version knows up to ${LATEST_VERSION}). ` +
        'Update Lectern to open it; the file was not changed.',
    );
  }
}

/** Applies every pending migration in one transaction, so a failure leaves the schema as it was. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  if (current === 0 && hasUserTables(db)) {
    throw new LibraryError(
      'bad-input',
      'this file is an SQLite database but not a Lectern library; it was not changed',
    );
  }
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

/** The page cache of every connection, in KiB. */
export const PAGE_CACHE_KIB = 32 * 1024;

/** The page size of libraries created from now on (SQLite's default is 4096); an existing file keeps its own. */
export const PAGE_SIZE = 16384;

function isEmptyFile(db: Db): boolean {
  return (db.pragma('user_version', { simple: true }) as number) === 0 && !hasUserTables(db);
}

function hasUserTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
}
