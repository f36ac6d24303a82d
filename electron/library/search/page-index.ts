/**
 * Deep pages of the whole library without OFFSET's cost. OFFSET steps over every skipped row: at a million papers the
 * middle page took tens of milliseconds. Instead, for each sort order we remember the (key, id) of every 512th paper,
 * found once by one pass over the sort index, and a page at any offset starts from the nearest remembered position
 * with index ranges, skipping at most 511 rows.
 *
 * The positions are exact only while the library is unchanged, so they are dropped whenever anything was written, by
 * this connection (total_changes) or another process (data_version), and rebuilt on the next deep page.
 */
import type { SortDirection } from '../../../shared/types';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { orderBy, SORT_KEY, type ListSort } from './sort';

const STRIDE = 512;

interface Fences {
  keys: unknown[];
  ids: number[];
}

interface State {
  signature: string;
  total: number | null;
  fences: Map<string, Fences>;
}

const states = new WeakMap<Db, State>();

/** Rows this connection changed in its own temporary scratch tables, which are no change to the library. */
const scratchChanges = new WeakMap<Db, number>();

/**
 * Tells `signature` that `n` of the connection's changes were to temporary scratch tables (the snippets' index):
 * counted by total_changes() like any other, they would make every search with snippets forget what is remembered.
 */
export function discountScratchChanges(db: Db, n: number): void {
  scratchChanges.set(db, (scratchChanges.get(db) ?? 0) + n);
}

/** Changes whenever the library does: written by this connection (total_changes) or another (data_version). */
export function signature(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = (cached(db, 'SELECT total_changes() AS n').get() as { n: number }).n - (scratchChanges.get(db) ?? 0);
  return `${version}:${changes}`;
}

function state(db: Db): State {
  const now = signature(db);
  let s = states.get(db);
  if (!s || s.signature !== now) {
    s = { signature: now, total: null, fences: new Map() };
    states.set(db, s);
  }
  return s;
}

/** How many papers the library holds, remembered until the next change. */
export function libraryTotal(db: Db): number {
  const s = state(db);
  if (s.total === null) s.total = (cached(db, 'SELECT count(*) AS n FROM papers').get() as { n: number }).n;
  return s.total;
}

function fences(db: Db, sort: ListSort, direction: SortDirection): Fences {
  const s = state(db);
  const name = `${sort}:${direction}`;
  let f = s.fences.get(name);
  if (!f) {
    // One pass in SQLite over the sort index; only every STRIDE-th row comes back to JavaScript.
    const rows = cached(
      db,
      `SELECT k, id FROM (SELECT ${SORT_KEY[sort]} AS k, p.id AS id, row_number() OVER (ORDER BY ${orderBy(sort, direction)}) AS rn
       FROM papers p) WHERE (rn - 1) % ${STRIDE} = 0`,
    )
      .raw()
      .all() as [unknown, number][];
    f = { keys: rows.map((r) => r[0]), ids: rows.map((r) => r[1]) };
    s.fences.set(name, f);
  }
  return f;
}

/** Ids of one page of the whole library in the given order. */
export function pageOfAll(db: Db, sort: ListSort, direction: SortDirection, offset: number, limit: number): number[] {
  const order = orderBy(sort, direction);
  if (offset < STRIDE) {
    return cached(db, `SELECT p.id FROM papers p ORDER BY ${order} LIMIT ? OFFSET ?`)
      .pluck()
      .all(limit, offset) as number[];
  }
  const f = fences(db, sort, direction);
  const j = Math.min(Math.floor(offset / STRIDE), f.ids.length - 1);
  if (j < 0) return [];
  const [cmp, after] = direction === 'asc' ? ['>=', '>'] : ['<=', '<'];
  const key = SORT_KEY[sort];
  const skip = offset - j * STRIDE;
  // From the remembered paper: first the papers sharing its key (an index range on key = ? and id), then those
  // after its key (a range on key). Two ranges, because SQLite does not search an index on an expression or with a
  // collation by a (key, id) row value, and a reading status is shared by most of the library.
  const same = cached(
    db,
    `SELECT p.id FROM papers p WHERE ${key} = ? AND p.id ${cmp} ? ORDER BY p.id ${direction === 'asc' ? 'ASC' : 'DESC'} LIMIT ?`,
  )
    .pluck()
    .all(f.keys[j], f.ids[j], skip + limit) as number[];
  if (same.length >= skip + limit) return same.slice(skip);
  const rest = cached(db, `SELECT p.id FROM papers p WHERE ${key} ${after} ? ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(f.keys[j], skip + limit - Math.max(skip, same.length), Math.max(0, skip - same.length)) as number[];
  return [...same.slice(skip), ...rest];
}
