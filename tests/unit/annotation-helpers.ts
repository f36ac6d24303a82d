/**
 * What the annotation-index tests compare with: random libraries and queries, and a brute-force evaluation in
 * JavaScript of a parsed query over the papers' text, tags and notes.
 */
import { expect } from 'vitest';
import type { Library } from '../../electron/library';
import { parseQuery } from '../../shared/query/parse';
import type { QueryNode } from '../../shared/query/ast';
import type { SortField } from '../../shared/types';
import { authorsText } from '../../electron/library/db/columns';

/** Words the porter stemmer leaves as they are, so a plain JavaScript comparison sees what the index sees. */
export const VOCAB = [
  'alpha',
  'bravo',
  'delta',
  'golf',
  'hotel',
  'lima',
  'oscar',
  'tango',
  'kilo',
  'zulu',
  'papa',
  'romeo',
];

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
export const words = (random: () => number, n: number) => Array.from({ length: n }, () => pick(random, VOCAB));

/** CSL-JSON papers whose text is drawn from the small vocabulary, some with tags. */
export function cslPapers(random: () => number, n: number, abstractWords = 12): string {
  const items = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    type: 'article-journal',
    title: words(random, 2 + Math.floor(random() * 4)).join(' '),
    author: [{ family: pick(random, VOCAB), given: pick(random, VOCAB) }],
    abstract: random() < 0.9 ? words(random, abstractWords).join(' ') : undefined,
    issued: { 'date-parts': [[2000 + (i % 20)]] },
    keyword: random() < 0.3 ? words(random, 1 + Math.floor(random() * 2)).join(', ') : undefined,
  }));
  return JSON.stringify(items);
}

interface Row {
  id: number;
  title: string;
  authors_text: string;
  abstract: string | null;
  tags_text: string;
  note: string;
  status: string;
  starred: number;
  year: number | null;
}

const tokens = (text: string | null) => (text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function columnHas(text: string | null, node: Extract<QueryNode, { kind: 'text' }>): boolean {
  const t = tokens(text);
  const q = node.words.map((w) => w.toLowerCase());
  for (let i = 0; i + q.length <= t.length; i++) {
    if (q.every((w, j) => (node.prefix && j === q.length - 1 ? t[i + j]!.startsWith(w) : t[i + j] === w))) return true;
  }
  return false;
}

/** The query's meaning, evaluated the slow and obvious way over one paper. */
function matches(node: QueryNode, row: Row, tags: Set<string>): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((n) => matches(n, row, tags));
    case 'or':
      return node.items.some((n) => matches(n, row, tags));
    case 'not':
      return !matches(node.item, row, tags);
    case 'text': {
      const columns = {
        any: [row.title, row.authors_text, row.abstract, row.tags_text, row.note],
        title: [row.title],
        author: [row.authors_text],
        abstract: [row.abstract],
        note: [row.note],
      }[node.field];
      return columns.some((c) => columnHas(c, node));
    }
    case 'tag':
      return tags.has(node.name.toLowerCase());
    case 'status':
      return row.status === node.status;
    case 'starred':
      return row.starred === 1;
    case 'hasNote':
      return row.note !== '';
    case 'year':
      return (
        row.year !== null && (node.from === null || row.year >= node.from) && (node.to === null || row.year <= node.to)
      );
  }
}

export function bruteForce(library: Library, query: string): number[] {
  const root = parseQuery(query);
  // authors_text: the authors as the index reads them, spelled out ("Given Family; …").
  const rows = library.db
    .prepare(`SELECT *, ${authorsText()} AS authors_shown FROM papers ORDER BY id`)
    .all()
    .map((r) => ({ ...(r as Row), authors_text: (r as { authors_shown: string }).authors_shown }));
  const tagRows = library.db
    .prepare('SELECT pt.paper_id AS id, t.name AS name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id')
    .all() as { id: number; name: string }[];
  const tags = new Map<number, Set<string>>();
  for (const r of tagRows) tags.set(r.id, (tags.get(r.id) ?? new Set()).add(r.name.toLowerCase()));
  return rows.filter((r) => matches(root, r, tags.get(r.id) ?? new Set())).map((r) => r.id);
}

function randomTerm(random: () => number): string {
  const w = pick(random, VOCAB);
  const r = random();
  if (r < 0.4) return w;
  if (r < 0.5) return `title:${w}`;
  if (r < 0.55) return `author:${w}`;
  if (r < 0.6) return `abstract:${w}`;
  if (r < 0.7) return `note:${w}`;
  if (r < 0.75) return `${w.slice(0, 2)}*`;
  if (r < 0.82) return `"${w} ${pick(random, VOCAB)}"`;
  if (r < 0.88) return `tag:${w}`;
  if (r < 0.92) return pick(random, ['status:to-read', 'is:starred', 'has:note']);
  return `-${pick(random, VOCAB)}`;
}

export function randomQuery(random: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) {
    if (random() < 0.15) parts.push(`(${randomTerm(random)} OR ${randomTerm(random)})`);
    else parts.push(randomTerm(random));
  }
  // A query of exclusions only is still a query: it lists the papers without those words.
  return parts.join(' ');
}

/** Every id the listing gives, in one order, paging through it. */
export function listAll(library: Library, query: string, sort: SortField): { ids: number[]; total: number } {
  const page = library.list({ query, sort, offset: 0, limit: 5000, snippets: sort === 'relevance' });
  return { ids: page.rows.map((r) => r.id), total: page.total };
}

export function expectIndexesInStep(library: Library, when: string): void {
  for (const table of ['papers_fts', 'notes_fts']) {
    expect(
      () => library.db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run(),
      `${table} ${when}`,
    ).not.toThrow();
  }
  const annotated = library.db
    .prepare("SELECT id FROM papers WHERE tags_text <> '' OR note <> '' ORDER BY id")
    .pluck()
    .all();
  const entries = library.db.prepare('SELECT id FROM notes_fts_docsize ORDER BY id').pluck().all();
  expect(entries, `notes_fts entries ${when}`).toEqual(annotated);
  expect(library.check(), when).toEqual({ ok: true, problems: [] });
}

/** Lists and counts `query` by relevance and compares the set with the brute-force evaluation. */
export function expectSameAsBruteForce(library: Library, query: string): void {
  const expected = bruteForce(library, query);
  const { ids, total } = listAll(library, query, 'relevance');
  expect(total, query).toBe(expected.length);
  expect(
    [...ids].sort((a, b) => a - b),
    query,
  ).toEqual(expected);
}
