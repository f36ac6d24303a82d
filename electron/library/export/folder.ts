/**
 * The one place export writes files. Every write goes to a plain file name directly inside a folder whose real path
 * was resolved first; a name with a separator or `..`, or one whose existing entry is a symbolic link, is refused,
 * so nothing outside the folder is ever touched. Files are written whole (temp file + rename), so a crash never
 * leaves half a note.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LibraryError } from '../errors';

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EROFS') return 'read-only file system';
  if (e.code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (e.code === 'EEXIST') return 'it is a file, not a folder';
  if (e.code === 'ENOSPC') return 'no space left on the device';
  return e.message ?? String(err);
}

export class ExportFolder {
  private constructor(readonly dir: string) {}

  /** Creates the folder if needed and checks it can be written; fails with a message naming the folder. */
  static open(dir: string): ExportFolder {
    const wanted = path.resolve(dir);
    try {
      fs.mkdirSync(wanted, { recursive: true });
    } catch (err) {
      throw new LibraryError('bad-input', `cannot export to ${wanted}: ${reason(err)}`);
    }
    let real: string;
    try {
      real = fs.realpathSync(wanted);
      if (!fs.statSync(real).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      fs.accessSync(real, fs.constants.W_OK);
    } catch (err) {
      throw new LibraryError('bad-input', `cannot export to ${wanted}: ${reason(err)}`);
    }
    return new ExportFolder(real);
  }

  /** The full path of a plain file name in the folder; throws for anything that could leave it. */
  pathOf(name: string): string {
    if (!name || name === '.' || name === '..' || name !== path.basename(name) || /[/\\\0]/.test(name)) {
      throw new LibraryError('bad-input', `refusing to write ${JSON.stringify(name)}: not a plain file name`);
    }
    const full = path.join(this.dir, name);
    if (path.dirname(full) !== this.dir) {
      throw new LibraryError('bad-input', `refusing to write ${JSON.stringify(name)}: outside ${this.dir}`);
    }
    return full;
  }

  /** What is at `name`: nothing, a regular file (with its text), or something Lectern will not write through. */
  inspect(name: string): { kind: 'missing' } | { kind: 'file'; text: string } | { kind: 'refused'; why: string } {
    const full = this.pathOf(name);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(full);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'refused', why: reason(err) };
    }
    if (st.isSymbolicLink()) return { kind: 'refused', why: 'it is a symbolic link (not followed)' };
    if (!st.isFile()) return { kind: 'refused', why: 'it is not a regular file' };
    try {
      return { kind: 'file', text: fs.readFileSync(full, 'utf8') };
    } catch (err) {
      return { kind: 'refused', why: reason(err) };
    }
  }

  /** Writes the whole file atomically. Renaming replaces a directory entry, never follows a link at the target. */
  write(name: string, text: string): void {
    const full = this.pathOf(name);
    const temp = this.pathOf(`.${name}.lectern-tmp-${process.pid}`);
    try {
      fs.rmSync(temp, { force: true });
      fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
      fs.renameSync(temp, full);
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw new LibraryError('bad-input', `cannot write ${full}: ${reason(err)}`);
    }
  }
}
