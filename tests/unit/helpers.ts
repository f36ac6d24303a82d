import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from '../../electron/library';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The real-world fixtures shared by the team, beside the repository. */
export const FIXTURES = process.env['LECTERN_FIXTURES'] ?? path.resolve(ROOT, '../shared/fixtures');
export const TRENDING = path.join(FIXTURES, 'hf-papers/trending-page.txt');

export function tempDir(prefix = 'lectern-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh library file in its own temp folder, with a clock that ticks one second per call. */
export function tempLibrary(): { library: Library; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'library.sqlite');
  let t = Date.UTC(2026, 0, 1);
  const library = openLibrary({ path: file, now: () => new Date((t += 1000)) });
  return { library, file, dir };
}
