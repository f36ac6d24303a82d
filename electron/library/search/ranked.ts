/**
 * Relevance ranking: bm25 with field weights, best first.
 *
 * A paper's score is the bm25 of its own text in `papers_fts` (title, authors, abstract) plus the bm25 of its
 * annotations in `notes_fts` (tags, note), each 0 where that index does not match. For a query that is only text the
 * paper's own score is taken for the whole query (the single MATCH of all its terms) and the annotations' for any of
 * them; in a query with other terms, both are taken for any of its positive text terms.
 *
 * A query that is only text is ranked inside the indexes: FTS5 scores its matches and keeps the best page, and only
 * that page's papers are read afterwards. Joining every match to the papers table before sorting (the general plan,
 * still used when the query also filters by tag, status, year...) cost about four times more. Its matches beyond the
 * single MATCH (`annotated.ts`), annotated papers only, are scored by their annotations and merged in.
 */
import type { SortDirection } from '../../../shared/types';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { extraIds } from './annotated';
import type { Compiled } from './compile';
import { matchCount, rememberedCount } from './match-count';
import { remember, remembered } from './remembered';
import { IDF_FLOOR, idf, indexAverages, ownScoresApart } from './own-scores';

/** Field weights of the paper's own text (title, authors, abstract): a title match outranks an author match, which
 *  outranks the abstract. */
export const BM25 = 'bm25(papers_fts, 10.0, 4.0, 1.0)';
/** Field weights of the annotations (tags, note): between the title's and the abstract's. */
export const BM25_NOTES = 'bm25(notes_fts, 3.0, 2.0)';

/**
 * Keeps a scored list whole: read once into a temporary index, instead of being folded into the join, where each
 * paper would become a lookup of its own in the FTS5 index (about 0.1 ms each: seconds for a common word).
 */
const WHOLE = 'ORDER BY rowid LIMIT -1';

export interface Scored {
  id: number;
  /** bm25: lower is better. */
  score: number | null;
}

/**
 * The best k matches of one word, phrase or prefix that is common (thousands of matches), scored only among the
 * papers that have it in their title or authors, or in their annotations. bm25 weighs a title hit 10 times an abstract
 * hit, so an abstract-only match all but never outranks one in the title: at a million papers this ranks "capable"
 * in 54 ms instead of 134, with the same top 50. It is an approximation (an abstract repeating the word ten times
 * could in theory outrank a long title): the benchmark reports its agreement with the exact ranking, query by query.
 * Returns fewer than k rows when there are too few such papers; the caller then ranks every match.
 */
function titleFirst(db: Db, match: string, k: number): Scored[] {
  return cached(
    db,
    `SELECT f.rowid AS id, ${BM25} + coalesce(a.score, 0) AS score FROM papers_fts f
     LEFT JOIN (SELECT rowid AS id, ${BM25_NOTES} AS score FROM notes_fts WHERE notes_fts MATCH ? ${WHOLE}) a
       ON a.id = f.rowid
     WHERE papers_fts MATCH ? AND +f.rowid IN (
       SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? UNION SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)
     ORDER BY score, f.rowid DESC LIMIT ?`,
  ).all(match, match, `{title authors} : ${match}`, match, k) as Scored[];
}

/** FTS5's bm25 (fts5_aux.c): its k1. */
const K1 = 1.2;
/** Widens a bound on own-text scores, so that rounding can never let a paper that belongs in the page out of it. */
const MARGIN = 1 + 1e-6;
/** How many annotation matches beyond the page are read first; enough for a word at bm25's floor idf. */
const NOTES_FIRST = 1000;
/** How many rankings are remembered for the pages after their first. */
const RANKINGS_KEPT = 4;

/**
 * More than any paper's own-text score can weigh when its query (one word, phrase or prefix) is in half the papers
 * or more: bm25 gives it idf * f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl)), under idf * (k1 + 1) whatever
 * the paper's length and its weighted count f, and idf is then at its floor.
 */
