/**
 * Compiles the query language's syntax tree to an SQL condition over `papers p`, with bound parameters only.
 * Text terms become FTS5 MATCH expressions; the same tokenizer indexes and queries, so normalization agrees.
 *
 * Two indexes hold the text (migration 004): `papers_fts` the paper's own (title, authors, abstract) and `notes_fts`
 * the user's annotations (tags, note), for annotated papers only. A bare term matches a paper when it is in either;
 * `title:`, `author:` and `abstract:` look only in `papers_fts`, `note:` only in `notes_fts`. For an AND of text terms
 * t1..tn the matches are exactly
 *
 *   P(t1 AND … AND tn)  ∪  ⋃ over non-empty S ⊆ {terms}:  A(AND of S) ∩ P(AND of the other terms)
 *
 * (P: papers_fts, A: notes_fts): a paper matches when each term is in one of its two entries, and the pieces
 * enumerate which terms its annotations carry. The first part is the single MATCH that listed a text query before the
 * split; the pieces are small (annotated papers only) and each is one merge of two ordered FTS5 scans.
 */
import type { QueryNode, TextField } from '../../../shared/query/ast';
import { READING_STATUSES } from '../../../shared/types';
import { SORT_KEY } from './sort';

/** One FTS5 scan of a piece: its index, its expression, and an optional further condition on the row. */
export interface Arm {
  table: 'papers_fts' | 'notes_fts';
  match: string;
  filter?: { sql: string; params: string[] };
}

/** One piece of a text group's annotated matches: the rowids its arms all list (the first over notes_fts). */
export interface Piece {
  arms: Arm[];
}

/**
 * A piece as one SELECT of rowids, each arm restricted by `range` (a condition on `rowid` with its parameters, or
 * ''), so that an ordered merge can start where it is needed. Returns the SQL and its parameters in order.
 */
export function pieceSelect(piece: Piece, range = '', rangeParams: unknown[] = []): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = piece.arms
    .map((arm) => {
      params.push(arm.match, ...rangeParams, ...(arm.filter?.params ?? []));
      return `SELECT rowid FROM ${arm.table} WHERE ${arm.table} MATCH ?${range}${arm.filter ? ` AND ${arm.filter.sql}` : ''}`;
    })
    .join(' INTERSECT ');
  return { sql, params };
}

/** An AND of text terms, split across the two indexes. */
export interface TextGroup {
  /** The papers_fts expression of all the terms together; null when a term cannot match there (`note:`). */
  pAll: string | null;
  /** The annotated papers matching the group beyond `pAll` (some may also be in `pAll`). Empty: none can. */
  pieces: Piece[];
  /** Any term's notes_fts expression, ORed: what an annotation is scored by. Null when no term looks there. */
  aAny: string | null;
}

export interface Compiled {
  where: string;
  params: unknown[];
  /** The papers_fts expression matching any positive text term, for ranking and snippets; null when none. */
  rankP: string | null;
  /** The same for notes_fts. */
  rankA: string | null;
  /** True when every result must match a positive text term, so the ranking can drive the query. */
  rankRequired: boolean;
  /**
   * When the whole query is positive text (words, phrases, prefixes, fields, ANDed), its text group: the indexes
   * alone can then count, rank and list it, without visiting the papers table. Null otherwise.
   */
  pureText: TextGroup | null;
  /** When the whole query is one `tag:`, its name: counted and listed from the tag index alone. Null otherwise. */
  pureTag: string | null;
  /** When the whole query is one `year:`, its bounds (null: open): listed newest first from the year index alone. */
  pureYear: { from: number | null; to: number | null } | null;
}

type TextNode = Extract<QueryNode, { kind: 'text' }>;

/** The papers_fts column a field restricts to; null: every column. */
const P_COLUMN: Record<TextField, string | null | false> = {
  any: null,
  title: 'title',
  author: 'authors',
  abstract: 'abstract',
  note: false,
};
/** The notes_fts column; false: the field is never in notes_fts. */
const A_COLUMN: Record<TextField, string | null | false> = {
  any: null,
  title: false,
  author: false,
  abstract: false,
  note: 'note',
};

export const P_SELECT = 'SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?';
export const A_SELECT = 'SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?';
const TAG_IN = 'p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?)';
/** Past this many terms that can match an annotation, the pieces (2^n - 1) give way to one per-term check. */
const MAX_PIECE_TERMS = 3;

function quoted(node: TextNode): string {
  return `"${node.words.join(' ').replace(/"/g, '""')}"${node.prefix ? '*' : ''}`;
}

function withColumn(column: string | null | false, node: TextNode): string | null {
  if (column === false) return null;
  return column ? `${column} : ${quoted(node)}` : quoted(node);
}

/** One text node as a papers_fts expression (words quoted, so no user text is ever FTS syntax); null: cannot match. */
export function papersExpression(node: TextNode): string | null {
  return withColumn(P_COLUMN[node.field], node);
}

/** One text node as a notes_fts expression; null when its field is never in the annotations. */
export function notesExpression(node: TextNode): string | null {
  return withColumn(A_COLUMN[node.field], node);
}

