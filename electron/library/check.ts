/**
 * Integrity: SQLite's own check plus Lectern's (both full-text indexes in step with the papers, the annotation index
 * holding exactly the annotated papers, no orphans).
 */
import type { CheckReport } from '../../shared/types';
import type { Db } from './db/open';

const INDEXES = [
  ['papers_fts', 'search index'],
  ['notes_fts', 'tag and note search index'],
  ['papers_recent_fts', 'index of the newest papers'],
] as const;

/** The indexes this library has: one before migration 004 (a damaged file being rebuilt is checked as it was). */
function indexesOf(db: Db): (typeof INDEXES)[number][] {
  const names = new Set(
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('papers_fts', 'notes_fts', 'papers_recent_fts')",
      )
      .pluck()
      .all(),
  );
  return INDEXES.filter(([table]) => names.has(table));
}

/** The indexes refilled from their content views (the annotation index's view lists only annotated papers). */
function rebuildIndexes(db: Db): void {
  for (const [table] of indexesOf(db)) db.prepare(`INSERT INTO ${table}(${table}) VALUES ('rebuild')`).run();
}

/** The annotation index has an entry (a row of its size table) for exactly the papers with a tag or a note. */
function annotationEntries(db: Db, problems: string[]): void {
  const annotated = "(p.tags_text <> '' OR p.note <> '')";
  const unindexed = db
    .prepare(`SELECT count(*) FROM papers p WHERE ${annotated} AND p.id NOT IN (SELECT id FROM notes_fts_docsize)`)
    .pluck()
    .get() as number;
  if (unindexed > 0) problems.push(`${unindexed} papers with tags or a note are missing from the tag and note index`);
  const stray = db
    .prepare(
      `SELECT count(*) FROM notes_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = d.id AND ${annotated})`,
    )
    .pluck()
    .get() as number;
  if (stray > 0) problems.push(`${stray} entries of the tag and note index belong to no annotated paper`);
}

export function checkLibrary(db: Db, repair: boolean): CheckReport {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`sqlite: ${row.integrity_check}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`${fk.length} rows point at missing papers or tags`);
  const indexes = indexesOf(db);
  for (const [table, what] of indexes) {
    try {
      db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run();
    } catch (err) {
      problems.push(`${what} out of step with the papers: ${(err as Error).message}`);
    }
  }
  if (indexes.some(([table]) => table === 'notes_fts')) annotationEntries(db, problems);
  const staleTags = db
    .prepare(
      `SELECT count(*) AS n FROM papers p WHERE p.tags_text <> (SELECT coalesce(group_concat(t.name, ' '), '')
       FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id)`,
    )
    .get() as { n: number };
  if (staleTags.n > 0) problems.push(`${staleTags.n} papers have a stale tag index`);
  const orphans = db
    .prepare('SELECT count(*) AS n FROM history_papers WHERE history_id NOT IN (SELECT id FROM history)')
    .get() as { n: number };
  if (orphans.n > 0) problems.push(`${orphans.n} orphan undo records`);

  if (repair && problems.length > 0) {
    db.transaction(() => {
      // The indexes first: the tag fix-up below fires their update triggers, which need them in step.
      rebuildIndexes(db);
      db.prepare('DELETE FROM history_papers WHERE history_id NOT IN (SELECT id FROM history)').run();
      db.prepare(
        'DELETE FROM paper_tags WHERE paper_id NOT IN (SELECT id FROM papers) OR tag_id NOT IN (SELECT id FROM tags)',
      ).run();
      db.prepare(
        `UPDATE papers SET tags_text = (SELECT coalesce(group_concat(t.name, ' '), '')
         FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = papers.id)`,
      ).run();
      rebuildIndexes(db);
    }).immediate();
    const after = checkLibrary(db, false);
    return { ok: after.ok, problems: [...problems.map((p) => `repaired: ${p}`), ...after.problems] };
  }
  return { ok: problems.length === 0, problems };
}
