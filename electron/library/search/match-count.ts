/**
 * How many papers a `papers_fts` expression matches, remembered until the library changes: the ranking of one common
 * word, phrase or prefix (`ranked.ts`) picks its plan by it, and learns it on its way when nobody counted yet.
 */
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { remember, remembered } from './remembered';

/** The count if it is known for the library as it is now. */
export function rememberedCount(db: Db, match: string): number | undefined {
  return remembered(db).counts.get(match);
}

/**
 * The number of papers whose own text matches `match`, counted afresh (a listing's first page never reads its total
 * from memory, so what it costs stays in sight) and remembered for the ranking, which picks its plan by it.
 */
export function matchCount(db: Db, match: string): number {
  const n = (cached(db, 'SELECT count(*) AS n FROM papers_fts WHERE papers_fts MATCH ?').get(match) as { n: number }).n;
  remember(remembered(db).counts, match, n);
  return n;
}
