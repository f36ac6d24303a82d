/**
 * Relevance ranking: bm25 with field weights, best first.
 *
 * A query that is only text is ranked inside the index: FTS5 scores its matches and keeps the best page, and only
 * that page's papers are read afterwards. Joining every match to the papers table before sorting (the general plan,
 * still used when the query also filters by tag, status, year...) cost about four times more.
 */
import type { SortDirection } from '../../../shared/types';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import type { Compiled } from './compile';

/** Field weights (title, authors, abstract, tags, note): a title match outranks an author, tag or note match, which
 *  outrank the abstract. */
export const BM25 = 'bm25(papers_fts, 10.0, 4.0, 1.0, 3.0, 2.0)';

export interface Scored {
  id: number;
  /** bm25: lower is better. */
  score: number | null;
}

export function rankedPage(
  db: Db,
  compiled: Compiled,
  direction: SortDirection,
  offset: number,
  limit: number,
): Scored[] {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  if (compiled.pureText !== null) {
    // The same phrases as `rankMatch` (ANDed instead of ORed), so the same scores; ties go to the newer paper.
    return cached(
      db,
      `SELECT rowid AS id, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ? ORDER BY score ${dir}, rowid DESC
       LIMIT ? OFFSET ?`,
    ).all(compiled.pureText, limit, offset) as Scored[];
  }
  const join = compiled.rankRequired ? 'JOIN' : 'LEFT JOIN';
  // Papers matched only by non-text terms (an OR with a tag, say) have no score and come last.
  return cached(
    db,
    `SELECT p.id AS id, r.score AS score FROM papers p ${join}
       (SELECT rowid AS rid, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ?) r ON r.rid = p.id
     WHERE ${compiled.where} ORDER BY r.score IS NULL, r.score ${dir}, p.id DESC LIMIT ? OFFSET ?`,
  ).all(compiled.rankMatch, ...compiled.params, limit, offset) as Scored[];
}
