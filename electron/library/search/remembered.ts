/**
 * What the search remembers while the library is unchanged: counts of index expressions (`match-count.ts`), a
 * listing's total for the pages after its first (`list.ts`), and the proven order of a ranking (`ranked.ts`). All of
 * it is dropped at the next change, by this connection or another process (`signature`).
 */
import type { Db } from '../db/open';
import type { Scored } from './ranked';
import { signature } from './page-index';

/** The last few of each, kept while the library is unchanged. */
const REMEMBERED = 16;

/** A ranking's first rows, in order, and how many of them are proven to be the whole library's first. */
export interface RememberedRanking {
  rows: Scored[];
  exact: number;
}

interface Memo {
  signature: string;
  counts: Map<string, number>;
  totals: Map<string, number>;
  rankings: Map<string, RememberedRanking>;
}

const memos = new WeakMap<Db, Memo>();

export function remembered(db: Db): Omit<Memo, 'signature'> {
  const now = signature(db);
  let m = memos.get(db);
  if (!m || m.signature !== now) {
    m = { signature: now, counts: new Map(), totals: new Map(), rankings: new Map() };
    memos.set(db, m);
  }
  return m;
}

/** Keeps `value` under `key`, forgetting the oldest entry past the last `keep`. */
export function remember<T>(map: Map<string, T>, key: string, value: T, keep = REMEMBERED): void {
  if (!map.has(key) && map.size >= keep) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** A listing's total (by its query as typed) if it was counted for the library as it is now. */
export function rememberedTotal(db: Db, query: string): number | undefined {
  return remembered(db).totals.get(query);
}

export function rememberTotal(db: Db, query: string, n: number): void {
  remember(remembered(db).totals, query, n);
}

/**
 * Forgets the rankings remembered: the benchmark measures each ranking afresh, as the first page of a query costs,
 * not as the same query asked again in an unchanged library.
 */
export function forgetRankings(db: Db): void {
  remembered(db).rankings.clear();
}
