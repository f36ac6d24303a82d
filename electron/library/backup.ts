/**
 * Backups: whole-library snapshots taken by SQLite itself (never a file copy of a live database), kept beside the
 * library in `backups/library-<timestamp>.sqlite`, the newest ten kept. Taken automatically on open once a day and
 * before every migration, and on demand (`lectern backup`, the window's Back up command).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryError } from './errors';
import type { Db } from './db/open';
import { sqliteProblems } from './db/health';
import { LATEST_VERSION } from './db/migrations';
import { bindingOption } from './db/native-binding';

export const KEEP_BACKUPS = 10;
export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;

export interface BackupInfo {
  /** Absolute path of the backup file. */
  file: string;
  /** File name inside the backups folder. */
  name: string;
  /** When it was taken (ISO time, from its name). */
  at: string;
  bytes: number;
}

const NAME = /^library-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-\d+)?\.sqlite$/;

export function backupsFolder(libraryFile: string): string {
  return path.join(path.dirname(path.resolve(libraryFile)), 'backups');
}

function timeOf(name: string): string | null {
  const m = NAME.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

/** The library's backups, newest first. Only regular files with our own naming count (never symlinks). */
export function listBackups(libraryFile: string): BackupInfo[] {
  const dir = backupsFolder(libraryFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const at = timeOf(name);
    if (!at) continue;
    const file = path.join(dir, name);
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) out.push({ file, name, at, bytes: stat.size });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Opens a candidate backup read-only and says what is wrong with it as a Lectern library (null when it is good).
 * `full` runs the complete integrity check (restore), otherwise the quick one (finding the newest good backup).
 */
export function backupProblem(file: string, full: boolean): string | null {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...bindingOption() });
  } catch (err) {
    return `cannot open it (${(err as Error).message})`;
  }
  try {
    const problems = sqliteProblems(db, full);
    if (problems.length > 0) return `it is damaged (${problems[0]})`;
    const version = db.pragma('user_version', { simple: true }) as number;
    const papers = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'papers'").get();
    if (version < 1 || !papers) return 'it is not a Lectern library';
    if (version > LATEST_VERSION) {
      return `it was written by a newer Lectern (schema ${version}; this version knows up to ${LATEST_VERSION})`;
    }
    return null;
  } finally {
    db.close();
  }
}

export function newestGoodBackup(libraryFile: string): BackupInfo | null {
  return listBackups(libraryFile).find((b) => backupProblem(b.file, false) === null) ?? null;
}

/** The backups folder, created if needed; refused when it is a symlink or a file, so backups never land elsewhere. */
function ensureFolder(libraryFile: string): string {
  const dir = backupsFolder(libraryFile);
  const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (stat && (stat.isSymbolicLink() || !stat.isDirectory())) {
    throw new LibraryError('conflict', `${dir} is not a folder (a link or a file); backups are not written through it`);
  }
  if (!stat) fs.mkdirSync(dir);
  return dir;
}

function newBackupPath(dir: string, now: Date): string {
  const base = `library-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (let n = 0; ; n++) {
    const file = path.join(dir, `${base}${n === 0 ? '' : `-${n}`}.sqlite`);
    if (!fs.existsSync(file)) return file;
  }
}

/** A scratch name beside `dest` that nobody can have planted (a link there would redirect the write). */
export function partialPath(dest: string): string {
  return `${dest}.partial-${crypto.randomBytes(6).toString('hex')}`;
}

/**
 * A consistent snapshot written synchronously with `VACUUM INTO` (SQLite reads the database in one read transaction).
 * Used where opening must not await: the daily backup and the one before a migration.
 */
export function snapshotSync(db: Db, dest: string): void {
  const partial = partialPath(dest);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.renameSync(partial, dest);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/**
 * A snapshot through SQLite's online backup API, all pages in one step so a concurrent writer cannot make it restart
 * forever. Written to a scratch name beside `dest`, then renamed: `dest` is either absent or complete.
 */
export async function snapshot(db: Db, dest: string): Promise<void> {
  const partial = partialPath(dest);
  try {
    const result = await db.backup(partial, { progress: () => 0x7fffffff });
    // better-sqlite3 reports a step that found the database busy before it started as "0 pages, done".
    if (result.totalPages === 0) throw new LibraryError('conflict', 'the library was busy; the backup was not taken');
    fs.renameSync(partial, dest);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** Deletes all but the newest `keep` backups, and scratch files an interrupted backup left (older than an hour). */
export function rotateBackups(libraryFile: string, keep = KEEP_BACKUPS): void {
  for (const old of listBackups(libraryFile).slice(keep)) fs.rmSync(old.file, { force: true });
  const dir = backupsFolder(libraryFile);
  for (const name of fs.readdirSync(dir)) {
    if (!/^library-.*\.sqlite\.partial-[0-9a-f]{12}$/.test(name)) continue;
    const stat = fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile() && Date.now() - stat.mtimeMs > 60 * 60 * 1000) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * The automatic backup on open: before a migration always (a failure stops the migration), otherwise when the newest
 * backup is older than a day (a failure is not fatal: the library still opens). Returns the backup written, if any.
 */
export function autoBackup(db: Db, libraryFile: string, beforeMigration: boolean, now = new Date()): string | null {
  if (!beforeMigration) {
    const newest = listBackups(libraryFile)[0];
    if (newest && now.getTime() - Date.parse(newest.at) < BACKUP_EVERY_MS) return null;
  }
  try {
    const dest = newBackupPath(ensureFolder(libraryFile), now);
    snapshotSync(db, dest);
    rotateBackups(libraryFile);
    return dest;
  } catch (err) {
    if (!beforeMigration) return null;
    throw new LibraryError(
      'conflict',
      `could not back up the library before updating it (${(err as Error).message}); it was not changed`,
    );
  }
}

/**
 * `lectern backup [--out FILE]` and the window's Back up: into the backups folder (rotated), or exactly at `out`,
 * which must not exist yet (never overwrite, never follow a link someone left there).
 */
export async function backupLibrary(db: Db, libraryFile: string, out?: string): Promise<BackupInfo> {
  let dest: string;
  if (out === undefined) {
    dest = newBackupPath(ensureFolder(libraryFile), new Date());
  } else {
    dest = path.resolve(out);
    if (fs.lstatSync(dest, { throwIfNoEntry: false })) {
      throw new LibraryError('conflict', `${dest} already exists; choose a new file name for the backup`);
    }
    const library = path.resolve(libraryFile);
    if ([library, `${library}-wal`, `${library}-shm`].includes(dest)) {
      throw new LibraryError('bad-input', 'a backup cannot replace the library itself');
    }
    if (!fs.statSync(path.dirname(dest), { throwIfNoEntry: false })?.isDirectory()) {
      throw new LibraryError('bad-input', `the folder ${path.dirname(dest)} does not exist`);
    }
  }
  await snapshot(db, dest);
  if (out === undefined) rotateBackups(libraryFile);
  const name = path.basename(dest);
  return { file: dest, name, at: timeOf(name) ?? new Date().toISOString(), bytes: fs.statSync(dest).size };
}
