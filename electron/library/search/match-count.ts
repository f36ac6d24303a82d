/**
 * How many papers a `papers_fts` expression matches, remembered until the library changes: the ranking of one common
 * word, phrase or prefix (`ranked.ts`) picks its plan by it, and learns it on its way when nobody counted yet. Also
 * a listing's total, for the pages after its first (`list.ts`).
 */
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { signature } from './page-index';

/** The last few counts, kept while the library is unchanged. */
const REMEMBERED = 16;
const remembered = new WeakMap<Db, { signature: string; counts: Map<string, number>; totals: Map<string, number> }>();

function memo(db: Db): { counts: Map<string, number>; totals: Map<string, number> } {
  const now = signature(db);
  let m = remembered.get(db);
  if (!m || m.signature !== now) {
    m = { signature: now, counts: new Map(), totals: new Map() };
    remembered.set(db, m);
  }
  return m;
}

function remember(map: Map<string, number>, key: string, n: number): void {
  if (!map.has(key) && map.size >= REMEMBERED) map.delete(map.keys().next().value!);
  map.set(key, n);
}

/** The count if it is known for the library as it is now. */
export function rememberedCount(db: Db, match: string): number | undefined {
  return memo(db).counts.get(match);
}

/** A listing's total (by its query as typed) if it was counted for the library as it is now. */
export function rememberedTotal(db: Db, query: string): number | undefined {
  return memo(db).totals.get(query);
}

export function rememberTotal(db: Db, query: string, n: number): void {
  remember(memo(db).totals, query, n);
}

/**
 * The number of papers whose own text matches `match`, counted afresh (a listing's total is never read from memory,
 * so what it costs stays in sight) and remembered for the ranking, which picks its plan by it.
 */
export function matchCount(db: Db, match: string): number {
  const n = (cached(db, 'SELECT count(*) AS n FROM papers_fts WHERE papers_fts MATCH ?').get(match) as { n: number }).n;
  remember(memo(db).counts, match, n);
  return n;
}
