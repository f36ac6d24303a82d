/**
 * The reference ranking: every match scored by bm25 with the library's field weights and fully sorted. Whatever the
 * library does to answer faster, its top 50 is compared with this one.
 */
import type { Db } from '../electron/library/db/open';
import { compileUserQuery } from '../electron/library/search/list';

export const EXACT_BM25 = 'bm25(papers_fts, 10.0, 4.0, 1.0, 3.0, 2.0)';

export function exactTop(db: Db, query: string, limit = 50): number[] {
  const compiled = compileUserQuery(query);
  if (compiled.rankMatch === null) return [];
  const join = compiled.rankRequired ? 'JOIN' : 'LEFT JOIN';
  const sql =
    `SELECT p.id FROM papers p ${join} (SELECT rowid AS rid, ${EXACT_BM25} AS score FROM papers_fts ` +
    `WHERE papers_fts MATCH ?) r ON r.rid = p.id WHERE ${compiled.where} ` +
    'ORDER BY r.score IS NULL, r.score ASC, p.id DESC LIMIT ?';
  return db
    .prepare(sql)
    .pluck()
    .all(compiled.rankMatch, ...compiled.params, limit) as number[];
}

/** Share of the exact top `limit` that the other list also has in its top `limit`. */
export function agreement(exact: number[], other: number[]): number {
  if (exact.length === 0) return 1;
  const mine = new Set(other);
  return exact.filter((id) => mine.has(id)).length / exact.length;
}
