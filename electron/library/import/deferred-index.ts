/**
 * Big imports fill the full-text index once, at the end, instead of row by row through the triggers.
 *
 * Row by row, every new paper costs a trigger run and a small FTS5 write, and the index keeps merging its little
 * segments as they pile up. For an import of thousands of papers, the triggers are set aside for the new papers only
 * (temporary copies keep serving the papers that were already there, which a merge may update), the papers go in,
 * and one INSERT … SELECT then indexes all the new ones, with a larger in-memory buffer so FTS5 writes fewer, larger
 * segments. It all happens inside the import's own transaction: a crash or a kill rolls back the papers, the index
 * and the schema change together, so the import stays atomic and other connections never see the triggers missing.
 */
import { indexedAuthors } from '../db/columns';
import type { Db } from '../db/open';
import { IndexBuild } from './index-build';
import { RECENT_WINDOW } from '../search/recent';

/** Below this much imported text (about 1,500 papers with abstracts) the triggers are cheap enough. */
export const DEFERRED_INDEX_MIN_BYTES = 2 * 1024 * 1024;

/** The triggers that keep both full-text indexes in step (migration 004); the `_ai` ones act on inserts. */
const TRIGGERS = [
  'papers_fts_ai',
  'papers_fts_au',
  'papers_fts_ad',
  'notes_fts_ai',
  'notes_fts_au',
  'notes_fts_ad',
  'papers_recent_ai',
  'papers_recent_au',
  'papers_recent_ad',
] as const;
/**
 * Indexes only the listing reads (sort orders, filters). Inserting a row into each of them at a random place is most
 * of what a new paper costs in a big library; rebuilding one from sorted data is far cheaper, so when an import at
 * least doubles the library they are dropped and rebuilt at the end. The indexes duplicate detection reads during
 * the import (arXiv id, DOI, title key) are kept.
 */
const LISTING_INDEXES = /^papers_(sort_|status|starred)/;
/** FTS5's in-memory buffer of pending index entries, in bytes, while the new papers are indexed (default 1 MiB). */
export const HASH_SIZE = 64 * 1024 * 1024;
export const DEFAULT_HASH_SIZE = 1024 * 1024;
/** A rough size of one imported paper's text, to tell from the text's size whether an import is big. */
const BYTES_PER_PAPER = 1500;
/** The page cache while importing, in KiB: fewer dirty pages spilled (and rewritten) to the write-ahead log. */
const IMPORT_CACHE_KIB = 256 * 1024;

/** Given to the import: called between entries with how many went by, so a parallel index build is fed. */
export type ImportTick = (entries: number) => void;

const noTick: ImportTick = () => {};

/**
 * Runs `fn` (which inserts papers) with the index filled at the end when the import is big (`textLength`: the size
 * of the text being imported). Must be called inside a write transaction. Into an empty library, a big import's
 * index is built on a worker thread while `fn` runs (`index-build.ts`), fed through the tick `fn` is given;
 * `nativeBinding` is the better-sqlite3 binary that thread loads.
 */
