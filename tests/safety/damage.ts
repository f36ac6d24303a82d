/** Doing damage on purpose: the ways a library file gets hurt in the wild, applied to a closed library. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { indexedAuthors } from '../../electron/library/db/columns';

/** Folds the WAL into the main file so byte surgery on it means what it says. */
export function settle(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Overwrites the first page of a b-tree (an index, or a table) with garbage, as a torn or misdirected write would. */
export function overwriteRootPage(file: string, objectName: string): void {
  settle(file);
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(objectName) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (row.rootpage - 1) * pageSize);
  fs.closeSync(fd);
}

/** Cuts the file, as a copy interrupted half way or a full disk during a naive copy would. */
export function truncateTo(file: string, fraction: number): void {
  settle(file);
  fs.truncateSync(file, Math.floor(fs.statSync(file).size * fraction));
}

/** Removes papers from the search index behind the triggers' back: the index is out of step, the file is sound. */
export function dropIndexRows(file: string, ids: number[]): void {
  const db = new Database(file);
  const drop = db.prepare(
    `INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract)
     SELECT 'delete', id, title, ${indexedAuthors()}, coalesce(abstract, '') FROM papers WHERE id = ?`,
  );
  for (const id of ids) drop.run(id);
  db.close();
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
