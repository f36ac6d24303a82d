/** Integrity: SQLite's own check plus Lectern's (FTS index in step with the papers, no orphans). */
import type { CheckReport } from '../../shared/types';
import type { Db } from './db/open';

export function checkLibrary(db: Db, repair: boolean): CheckReport {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`sqlite: ${row.integrity_check}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`${fk.length} rows point at missing papers or tags`);
  try {
    db.prepare("INSERT INTO papers_fts(papers_fts, rank) VALUES ('integrity-check', 1)").run();
  } catch (err) {
    problems.push(`search index out of step with the papers: ${(err as Error).message}`);
  }
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
      // The index first: the tag fix-up below fires the index's update trigger, which needs the index in step.
      db.prepare("INSERT INTO papers_fts(papers_fts) VALUES ('rebuild')").run();
      db.prepare('DELETE FROM history_papers WHERE history_id NOT IN (SELECT id FROM history)').run();
      db.prepare(
        'DELETE FROM paper_tags WHERE paper_id NOT IN (SELECT id FROM papers) OR tag_id NOT IN (SELECT id FROM tags)',
      ).run();
      db.prepare(
        `UPDATE papers SET tags_text = (SELECT coalesce(group_concat(t.name, ' '), '')
         FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = papers.id)`,
      ).run();
      db.prepare("INSERT INTO papers_fts(papers_fts) VALUES ('rebuild')").run();
    }).immediate();
    const after = checkLibrary(db, false);
    return { ok: after.ok, problems: [...problems.map((p) => `repaired: ${p}`), ...after.problems] };
  }
  return { ok: problems.length === 0, problems };
}
