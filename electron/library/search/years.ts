/**
 * The first papers of a `year:` view in the order they were added (newest first while the user types), read from the
 * index on (year, added_at) (migration 005): each year of the range lists its own first papers in that order, and
 * the first of all of them are the first of the view. No paper outside those lists can come before them, so the
 * answer is exact whatever the dates, in or out of id order.
 *
 * The general plan sorted every paper of the range by date: a year is about a twelfth of a library and its papers
 * were rarely among the newest added, so walking the date index did not find them early either.
 */
import type { SortDirection } from '../../../shared/types';
import type { Db } from '../db/open';
import { cached } from '../db/statements';

/** Past this many rows read from the year lists (years in the range × rows asked for), another plan is cheaper. */
const MAX_ROWS = 20_000;

interface Dated {
  id: number;
  added_at: string;
}

/** The distinct years in the range, ascending, each found by one index seek; null past `max` of them. */
function yearsIn(db: Db, from: number | null, to: number | null, max: number): number[] | null {
  const first = cached(db, 'SELECT min(year) FROM papers WHERE year >= ? AND year <= ?').pluck();
  const next = cached(db, 'SELECT min(year) FROM papers WHERE year > ? AND year <= ?').pluck();
  const high = to ?? Number.MAX_VALUE;
  const years: number[] = [];
  let year = first.get(from ?? -Number.MAX_VALUE, high) as number | null;
  while (year !== null) {
    if (years.length === max) return null;
    years.push(year);
    year = next.get(year, high) as number | null;
  }
  return years;
}

/**
 * Ids of the papers at `offset`..`offset + limit` of a year range in date-added order (ties by id, as everywhere), or
 * null when the range holds so many distinct years that reading each one's list would cost more than the general
 * plan.
 */
export function newestInYears(
  db: Db,
  range: { from: number | null; to: number | null },
  direction: SortDirection,
  offset: number,
  limit: number,
): number[] | null {
  const k = offset + limit;
  if (k <= 0) return [];
  const years = yearsIn(db, range.from, range.to, Math.floor(MAX_ROWS / k));
  if (years === null) return null;
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const list = cached(
    db,
    `SELECT id, added_at FROM papers INDEXED BY papers_year_added WHERE year = ?
     ORDER BY added_at ${dir}, id ${dir} LIMIT ?`,
  );
  const rows: Dated[] = [];
  for (const year of years) rows.push(...(list.all(year, k) as Dated[]));
  if (years.length > 1) {
    const sign = direction === 'asc' ? 1 : -1;
    rows.sort((a, b) => sign * (a.added_at < b.added_at ? -1 : a.added_at > b.added_at ? 1 : a.id - b.id));
  }
  return rows.slice(offset, k).map((r) => r.id);
}
