/**
 * Is the library file sound? SQLite's quick check, run on a read-only connection before anything may write, so a
 * damaged file is never touched (a read-write connection would checkpoint its WAL into it on close).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { LibraryError } from '../errors';
import type { Db } from './open';
import { bindingOption } from './native-binding';

/** The problems `PRAGMA quick_check` (or `integrity_check` when `full`) reports; empty when the file is sound. */
export function sqliteProblems(db: Db, full = false): string[] {
  try {
    return problemLines(db.pragma(full ? 'integrity_check' : 'quick_check') as Record<string, string>[]);
  } catch (err) {
    // "file is not a database", "database disk image is malformed": the check cannot even start.
    return [(err as Error).message];
  }
}

/**
 * The quick check's problems; a file SQLite calls corrupt or not a database is a problem too. Any other failure
 * (cannot open, read-only folder, busy) is not damage and is thrown for the caller to explain.
 */
/**
 * Above this size the check on open reads only the header and the schema: SQLite's quick_check reads every page, which
 * took minutes on a million-paper library. `lectern check` always runs the full check.
 */
export const FULL_CHECK_ON_OPEN_MAX_BYTES = 128 * 1024 * 1024;

export function quickCheck(db: Db): string[] {
  try {
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    if (pages * pageSize > FULL_CHECK_ON_OPEN_MAX_BYTES) {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return [];
    }
    return problemLines(db.pragma('quick_check') as Record<string, string>[]);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && /CORRUPT|NOTADB/.test(code)) return [(err as Error).message];
    throw err;
  }
}

/** One problem per line, without SQLite's "*** in database main ***" headings: messages stay one line. */
function problemLines(rows: Record<string, string>[]): string[] {
  return rows
    .flatMap((r) => String(Object.values(r)[0] ?? '').split('\n'))
    .map((p) => p.trim())
    .filter((p) => p !== 'ok' && p !== '' && !/^\*\*\* in database/.test(p));
}

/** What an open reports when the file is damaged: the problems, and the backup that can replace it. */
export class DamagedLibraryError extends LibraryError {
  readonly file: string;
  readonly problems: string[];
  /** The newest backup that passed its own check, or null when there is none. */
  readonly backup: string | null;
  /** When that backup was taken (ISO time), or null. */
  readonly backupAt: string | null;
  constructor(file: string, problems: string[], backup: { file: string; at: string } | null) {
    const what = problems[0] ?? 'unknown damage';
    const more = problems.length > 1 ? ` and ${problems.length - 1} more problems` : '';
    const advice = backup
      ? `The newest good backup is ${backup.file} (made ${backup.at}); restore it with: lectern restore "${backup.file}"`
      : 'No good backup was found beside it; `lectern check` lists the damage.';
    const kind = /not a database/i.test(what) ? 'is damaged or is not a Lectern library' : 'is damaged';
    super(
      'conflict',
      `The library ${file} ${kind} (${what}${more}). Lectern did not change it and keeps it for inspection. ${advice}`,
    );
    this.name = 'DamagedLibraryError';
    this.file = file;
    this.problems = problems;
    this.backup = backup?.file ?? null;
    this.backupAt = backup?.at ?? null;
  }
}

/**
 * The quick check of an existing library file on its own read-only connection. Returns the problems (empty when
 * sound or new), or null when a read-only connection cannot tell: a crash left a hot rollback journal that only a
 * read-write connection may roll back, or the file cannot be opened read-only. The caller then checks on its own
 * read-write connection before writing anything.
 */
export function probeLibraryFile(file: string, nativeBinding?: string): string[] | null {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return [];
  }
  if (size === 0) return [];
  let probe: Db;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, ...bindingOption(nativeBinding) });
  } catch {
    return null;
  }
  try {
    probe.pragma('busy_timeout = 10000');
    return quickCheck(probe);
  } catch {
    return null;
  } finally {
    probe.close();
  }
}