const FLOOR_BOUND = IDF_FLOOR * (K1 + 1) * MARGIN;

/** Whether bm25 gives the floor idf to a phrase that `nHit` of the index's `nRow` rows match (as fts5_aux.c does). */
function idfAtFloor(nRow: number, nHit: number): boolean {
  return Math.log((nRow - nHit + 0.5) / (nHit + 0.5)) <= 0;
}

/**
 * Up to this many papers, or a thousandth of the matches, their own text is scored apart (`own-scores.ts`, about
 * 60 us a paper) rather than by scanning the index twice (at least 0.07 us a match).
 */
const APART_MAX = 100;

/**
 * The exact best k matches of a word, phrase or prefix in half the papers or more, found among its annotation
 * matches only; null when that cannot be proved (fewer papers match, or too few annotations do).
 *
 * A paper's score is its own text's bm25 plus its annotations' (0 without a match). For such a common query bm25's
 * idf is at its floor, so the own-text part lies in (-B, 0] with B about 2e-6 (`FLOOR_BOUND`). When the k-th best
 * annotation score T is at most -B, k annotated papers score T or better, while a paper outside the annotation
 * matches scores above -B >= T, and so does an annotated one whose annotation score is T + B or worse: none of them
 * can be in the page. The few left (the annotation matches under T + B) are ranked exactly by their full scores.
 *
 * Whether the idf is at its floor depends on the number of matches: remembered when the listing's total was just
 * counted (`match-count.ts`), else counted here, which a word below the floor then pays on its way to `titleFirst`
 * (about a tenth of that ranking). The own text of the few papers left is scored apart from the index when they are
 * few (`own-scores.ts`), else by one scan of the doclist. CPU, the count known, old (`titleFirst`) -> new: at
 * 100,000 papers "general" 25 -> 11 ms, "with" 14 -> 4, "gen*" 36 -> 20, "language models" 52 -> 6; at a million
 * 311 -> 30, 172 -> 17, 419 -> 34, 584 -> 29.
 */
