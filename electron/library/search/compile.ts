/**
 * Compiles the query language's syntax tree to an SQL condition over `papers p`, with bound parameters only.
 * Text terms become FTS5 MATCH expressions; the same tokenizer indexes and queries, so normalization agrees.
 */
import type { QueryNode, TextField } from '../../../shared/query/ast';

export interface Compiled {
  where: string;
  params: unknown[];
  /** An FTS5 expression matching any positive text term, for ranking; null when the query has no text. */
  rankMatch: string | null;
  /** True when every result must match `rankMatch`, so the ranking can drive the query (inner join). */
  rankRequired: boolean;
  /**
   * When the whole query is positive text (words, phrases, prefixes, fields, ANDed), its one FTS5 expression: the
   * index alone can then count, rank and list it, without visiting the papers table. Null otherwise.
   */
  pureText: string | null;
  /** When the whole query is one `tag:`, its name: counted and listed from the tag index alone. Null otherwise. */
  pureTag: string | null;
}

const COLUMN: Record<TextField, string | null> = {
  any: null,
  title: 'title',
  author: 'authors',
  abstract: 'abstract',
  note: 'note',
};

const FTS_IN = 'p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)';
const TAG_IN = 'p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?)';

/** One text node as an FTS5 expression: words quoted (so no user text is ever FTS syntax). */
export function ftsExpression(node: Extract<QueryNode, { kind: 'text' }>): string {
  const quoted = `"${node.words.join(' ').replace(/"/g, '""')}"${node.prefix ? '*' : ''}`;
  const column = COLUMN[node.field];
  return column ? `${column} : ${quoted}` : quoted;
}

export function compileQuery(root: QueryNode): Compiled {
  const params: unknown[] = [];
  const where = compileNode(root, params);
  const positives = positiveText(root, false);
  return {
    where,
    params,
    rankMatch: positives.length > 0 ? positives.map(ftsExpression).join(' OR ') : null,
    rankRequired: requiresText(root),
    pureText: where === FTS_IN && params.length === 1 ? (params[0] as string) : null,
    pureTag: where === TAG_IN && params.length === 1 ? (params[0] as string) : null,
  };
}

function compileNode(node: QueryNode, params: unknown[]): string {
  switch (node.kind) {
    case 'and': {
      if (node.items.length === 0) return '1';
      // Positive text terms of one AND share a single MATCH, which FTS5 evaluates far faster than separate lookups.
      const texts = node.items.filter((n): n is Extract<QueryNode, { kind: 'text' }> => n.kind === 'text');
      const parts: string[] = [];
      if (texts.length > 0) {
        params.push(texts.map(ftsExpression).join(' AND '));
        parts.push(FTS_IN);
      }
      for (const item of node.items) if (item.kind !== 'text') parts.push(compileNode(item, params));
      return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
    }
    case 'or':
      return `(${node.items.map((n) => compileNode(n, params)).join(' OR ')})`;
    case 'not':
      return `NOT ${compileNode(node.item, params)}`;
    case 'text':
      params.push(ftsExpression(node));
      return FTS_IN;
    case 'tag':
      params.push(node.name);
      return TAG_IN;
    case 'status':
      params.push(node.status);
      return 'p.status = ?';
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

function positiveText(node: QueryNode, negated: boolean): Extract<QueryNode, { kind: 'text' }>[] {
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
