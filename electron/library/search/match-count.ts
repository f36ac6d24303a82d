/**
 * How many papers a `papers_fts` expression matches, remembered until the library changes: the ranking of one common
 * word, phrase or prefix (`ranked.ts`) picks its plan by it, and learns it on its way when nobody counted yet.
 */
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { signature } from './page-index';

/** The last few counts, kept while the library is unchanged. */
const REMEMBERED = 16;
const remembered = new WeakMap<Db, { signature: string; counts: Map<string, number> }>();

function memo(db: Db): Map<string, number> {
  const now = signature(db);
  let m = remembered.get(db);
  if (!m || m.signature !== now) {
    m = { signature: now, counts: new Map() };
    remembered.set(db, m);
  }
  return m.counts;
}

/** The count if it is known for the library as it is now. */
export function rememberedCount(db: Db, match: string): number | undefined {
  return memo(db).get(match);
}

function rememberCount(db: Db, match: string, n: number): void {
  const counts = memo(db);
  if (!counts.has(match) && counts.size >= REMEMBERED) counts.delete(counts.keys().next().value!);
  counts.set(match, n);
}

/**
 * The number of papers whose own text matches `match`, counted afresh (a listing's total is never read from memory,
 * so what it costs stays in sight) and remembered for the ranking, which picks its plan by it.
 */
export function matchCount(db: Db, match: string): number {
  const n = (cached(db, 'SELECT count(*) AS n FROM papers_fts WHERE papers_fts MATCH ?').get(match) as { n: number }).n;
  rememberCount(db, match, n);
  return n;
}
