/**
 * Rebuilding a damaged library into a fresh file: the schema is re-created from the damaged file's own definitions,
 * every table is re-read by scanning its rows (never through its possibly damaged indexes), then indexes, triggers
 * and the search index are built anew. Rows on unreadable pages are skipped and counted, never invented.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './db/open';
import { checkLibrary } from './check';

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

/** FTS5's own tables: re-created by the virtual table and refilled by 'rebuild', never copied. */
function isShadow(name: string, virtualTables: string[]): boolean {
  return virtualTables.some((v) => name.startsWith(`${v}_`));
}

function copyTable(fresh: Db, name: string, rowid: boolean): number {
  const quoted = `"${name.replace(/"/g, '""')}"`;
  try {
    fresh.prepare(`INSERT INTO main.${quoted} SELECT * FROM damaged.${quoted}`).run();
    return 0;
  } catch {
    fresh.prepare(`DELETE FROM main.${quoted}`).run();
  }
  if (!rowid) return -1;
  // Page by page: a damaged page loses the rows on it, the rest still come through.
  let lost = 0;
  let max = 0;
  try {
    max = (fresh.prepare(`SELECT max(rowid) AS m FROM damaged.${quoted}`).get() as { m: number | null }).m ?? 0;
  } catch {
    return -1;
  }
  const chunk = fresh.prepare(`INSERT INTO main.${quoted} SELECT * FROM damaged.${quoted} WHERE rowid BETWEEN ? AND ?`);
  for (let from = 1; from <= max; from += 50) {
    try {
      chunk.run(from, from + 49);
    } catch {
      lost++;
    }
  }
  return lost;
}

/** Writes the rebuilt library to `dest` (a new file) and says what could not be saved. */
export function rebuildInto(damagedFile: string, dest: string): string[] {
  // Read from a copy: attached read-write, SQLite could checkpoint a WAL into the damaged original on close.
  const copy = `${dest}-source`;
  fs.copyFileSync(damagedFile, copy);
  if (fs.existsSync(`${damagedFile}-wal`)) fs.copyFileSync(`${damagedFile}-wal`, `${copy}-wal`);
  const fresh = new Database(dest);
  const losses: string[] = [];
  try {
    fresh.prepare('ATTACH DATABASE ? AS damaged').run(copy);
    const schema = fresh
      .prepare("SELECT type, name, sql FROM damaged.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
      .all() as SchemaRow[];
    const version = fresh.pragma('damaged.user_version', { simple: true }) as number;
    const virtualTables = schema.filter((s) => /^CREATE VIRTUAL TABLE/i.test(s.sql ?? '')).map((s) => s.name);
    const tables = schema.filter((s) => s.type === 'table' && !isShadow(s.name, virtualTables));
    fresh.transaction(() => {
      for (const t of tables) fresh.exec(t.sql!);
      for (const t of tables) {
        if (virtualTables.includes(t.name)) continue;
        const lost = copyTable(fresh, t.name, !/WITHOUT ROWID\s*$/i.test(t.sql!));
        if (lost !== 0)
          losses.push(`table ${t.name}: ${lost < 0 ? 'unreadable' : `${lost} damaged stretches of rows`} lost`);
      }
      const seq = fresh.prepare("SELECT 1 FROM damaged.sqlite_master WHERE name = 'sqlite_sequence'").get();
      if (seq)
        fresh.exec(
          'DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM damaged.sqlite_sequence',
        );
      for (const s of schema) if (s.type !== 'table') fresh.exec(s.sql!);
      fresh.pragma(`user_version = ${version}`);
    })();
    fresh.prepare('DETACH DATABASE damaged').run();
    const after = checkLibrary(fresh, true);
    if (!after.ok) losses.push(...after.problems.filter((p) => !p.startsWith('repaired: ')));
    fresh.pragma('journal_mode = WAL');
    return losses;
  } finally {
    fresh.close();
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
  }
}
