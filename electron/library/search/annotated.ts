/**
 * The matches of a text query that only the annotation index finds: annotated papers (a tag or a note) matching the
 * query through their annotations, and not through their own text alone. These are the matches beyond the single
 * papers_fts MATCH the fast paths read (`compile.ts` explains the pieces); each piece is read as one ordered merge of
 * FTS5 scans, which stops as soon as it has enough rows. A lookup of single rows in an FTS5 index costs about 0.1 ms
 * each, so checking the annotated candidates one by one would cost seconds when a tag is also a common word.
 */
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { pieceSelect, type Piece, type TextGroup } from './compile';
import { signature } from './page-index';

/** The last few sets computed, kept while the library is unchanged: a listing and its count both need one. */
const REMEMBERED = 8;
const remembered = new WeakMap<Db, { signature: string; sets: Map<string, number[]> }>();

/** A piece's matches outside `pAll`, in rowid order, within `range` (a condition on rowid, or ''). */
function pieceQuery(
  group: TextGroup,
  piece: Piece,
  order: 'ASC' | 'DESC',
  range: string,
  rangeParams: unknown[],
): { sql: string; params: unknown[] } {
  const { sql, params } = pieceSelect(piece, range, rangeParams);
  if (group.pAll === null) return { sql: `${sql} ORDER BY 1 ${order}`, params };
  return {
    sql: `${sql} EXCEPT SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?${range} ORDER BY 1 ${order}`,
    params: [...params, group.pAll, ...rangeParams],
  };
}

/** Every match beyond `pAll`, ascending ids. */
export function extraIds(db: Db, group: TextGroup): number[] {
  if (group.pieces.length === 0) return [];
  const now = signature(db);
  let memo = remembered.get(db);
  if (!memo || memo.signature !== now) {
    memo = { signature: now, sets: new Map() };
    remembered.set(db, memo);
  }
  const key = JSON.stringify(group);
  let ids = memo.sets.get(key);
  if (!ids) {
    ids = computeExtraIds(db, group);
    if (memo.sets.size >= REMEMBERED) memo.sets.delete(memo.sets.keys().next().value!);
    memo.sets.set(key, ids);
  }
  return ids;
}

function computeExtraIds(db: Db, group: TextGroup): number[] {
  const lists = group.pieces.map((piece) => {
    const q = pieceQuery(group, piece, 'ASC', '', []);
    return cached(db, q.sql)
      .pluck()
      .all(...q.params) as number[];
  });
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/**
 * The first `k` matches beyond `pAll` by id, highest first when `desc`, among those beyond `edge` (an id the caller
 * already has k matches up to, or null): each merge then reads only the end of the indexes it needs.
 */
export function extraIdsByEdge(db: Db, group: TextGroup, desc: boolean, k: number, edge: number | null): number[] {
  if (group.pieces.length === 0 || k <= 0) return [];
  const range = edge === null ? '' : desc ? ' AND rowid > ?' : ' AND rowid < ?';
  const rangeParams = edge === null ? [] : [edge];
  const lists = group.pieces.map((piece) => {
    const q = pieceQuery(group, piece, desc ? 'DESC' : 'ASC', range, rangeParams);
    return cached(db, `${q.sql} LIMIT ?`)
      .pluck()
      .all(...q.params, k) as number[];
  });
  if (lists.length === 1) return lists[0]!;
  const sign = desc ? -1 : 1;
  return [...new Set(lists.flat())].sort((a, b) => sign * (a - b)).slice(0, k);
}