export function textGroup(terms: TextNode[]): TextGroup {
  const p = terms.map(papersExpression);
  const a = terms.map(notesExpression);
  const pAll = p.every((e) => e !== null) ? p.join(' AND ') : null;
  const annotatable = terms.map((_, i) => i).filter((i) => a[i] !== null);
  const aAny = annotatable.length > 0 ? annotatable.map((i) => a[i]!).join(' OR ') : null;
  const pieces: Piece[] = [];
  if (annotatable.length > MAX_PIECE_TERMS) {
    // Every annotated paper matching some term, kept when each term is in one of its entries.
    const params: string[] = [];
    const checks = terms.map((_, i) => {
      const sides: string[] = [];
      if (p[i] !== null) {
        sides.push(`+rowid IN (${P_SELECT})`);
        params.push(p[i]!);
      }
      if (a[i] !== null) {
        sides.push(`+rowid IN (${A_SELECT})`);
        params.push(a[i]!);
      }
      return `(${sides.join(' OR ')})`;
    });
    pieces.push({ arms: [{ table: 'notes_fts', match: aAny!, filter: { sql: checks.join(' AND '), params } }] });
  } else {
    for (let mask = 1; mask < 1 << annotatable.length; mask++) {
      const inA = new Set(annotatable.filter((_, j) => mask & (1 << j)));
      const rest = terms.map((_, i) => i).filter((i) => !inA.has(i));
      if (rest.some((i) => p[i] === null)) continue;
      const aExpr = [...inA].map((i) => a[i]!).join(' AND ');
      const arms: Arm[] = [{ table: 'notes_fts', match: aExpr }];
      if (rest.length > 0) arms.push({ table: 'papers_fts', match: rest.map((i) => p[i]!).join(' AND ') });
      pieces.push({ arms });
    }
  }
  return { pAll, pieces, aAny };
}

/** The condition that `p.id` is one of a text group's matches. */
function groupCondition(group: TextGroup, params: unknown[]): string {
  const arms: string[] = [];
  if (group.pAll !== null) {
    arms.push(P_SELECT);
    params.push(group.pAll);
  }
  for (const piece of group.pieces) {
    const select = pieceSelect(piece);
    arms.push(piece.arms.length === 1 ? select.sql : `SELECT * FROM (${select.sql})`);
    params.push(...select.params);
  }
  return arms.length === 0 ? '0' : `p.id IN (${arms.join(' UNION ')})`;
}

export function compileQuery(root: QueryNode): Compiled {
  const params: unknown[] = [];
  const where = compileNode(root, params);
  const positives = positiveText(root, false);
  const pExprs = positives.map(papersExpression).filter((e): e is string => e !== null);
  const aExprs = positives.map(notesExpression).filter((e): e is string => e !== null);
  const texts = root.kind === 'text' ? [root] : root.kind === 'and' ? root.items : [];
  const textItems = texts.filter((n): n is TextNode => n.kind === 'text');
  const pure = texts.length > 0 && textItems.length === texts.length;
  const only = root.kind === 'and' && root.items.length === 1 ? root.items[0]! : root;
  return {
    where,
    params,
    rankP: pExprs.length > 0 ? pExprs.join(' OR ') : null,
    rankA: aExprs.length > 0 ? aExprs.join(' OR ') : null,
    rankRequired: requiresText(root),
    pureText: pure ? textGroup(textItems) : null,
    pureTag: only.kind === 'tag' ? only.name : null,
    pureYear: only.kind === 'year' ? { from: only.from, to: only.to } : null,
  };
}

function compileNode(node: QueryNode, params: unknown[]): string {
  switch (node.kind) {
    case 'and': {
      if (node.items.length === 0) return '1';
      // Positive text terms of one AND share one group, which FTS5 evaluates far faster than separate lookups.
      const texts = node.items.filter((n): n is TextNode => n.kind === 'text');
      const parts: string[] = [];
      if (texts.length > 0) parts.push(groupCondition(textGroup(texts), params));
      for (const item of node.items) if (item.kind !== 'text') parts.push(compileNode(item, params));
      return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
    }
    case 'or':
      return `(${node.items.map((n) => compileNode(n, params)).join(' OR ')})`;
    case 'not':
      return `NOT ${compileNode(node.item, params)}`;
    case 'text':
      return groupCondition(textGroup([node]), params);
    case 'tag':
      params.push(node.name);
      return TAG_IN;
    case 'status':
      // Through the status sort key, so the filter and its count read that key's index (migration 006 dropped the
      // index on the status text, which served only this).
      params.push(READING_STATUSES.indexOf(node.status));
      return `${SORT_KEY.status} = ?`;
    case 'year': {
      const parts: string[] = [];
      if (node.from !== null) {
        params.push(node.from);
        parts.push('p.year >= ?');
      }
      if (node.to !== null) {
        params.push(node.to);
        parts.push('p.year <= ?');
      }
      return parts.length === 0 ? 'p.year IS NOT NULL' : `(${parts.join(' AND ')})`;
    }
    case 'starred':
      return 'p.starred = 1';
    case 'hasNote':
      return "p.note <> ''";
  }
}

function positiveText(node: QueryNode, negated: boolean): TextNode[] {
  if (negated) return [];
  switch (node.kind) {
    case 'text':
      return [node];
    case 'and':
    case 'or':
      return node.items.flatMap((n) => positiveText(n, false));
    default:
      return [];
  }
}

function requiresText(node: QueryNode): boolean {
  switch (node.kind) {
    case 'text':
      return true;
    case 'and':
      return node.items.some(requiresText);
    case 'or':
      return node.items.length > 0 && node.items.every(requiresText);
    default:
      return false;
  }
}
