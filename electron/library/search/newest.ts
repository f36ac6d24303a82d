/**
 * The first hits of a text query, newest (or oldest) first, as the list shows them while the user types.
 *
 * Sorting every match by date costs as much as the matches are many (hundreds of milliseconds for a common word at a
 * million papers). But ids grow as papers are added, and the index can list matches by id from either end almost for
 * free, so the k highest-id matches are nearly always the k newest. "Nearly": a merge keeps the older paper's date
 * and a clock can go backwards. So the answer is checked, exactly: a match missing from those k has a smaller id, so
 * (ties going to the higher id) it can only belong among the first k if its date is strictly newer than the oldest
 * of them; the date index lists exactly those candidates, and the ones that match join the k before the final sort.
 * The check reads only the papers added after that date: none when one import added them all at once, and few when
 * the query is common. A rare query has fewer than k matches, all of them already in hand.
 *
 * The matches found only through the annotations (`annotated.ts`) are taken the same way: their k highest ids join
 * the index's k before the first k by id are chosen, and a suspect among them counts as a match.
 */
import type { SortDirection } from '../../../shared/types';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { extraIds, extraIdsByEdge } from './annotated';
import type { TextGroup } from './compile';
import { newestInWindow } from './recent';

/** Past this many requested rows the plain sort is as good. */
export const NEWEST_MAX_ROWS = 1000;

interface Dated {
  id: number;
  added_at: string;
}

function dated(db: Db, ids: number[]): Dated[] {
  return cached(db, 'SELECT id, added_at FROM papers WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(ids),
  ) as Dated[];
}

export function newestIds(db: Db, group: TextGroup, direction: SortDirection, offset: number, limit: number): number[] {
  const k = offset + limit;
  const desc = direction === 'desc';
  const match = group.pAll;
  // A prefix, newest first, from the index of the newest papers when they hold the page (`recent.ts`).
  const fromWindow = match !== null && desc && match.includes('*') ? newestInWindow(db, match, k) : null;
  const fromIndex =
    match === null
      ? []
      : (fromWindow ??
        (cached(
          db,
          `SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid ${desc ? 'DESC' : 'ASC'} LIMIT ?`,
        )
          .pluck()
          .all(match, k) as number[]));
  // Only matches beyond the k-th of the index's can be among the first k; the index's own beyond it are all in hand.
  const extra = extraIdsByEdge(db, group, desc, k, fromIndex.length === k ? fromIndex[k - 1]! : null, fromIndex);
  const ids =
    extra.length === 0 ? fromIndex : [...fromIndex, ...extra].sort((a, b) => (desc ? b - a : a - b)).slice(0, k);
  const rows = dated(db, ids);
  if (ids.length === k) {
    // Papers out of id order that could belong among the first k: older id, date at least as far along.
    const edgeId = ids[ids.length - 1]!;
    let edgeDate = rows[0]!.added_at;
    for (const r of rows) if (desc ? r.added_at < edgeDate : r.added_at > edgeDate) edgeDate = r.added_at;
    const suspects = cached(
      db,
      desc
        ? 'SELECT id FROM papers INDEXED BY papers_sort_added WHERE added_at > ? AND id < ?'
        : 'SELECT id FROM papers INDEXED BY papers_sort_added WHERE added_at < ? AND id > ?',
    )
      .pluck()
      .all(edgeDate, edgeId) as number[];
    if (suspects.length > 0) {
      const matching =
        match === null
          ? []
          : (cached(
              db,
              'SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))',
            )
              .pluck()
              .all(match, JSON.stringify(suspects)) as number[]);
      if (group.pieces.length > 0) {
        // Rare (a merge or a clock gone back): the whole set beyond the index is read once.
        const others = new Set(extraIds(db, group));
        for (const id of suspects) if (others.has(id)) matching.push(id);
      }
      if (matching.length > 0) rows.push(...dated(db, matching));
    }
  }
  const sign = desc ? -1 : 1;
  rows.sort((a, b) => sign * (a.added_at < b.added_at ? -1 : a.added_at > b.added_at ? 1 : a.id - b.id));
  return rows.slice(offset, k).map((r) => r.id);
}