export function annotationsFirst(db: Db, match: string, k: number): Scored[] | null {
  if (k <= 0) return null;
  const known = remembered(db).rankings.get(match);
  if (known !== undefined && k <= known.exact) return known.rows.slice(0, k);
  const matches = rememberedCount(db, match) ?? matchCount(db, match);
  const rows = indexAverages(db).rows;
  if (!idfAtFloor(rows, matches)) return annotationsDominate(db, match, k, idf(db, rows, matches) * (K1 + 1) * MARGIN);
  // The best annotation matches first; when ties at the k-th reach past those, exactly the matches under the bound.
  // Reading all of them instead cost 65 ms at a million papers for "general" with 100 rows (4,649 papers tie at
  // the 100th best, sharing a tag); this takes 20.
  const byNotes = cached(
    db,
    `SELECT rowid AS id, ${BM25_NOTES} AS score FROM notes_fts WHERE notes_fts MATCH ?
     ORDER BY score, rowid DESC LIMIT ?`,
  );
  const best = byNotes.all(match, k + NOTES_FIRST) as { id: number; score: number }[];
  if (best.length < k) return null;
  const kth = best[k - 1]!.score;
  if (kth > -FLOOR_BOUND) return null;
  let n = k;
  while (n < best.length && best[n]!.score < kth + FLOOR_BOUND) n++;
  const left =
    n < best.length || best.length < k + NOTES_FIRST
      ? best.slice(0, n)
      : (cached(
          db,
          `SELECT id, score FROM (SELECT rowid AS id, ${BM25_NOTES} AS score FROM notes_fts WHERE notes_fts MATCH ?)
           WHERE score < ? ORDER BY score, id DESC`,
        ).all(match, kth + FLOOR_BOUND) as { id: number; score: number }[]);
  const ids = left.map((r) => r.id);
  let own = ids.length <= Math.max(APART_MAX, matches / 1000) ? ownScoresApart(db, match, ids, matches) : null;
  if (own === null) {
    own = new Map<number, number>();
    const rows = cached(
      db,
      `SELECT rowid AS id, ${BM25} AS score FROM papers_fts
       WHERE papers_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
    ).all(match, JSON.stringify(ids)) as { id: number; score: number }[];
    for (const r of rows) own.set(r.id, r.score);
  }
  const ranked = left
    .map((r) => ({ id: r.id, score: (own.get(r.id) ?? 0) + r.score }))
    .sort((x, y) => x.score - y.score || y.id - x.id);
  // The proof holds for any page of k' rows, k' up to the number of papers whose annotation score is kth or better:
  // k' of them score kth or better in full, and every paper outside `left` scores above kth. So the pages after this
  // one, while they stay within those, are slices of this ranking (at a million papers "general" has 4,745 such
  // papers: the window's next pages take no time).
  let exact = k;
  while (exact < left.length && left[exact]!.score <= kth) exact++;
  // A ranking can hold tens of thousands of rows: only the last few are kept.
  remember(remembered(db).rankings, match, { rows: ranked.slice(0, exact), exact }, RANKINGS_KEPT);
  return ranked.slice(0, k);
}

/**
 * The exact best k matches of one word, phrase or prefix when its annotation matches outscore every paper that only
 * its own text matches; null when they do not. The general case of `annotationsFirst`, for a query below half the
 * papers: bm25 then gives the own text a score in (-B, 0], B = idf * (k1 + 1) (`bound`, widened by MARGIN), a few
 * units rather than 2e-6, while a tag or note, being short, scores several times that.
 *
 * Every annotation match is scored by its annotations; only those scoring under T + B can be in the page, T being
 * the k-th best annotation score (k papers score T or better whatever their own text, and the others score at least
 * T + B - B). Their own text is scored by one scan of its doclist that keeps just them, and a paper outside the
 * annotation matches cannot score under -B: when the k-th best full score is at most -B the page is exact.
 * At a million papers, the page of 50 with snippets, the count known (wall clock; before, `titleFirst`, approximate,
 * or every match ranked): "capable" 101 -> 57 ms, "across" 59 -> 28, "tran*" 114 -> 66, "github com" 56 -> 40.
 */
function annotationsDominate(db: Db, match: string, k: number, bound: number): Scored[] | null {
  const rows = cached(
    db,
    `WITH a AS MATERIALIZED (SELECT rowid AS id, ${BM25_NOTES} AS score FROM notes_fts WHERE notes_fts MATCH ? ${WHOLE}),
     c AS MATERIALIZED (SELECT id, score FROM a WHERE score < (SELECT score FROM a ORDER BY score LIMIT 1 OFFSET ?) + ?),
     o AS MATERIALIZED (SELECT rowid AS id, ${BM25} AS score FROM papers_fts
       WHERE papers_fts MATCH ? AND +rowid IN (SELECT id FROM c) ${WHOLE})
     SELECT c.id AS id, c.score + coalesce(o.score, 0) AS score FROM c LEFT JOIN o ON o.id = c.id
     ORDER BY 2, 1 DESC LIMIT ?`,
  ).all(match, k - 1, bound, match, k) as Scored[];
  if (rows.length < k || rows[k - 1]!.score! > -bound) return null;
  return rows;
}

export function rankedPage(
  db: Db,
  compiled: Compiled,
  direction: SortDirection,
  offset: number,
  limit: number,
): Scored[] {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const group = compiled.pureText;
  if (group !== null) {
    const k = offset + limit;
    let fromIndex: Scored[] = [];
    if (group.pAll !== null && group.aAny === null) {
      // The same phrases as `rankP` (ANDed instead of ORed), so the same scores; ties go to the newer paper.
      fromIndex = cached(
        db,
        `SELECT rowid AS id, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ? ORDER BY score ${dir}, rowid DESC
         LIMIT ?`,
      ).all(group.pAll, k) as Scored[];
    } else if (group.pAll !== null) {
      if (group.aAny === group.pAll && direction === 'asc') {
        // Its annotation matches include the papers only they find, so the page is complete.
        const exact = annotationsFirst(db, group.pAll, k);
        if (exact !== null) return exact.slice(offset, k);
        fromIndex = titleFirst(db, group.pAll, k);
      }
      // The annotations' scores, read once into an automatic index, join each match of the paper's own text. With
      // several terms the annotations are scored by any of them but joined only where all are in the paper's own
      // text: only those are scored (a second, cheaper scan of the own-text matches finds them), which at a million
      // papers takes "capable search" from 43 to 22 ms (22,609 annotation matches, 180 of them joined).
      if (fromIndex.length < k) {
        const several = group.aAny !== group.pAll;
        const notes = several
          ? `SELECT rowid AS id, ${BM25_NOTES} AS score FROM notes_fts WHERE notes_fts MATCH ?
             AND +rowid IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?) ${WHOLE}`
          : `SELECT rowid AS id, ${BM25_NOTES} AS score FROM notes_fts WHERE notes_fts MATCH ? ${WHOLE}`;
        fromIndex = cached(
          db,
          `SELECT f.rowid AS id, ${BM25} + coalesce(a.score, 0) AS score FROM papers_fts f
           LEFT JOIN (${notes}) a ON a.id = f.rowid
           WHERE papers_fts MATCH ? ORDER BY score ${dir}, f.rowid DESC LIMIT ?`,
        ).all(...(several ? [group.aAny, group.pAll] : [group.aAny]), group.pAll, k) as Scored[];
      }
    }
    const extra = extraIds(db, group);
    if (extra.length === 0) return fromIndex.slice(offset, k);
    // `+rowid`: the ids filter the scan, instead of each becoming a lookup of its own.
    const annotated = cached(
      db,
      `SELECT rowid AS id, ${BM25_NOTES} AS score FROM notes_fts
       WHERE notes_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))
       ORDER BY score ${dir}, rowid DESC LIMIT ?`,
    ).all(group.aAny, JSON.stringify(extra), k) as Scored[];
    const sign = direction === 'asc' ? 1 : -1;
    return [...fromIndex, ...annotated].sort((a, b) => sign * (a.score! - b.score!) || b.id - a.id).slice(offset, k);
  }
  const joins: string[] = [];
  const params: unknown[] = [];
  const scores: string[] = [];
  if (compiled.rankP !== null) {
    joins.push(
      `LEFT JOIN (SELECT rowid AS rid, ${BM25} AS s FROM papers_fts WHERE papers_fts MATCH ? ${WHOLE}) r ON r.rid = p.id`,
    );
    params.push(compiled.rankP);
    scores.push('r.s');
  }
  if (compiled.rankA !== null) {
    joins.push(
      `LEFT JOIN (SELECT rowid AS rid, ${BM25_NOTES} AS s FROM notes_fts WHERE notes_fts MATCH ? ${WHOLE}) a ON a.rid = p.id`,
    );
    params.push(compiled.rankA);
    scores.push('a.s');
  }
  // Papers matched only by non-text terms (an OR with a tag, say) have no score and come last.
  const score =
    scores.length === 1
      ? scores[0]!
      : 'CASE WHEN r.s IS NULL AND a.s IS NULL THEN NULL ELSE coalesce(r.s, 0) + coalesce(a.s, 0) END';
  return cached(
    db,
    `SELECT p.id AS id, ${score} AS score FROM papers p ${joins.join(' ')}
     WHERE ${compiled.where} ORDER BY score IS NULL, score ${dir}, p.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, ...compiled.params, limit, offset) as Scored[];
}
