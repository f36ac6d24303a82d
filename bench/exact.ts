/**
 * The reference ranking: every match scored by bm25 with the library's field weights and fully sorted. Whatever the
 * library does to answer faster, its top 50 is compared with this one.
 *
 * A paper's score is its own text's bm25 in `papers_fts` plus its annotations' bm25 in `notes_fts`, each 0 where that
 * index does not match (NULL when neither does: those come last). For a query that is only text, the own-text score
 * is for all the terms together and the annotations' for any of them; otherwise both are for any positive text term.
 * Computed here the plain way: every paper the query matches, joined to both scores, sorted.
 */
import type { Db } from '../electron/library/db/open';
import { compileUserQuery } from '../electron/library/search/list';
import { BM25, BM25_NOTES } from '../electron/library/search/ranked';

export const EXACT_BM25 = `${BM25} + ${BM25_NOTES}`;

export function exactTop(db: Db, query: string, limit = 50): number[] {
  const compiled = compileUserQuery(query);
  if (compiled.rankP === null && compiled.rankA === null) return [];
  const own = compiled.pureText ? compiled.pureText.pAll : compiled.rankP;
  const notes = compiled.pureText ? compiled.pureText.aAny : compiled.rankA;
  // `ORDER BY rowid LIMIT -1` keeps each scored list whole (read once), instead of one index lookup per paper.
  const sql =
    `SELECT p.id FROM papers p ` +
    `LEFT JOIN (SELECT rowid AS rid, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid LIMIT -1) r ` +
    `ON r.rid = p.id ` +
    `LEFT JOIN (SELECT rowid AS rid, ${BM25_NOTES} AS score FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid LIMIT -1) a ` +
    `ON a.rid = p.id WHERE ${compiled.where} ` +
    'ORDER BY r.score IS NULL AND a.score IS NULL, coalesce(r.score, 0) + coalesce(a.score, 0) ASC, p.id DESC LIMIT ?';
  // An expression no paper matches stands in for a missing one.
  const never = '"\u0001"';
  return db
    .prepare(sql)
    .pluck()
    .all(own ?? never, notes ?? never, ...compiled.params, limit) as number[];
}

/** Share of the exact top `limit` that the other list also has in its top `limit`. */
export function agreement(exact: number[], other: number[]): number {
  if (exact.length === 0) return 1;
  const mine = new Set(other);
  return exact.filter((id) => mine.has(id)).length / exact.length;
}