export function withDeferredIndex<T>(
  db: Db,
  textLength: number,
  fn: (tick: ImportTick) => T,
  nativeBinding?: string,
): T {
  if (textLength < DEFERRED_INDEX_MIN_BYTES) return fn(noTick);
  const saved = db
    .prepare(
      `SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND name IN (${TRIGGERS.map(() => '?').join(', ')})`,
    )
    .all(...TRIGGERS) as { name: string; sql: string }[];
  if (saved.length !== TRIGGERS.length) return fn(noTick);
  const seq = db
    .prepare("SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'papers'")
    .pluck()
    .get() as number;
  const maxId = db.prepare('SELECT coalesce(max(id), 0) FROM papers').pluck().get() as number;
  // Every paper this import adds gets an id above this (ids are AUTOINCREMENT, never reused).
  const before = Math.max(seq, maxId);
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const hashRow = db.prepare("SELECT v FROM papers_fts_config WHERE k = 'hashsize'").pluck().get() as
    number | undefined;

  // The update and delete triggers, as temporary ones that only act on papers that were there before the import
  // (with their own condition, if they have one, kept): a merge updates such a paper. The insert triggers are not
  // kept: an import only inserts new papers, and merely running a trigger that does nothing (its condition false)
  // cost as much as inserting the row (1.1 s of CPU per 100,000 papers). Should a paper that was there before be
  // inserted again all the same, the count below notices it and it is indexed at the end.
  const kept = saved
    .filter((t) => !t.name.endsWith('_ai'))
    .map((t) =>
      t.sql
        .replace(/^CREATE TRIGGER (\w+)/, 'CREATE TEMP TRIGGER $1_kept')
        .replace(/ ON papers (?:WHEN (.*?) )?BEGIN/s, (_all, condition: string | undefined) => {
          const mine = `old.id <= ${before}`;
          return ` ON main.papers WHEN ${mine}${condition ? ` AND (${condition})` : ''} BEGIN`;
        }),
    );
  if (kept.some((sql) => !sql.includes('_kept') || !sql.includes(' WHEN '))) return fn(noTick);
  for (const t of saved) db.exec(`DROP TRIGGER main.${t.name}`);
  for (const sql of kept) db.exec(sql);
  const indexes =
    textLength / BYTES_PER_PAPER >= maxId
      ? (
          db
            .prepare(
              "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = 'papers' AND sql IS NOT NULL",
            )
            .all() as { name: string; sql: string }[]
        ).filter((i) => LISTING_INDEXES.test(i.name))
      : [];
  for (const i of indexes) db.exec(`DROP INDEX main.${i.name}`);
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  const countOld = db.prepare('SELECT count(*) FROM papers WHERE id <= ?').pluck();
  const oldPapers = countOld.get(before) as number;
  const build = IndexBuild.start(db, before, textLength, HASH_SIZE, nativeBinding);
  try {
    const result = fn(build ? (entries) => build.pump(entries) : noTick);
    const reinserted = (countOld.get(before) as number) !== oldPapers;
    // Built beside the import, the index is copied in; else (or should anything be amiss) it is built now.
    if (reinserted || !build?.finish()) {
      db.exec(`INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', ${HASH_SIZE})`);
      db.prepare(
        `INSERT INTO papers_fts(rowid, title, authors, abstract)
         SELECT id, title, ${indexedAuthors()}, coalesce(abstract, '') FROM papers WHERE id > ? ORDER BY id`,
      ).run(before);
      db.exec(`INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', ${Number(hashRow ?? DEFAULT_HASH_SIZE)})`);
    }
    // The annotation index holds only the papers with a tag or a note.
    db.prepare(
      `INSERT INTO notes_fts(rowid, tags, note)
       SELECT id, tags_text, note FROM papers WHERE id > ? AND (tags_text <> '' OR note <> '') ORDER BY id`,
    ).run(before);
    moveRecentWindow(db, before);
    if (reinserted) indexMissing(db, before);
    for (const t of saved) {
      if (!t.name.endsWith('_ai')) db.exec(`DROP TRIGGER temp.${t.name}_kept`);
      db.exec(t.sql);
    }
    // SQLite's sorter may use a second thread to build the indexes again (about 20% faster here).
    if (indexes.length > 0) db.pragma('threads = 2');
    for (const i of indexes) db.exec(i.sql);
    return result;
  } finally {
    build?.dispose();
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma('threads = 0');
  }
}

/**
 * The index of the newest papers (migration 007) after the import: its window moves on to the newest RECENT_WINDOW
 * papers if the import took it past twice that, its older entries deleted, and the new papers in it are indexed.
 */
function moveRecentWindow(db: Db, before: number): void {
  const threshold = db.prepare('SELECT threshold FROM papers_recent_window').pluck().get() as number;
  const newest = db.prepare('SELECT coalesce(max(id), 0) FROM papers').pluck().get() as number;
  let now = threshold;
  if (newest - threshold > 2 * RECENT_WINDOW) {
    now = newest - RECENT_WINDOW;
    // Only the papers that were there before are in it: the new ones were not indexed here yet.
    db.prepare(
      `INSERT INTO papers_recent_fts(papers_recent_fts, rowid, title, authors, abstract)
       SELECT 'delete', id, title, authors, abstract FROM papers_fts_source WHERE id > ? AND id <= ? AND id <= ?`,
    ).run(threshold, now, before);
    db.prepare('UPDATE papers_recent_window SET threshold = ?').run(now);
  }
  db.prepare(
    `INSERT INTO papers_recent_fts(rowid, title, authors, abstract)
     SELECT id, title, authors, abstract FROM papers_fts_source WHERE id > ? ORDER BY id`,
  ).run(Math.max(now, before));
}

/** Indexes the papers up to `before` that are missing from the full-text indexes (see `withDeferredIndex`). */
function indexMissing(db: Db, before: number): void {
  db.prepare(
    `INSERT INTO papers_fts(rowid, title, authors, abstract)
     SELECT id, title, ${indexedAuthors()}, coalesce(abstract, '') FROM papers
     WHERE id <= ? AND id NOT IN (SELECT id FROM papers_fts_docsize) ORDER BY id`,
  ).run(before);
  db.prepare(
    `INSERT INTO notes_fts(rowid, tags, note)
     SELECT id, tags_text, note FROM papers
     WHERE id <= ? AND (tags_text <> '' OR note <> '') AND id NOT IN (SELECT id FROM notes_fts_docsize) ORDER BY id`,
  ).run(before);
  db.prepare(
    `INSERT INTO papers_recent_fts(rowid, title, authors, abstract)
     SELECT id, title, authors, abstract FROM papers_fts_source
     WHERE id <= ? AND id > (SELECT threshold FROM papers_recent_window)
       AND id NOT IN (SELECT id FROM papers_recent_fts_docsize) ORDER BY id`,
  ).run(before);
}

/** After a big import: fold the write-ahead log back into the database and shrink it, so it does not stay huge. */
export function checkpointAfterImport(db: Db, textLength: number): void {
  if (textLength < DEFERRED_INDEX_MIN_BYTES) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A reader holding an old snapshot keeps the log; SQLite's automatic checkpoints finish the job later.
  }
}
