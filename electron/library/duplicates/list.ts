/**
 * Likely duplicates already in the library: pairs with the same DOI, the same arXiv id, the same title with the same
 * first author and year (or one side not knowing them), or a near-identical title. Pairs the user dismissed as
 * "only look alike" are left out.
 */
import type { DuplicatePair, DuplicateReason } from '../../../shared/types';
import { DUPLICATE_REASONS } from '../../../shared/types';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { getPaper } from '../papers';
import { familyKey, sameByTitle } from '../import/dedupe';
import { blockKeys, nearlySameTitle } from './similar';
import { normalizeTitle } from '../../../shared/normalize';

interface Row {
  id: number;
  title_key: string;
  first_author: string;
  year: number | null;
  arxiv: string | null;
  doi: string | null;
}

/** Blocks larger than this are titles too common to compare all-against-all ("introduction"). */
const MAX_BLOCK = 200;

const strength = (r: DuplicateReason) => DUPLICATE_REASONS.indexOf(r);

class PairSet {
  readonly pairs = new Map<string, { a: number; b: number; reason: DuplicateReason }>();
  constructor(private readonly dismissed: Set<string>) {}

  add(x: number, y: number, reason: DuplicateReason): void {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}:${b}`;
    if (this.dismissed.has(key)) return;
    const had = this.pairs.get(key);
    if (!had || strength(reason) < strength(had.reason)) this.pairs.set(key, { a, b, reason });
  }
}

function dismissedPairs(db: Db): Set<string> {
  const rows = cached(db, 'SELECT paper_a, paper_b FROM duplicate_dismissals').all() as {
    paper_a: number;
    paper_b: number;
  }[];
  return new Set(rows.map((r) => `${r.paper_a}:${r.paper_b}`));
}

/** Pairs every paper of a group with its oldest (smallest id): merging them one by one folds the group into it. */
function groupPairs(db: Db, column: 'doi' | 'arxiv', reason: DuplicateReason, out: PairSet): void {
  const rows = cached(
    db,
    `SELECT group_concat(id) AS ids FROM (SELECT id, ${column} FROM papers WHERE ${column} IS NOT NULL ORDER BY id)
     GROUP BY ${column} HAVING count(*) > 1`,
  ).all() as { ids: string }[];
  for (const row of rows) {
    const ids = row.ids.split(',').map(Number);
    for (const id of ids.slice(1)) out.add(ids[0]!, id, reason);
  }
}

function facts(r: Row) {
  return { year: r.year, family: familyKey(r.first_author), arxiv: r.arxiv, doi: r.doi };
}

/** Different identifiers of one kind, or a year or first author that plainly disagree: not the same work. */
function conflicting(a: Row, b: Row): boolean {
  if (a.doi && b.doi && a.doi !== b.doi) return true;
  if (a.arxiv && b.arxiv && a.arxiv !== b.arxiv) return true;
  // A preprint and its publication are often a year apart.
  if (a.year !== null && b.year !== null && Math.abs(a.year - b.year) > 1) return true;
  const fa = familyKey(a.first_author);
  const fb = familyKey(b.first_author);
  return Boolean(fa && fb && fa !== fb);
}

function titlePairs(rows: Row[], out: PairSet): void {
  const blocks = new Map<string, Row[]>();
  for (const r of rows) {
    if (!r.title_key) continue;
    for (const key of [`=${r.title_key}`, ...blockKeys(r.title_key)]) {
      const block = blocks.get(key);
      if (block) block.push(r);
      else blocks.set(key, [r]);
    }
  }
  for (const [key, block] of blocks) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    const exact = key.startsWith('=');
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const a = block[i]!;
        const b = block[j]!;
        if (exact && sameByTitle(facts(a), facts(b))) out.add(a.id, b.id, 'same-title-author-year');
        else if (!conflicting(a, b) && nearlySameTitle(a.title_key, b.title_key)) {
          out.add(a.id, b.id, 'near-identical-title');
        }
      }
    }
  }
}

/** Likely duplicate pairs, strongest reason first, then by id; at most `limit`. */
export function listDuplicates(db: Db, limit = 1000): DuplicatePair[] {
  const out = new PairSet(dismissedPairs(db));
  groupPairs(db, 'doi', 'same-doi', out);
  groupPairs(db, 'arxiv', 'same-arxiv', out);
  const rows = (
    cached(db, 'SELECT id, title, first_author, year, arxiv, doi FROM papers ORDER BY id').all() as (Omit<
      Row,
      'title_key'
    > & { title: string })[]
  ).map(({ title, ...r }) => ({ ...r, title_key: normalizeTitle(title) }));
  titlePairs(rows, out);
  const sorted = [...out.pairs.values()].sort(
    (x, y) => strength(x.reason) - strength(y.reason) || x.a - y.a || x.b - y.b,
  );
  const result: DuplicatePair[] = [];
  for (const p of sorted.slice(0, limit)) {
    const a = getPaper(db, p.a);
    const b = getPaper(db, p.b);
    if (a && b) result.push({ ids: [p.a, p.b], reason: p.reason, papers: [a, b] });
  }
  return result;
}
