/**
 * The matches of a text query that only the annotation index finds: annotated papers (a tag or a note) matching the
 * query through their annotations, and not through their own text alone. These are the matches beyond the single
 * papers_fts MATCH the fast paths read (`compile.ts` explains the pieces); each piece is read as one ordered merge of
 * FTS5 scans, which stops as soon as it has enough rows. A lookup of single rows in an FTS5 index costs about 0.1 ms
 * each, so checking the annotated candidates one by one would cost seconds when a tag is also a common word.
 */
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { P_SELECT, type TextGroup } from './compile';

function pieceSql(group: TextGroup, sql: string, order: 'ASC' | 'DESC', limited: boolean): string {
  const except = group.pAll !== null ? ` EXCEPT ${P_SELECT}` : '';
  return `${sql}${except} ORDER BY 1 ${order}${limited ? ' LIMIT ?' : ''}`;
}

function pieceParams(group: TextGroup, params: string[]): string[] {
  return group.pAll !== null ? [...params, group.pAll] : params;
}

/** Every match beyond `pAll`, ascending ids. */
export function extraIds(db: Db, group: TextGroup): number[] {
  if (group.pieces.length === 0) return [];
  const lists = group.pieces.map(
    (piece) =>
      cached(db, pieceSql(group, piece.sql, 'ASC', false))
        .pluck()
        .all(...pieceParams(group, piece.params)) as number[],
  );
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/** The first `k` matches beyond `pAll` by id, highest first when `desc`. */
export function extraIdsByEdge(db: Db, group: TextGroup, desc: boolean, k: number): number[] {
  if (group.pieces.length === 0 || k <= 0) return [];
  const order = desc ? 'DESC' : 'ASC';
  const lists = group.pieces.map(
    (piece) =>
      cached(db, pieceSql(group, piece.sql, order, true))
        .pluck()
        .all(...pieceParams(group, piece.params), k) as number[],
  );
  if (lists.length === 1) return lists[0]!;
  const sign = desc ? -1 : 1;
  return [...new Set(lists.flat())].sort((a, b) => sign * (a - b)).slice(0, k);
}
