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
 * The matches beyond `pAll` that can be among the first `k` of all a group's matches by id (highest first when
 * `desc`), given `edge`: the id the caller already has k `pAll` matches up to, or null when it has them all. Only ids
 * beyond the edge can be, and among each piece's matches only its first k: one past them has k matches before it.
 *
 * `inIndex` must hold every `pAll` match beyond `edge`, as the caller has just read them from the index. They are
 * left out here by id; leaving them out by searching the index again (`EXCEPT ... MATCH`) cost as much as reading them
 * the first time, which for a prefix is the whole expansion merged once more (`gen*`: 4.6 of 10 ms at 100,000 papers).
 *
 * A piece of one index is read without the edge as a rowid condition, and its first k rows are cut at the edge
 * instead: with that condition FTS5 walked the doclist instead of seeking (`"language models"` in the notes, ids
 * beyond 999,948 of a million: 4.3 ms with it, 0.06 ms for the last 50 rows without). Those k rows hold every match
 * of the piece beyond the edge that can count, so the answer is the same. A piece joining both indexes (INTERSECT)
 * keeps the condition, which bounds the merge (`across` in the notes and `execute` in the text: 0.2 ms with it,
 * 12.5 ms without).
 */
export function extraIdsByEdge(
  db: Db,
  group: TextGroup,
  desc: boolean,
  k: number,
  edge: number | null,
  inIndex: readonly number[],
): number[] {
  if (group.pieces.length === 0 || k <= 0) return [];
  const range = edge === null ? '' : desc ? ' AND rowid > ?' : ' AND rowid < ?';
  const rangeParams = edge === null ? [] : [edge];
  const beyond = (id: number) => edge === null || (desc ? id > edge : id < edge);
  const known = new Set(inIndex);
  const lists = group.pieces.map((piece) => {
    const oneIndex = piece.arms.length === 1;
    const { sql, params } = oneIndex ? pieceSelect(piece) : pieceSelect(piece, range, rangeParams);
    const rows = cached(db, `${sql} ORDER BY 1 ${desc ? 'DESC' : 'ASC'} LIMIT ?`)
      .pluck()
      .all(...params, k) as number[];
    return rows.filter((id) => beyond(id) && !known.has(id));
  });
  if (lists.length === 1) return lists[0]!.slice(0, k);
  const sign = desc ? -1 : 1;
  return [...new Set(lists.flat())].sort((a, b) => sign * (a - b)).slice(0, k);
}
