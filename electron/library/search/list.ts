/** Paged, sorted, optionally ranked listings: the only way papers leave the library in bulk. */
import type { PaperPage, PaperRow, SortDirection, SortField, LibraryCounts } from '../../../shared/types';
import { READING_STATUSES, MATCH_END, MATCH_START } from '../../../shared/types';
import { parseQuery } from '../../../shared/query/parse';
import { QuerySyntaxError } from '../../../shared/query/ast';
import type { Db } from '../db/open';
import { authorsText } from '../db/columns';
import { cached } from '../db/statements';
import { LibraryError } from '../errors';
import { PAPER_COLUMNS, valuesToPaperRow, type PaperRowValues } from '../papers';
import { readTagsOf } from '../tags';
import { extraIds } from './annotated';
import { compileQuery, type Compiled } from './compile';
import { matchCount } from './match-count';
import { rememberedTotal, rememberTotal } from './remembered';
import { NEWEST_MAX_ROWS, newestIds } from './newest';
import { discountScratchChanges, libraryTotal, pageOfAll } from './page-index';
import { rankedPage } from './ranked';
import { DEFAULT_DIRECTION, orderBy, SORT_INDEX, SORT_KEY, type ListSort } from './sort';
import { newestInYears } from './years';

export interface ListOptions {
  query: string;
  sort: SortField;
  direction?: SortDirection | undefined;
  offset: number;
  limit: number;
  snippets: boolean;
}

export function compileUserQuery(query: string): Compiled {
  try {
    return compileQuery(parseQuery(query));
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw new LibraryError('query-syntax', err.message, err.position);
    throw err;
  }
}

export function listPapers(db: Db, options: ListOptions): PaperPage {
  const compiled = compileUserQuery(options.query);
  // The total first: the ranking of a common word picks its plan by the number of matches, remembered from it.
  // A listing's first page counts afresh; the pages after it, fetched as the view scrolls, take the total that page
  // found while the library is unchanged. At a million papers a phrase in nearly all of them takes 190 ms to count,
  // which every page of its listing paid before.
  let total = options.offset > 0 ? rememberedTotal(db, options.query) : undefined;
  if (total === undefined) {
    total = countWhere(db, compiled);
    rememberTotal(db, options.query, total);
  }
  return { rows: listRows(db, compiled, options), total, offset: options.offset };
}

/**
 * One page of rows, without the total: what a view shows first while the count follows. The page's ids are found
 * first, by the cheapest exact plan for the query's shape, and only those papers are then read.
 */
export function listRows(db: Db, compiled: Compiled, options: ListOptions): PaperRow[] {
  const ranked = options.sort === 'relevance' && (compiled.rankP !== null || compiled.rankA !== null);
  const sort: ListSort = options.sort === 'relevance' ? 'added' : options.sort;
  const direction = options.direction ?? DEFAULT_DIRECTION[ranked ? 'relevance' : sort];
  const { offset, limit } = options;
  let page: { id: number; score: number | null }[];
  if (ranked) {
    page = rankedPage(db, compiled, direction, offset, limit);
  } else {
    let ids: number[];
    if (compiled.where === '1') ids = pageOfAll(db, sort, direction, offset, limit);
    else if (sort === 'added' && compiled.pureText !== null && offset + limit <= NEWEST_MAX_ROWS) {
      ids = newestIds(db, compiled.pureText, direction, offset, limit);
    } else if (sort === 'added' && compiled.pureYear !== null) {
      ids =
        newestInYears(db, compiled.pureYear, direction, offset, limit) ??
        filteredPage(db, compiled, sort, direction, offset, limit);
    } else if (compiled.pureTag !== null) {
      ids = taggedPage(db, compiled.pureTag, sort, direction, offset, limit);
    } else {
      ids = filteredPage(db, compiled, sort, direction, offset, limit);
    }
    page = ids.map((id) => ({ id, score: null }));
  }
  const { rows, tags } = papersById(
    db,
    page.map((p) => p.id),
  );
  const snippets: Map<number, string> = options.snippets ? snippetsFor(db, compiled, page) : new Map<number, string>();
  const out: PaperRow[] = [];
  for (const { id, score } of page) {
    const row = rows.get(id);
    if (row) {
      out.push(valuesToPaperRow(row, tags.get(id) ?? [], score === null ? null : -score, snippets.get(id) ?? null));
    }
  }
  return out;
}

/**
 * What reading one paper's sort key from its row costs, in papers of the sort index walked and probed for a tag. A
 * tag's papers are spread over the table (rows of about 1.5 KB, ten to a page, most pages not in the cache): at a
 * million papers, sorting a tag's papers by reading their rows took 1-4.8 µs a paper; walking a sort index and
 * probing paper_tags took 0.2 µs a paper in the added order (ids nearly in order, so the probes read neighbouring
 * pages) and 1.3 µs in the title order (probes all over paper_tags).
 */
const ROW_READ_IN_WALKS = 4;

/** The most papers a page of a tag is looked for among before the tag is counted (a first page of 100 or fewer). */
const GUESS_WALK_MAX = 5000;

/**
 * A page of one tag's papers. Walking the sort index and probing each paper for the tag costs the papers walked,
 * about (offset + limit) / the tag's share of the library; reading the tag's papers and sorting them costs about
 * ROW_READ_IN_WALKS walked papers for each. A first page of a common tag is looked for first among the first
 * 50 × (offset + limit) papers in the order (at most GUESS_WALK_MAX), which needs no count; else the tag is counted (only as far as the
 * choice needs), and it walks, bounded so the walk costs at most what the sort would, or sorts.
 *
 * At a million papers, the first 50 of a tag on 20% of the papers took 5 ms, 4.3 of them counting its 200,000
 * papers to choose the plan, and takes 0.1 ms before reading the rows; a tag on 0.9% took 41 ms by the general plan
 * and takes 1-7 ms. The walk is exact whenever it finds the whole page: every paper before it in the order was probed.
 */
function taggedPage(
  db: Db,
  name: string,
  sort: ListSort,
  direction: SortDirection,
  offset: number,
  limit: number,
): number[] {
  // Read as an object, as tags.ts reads the same cached statement: pluck() would change it for every caller.
  const found = cached(db, 'SELECT id FROM tags WHERE name = ?').get(name) as { id: number } | undefined;
  if (found === undefined) return [];
  const tag = found.id;
  const total = libraryTotal(db);
  const want = offset + limit;
  const walk = (rows: number) =>
    cached(
      db,
      `SELECT id FROM (SELECT p.id AS id, EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.paper_id = p.id AND pt.tag_id = ?)
         AS hit FROM papers p INDEXED BY ${SORT_INDEX[sort]} ORDER BY ${orderBy(sort, direction)} LIMIT ?)
       WHERE hit LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(tag, rows, limit, offset) as number[];
  let walked = 0;
  if (want * 50 <= GUESS_WALK_MAX && want * 50 < total) {
    walked = want * 50;
    const ids = walk(walked);
    if (ids.length === limit) return ids;
  }
  // Counted up to where a walk could cover the whole library for the price of the sort.
  const cap = Math.ceil(total / ROW_READ_IN_WALKS);
  const n = cached(db, 'SELECT count(*) FROM (SELECT 1 FROM paper_tags WHERE tag_id = ? LIMIT ?)')
    .pluck()
    .get(tag, cap) as number;
  if (n < cap && offset >= n) return [];
  const bound = n >= cap ? total : n * ROW_READ_IN_WALKS;
  if (bound > walked && (want * total) / n <= bound) {
    const ids = walk(bound);
    if (ids.length === limit || bound >= total) return ids;
  }
  return cached(
    db,
    `SELECT p.id FROM paper_tags pt CROSS JOIN papers p ON p.id = pt.paper_id WHERE pt.tag_id = ?
     ORDER BY ${orderBy(sort, direction)} LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(tag, limit, offset) as number[];
}

/** How many papers, in sort order, a first page is looked for among before the general plan takes over. */
const WALK_ROWS = 2000;

/**
 * A first page of a filtered view (`status:read`, `is:starred`, `tag:x status:new`…) read by walking the sort index:
 * the first WALK_ROWS papers in order, each tested against the query. When the page is complete among them it is
 * exactly the answer (the papers before it in the order were all tested); else the general plan (read every match
 * through the filter's own index, then sort them all) runs. Bounded cost either way: at a million papers
 * the status and starred views took 70–280 ms by the general plan and take 2–6 ms by this one.
 */
function filteredPage(
  db: Db,
  compiled: Compiled,
  sort: ListSort,
  direction: SortDirection,
  offset: number,
  limit: number,
): number[] {
  const want = offset + limit;
  if (want <= WALK_ROWS / 4) {
    const rows = cached(
      db,
      `SELECT p.id, (${compiled.where}) FROM papers p INDEXED BY ${SORT_INDEX[sort]}
     ORDER BY ${orderBy(sort, direction)} LIMIT ${WALK_ROWS}`,
    )
      .raw()
      .all(...compiled.params) as [number, number | null][];
    const found: number[] = [];
    for (const [id, ok] of rows) if (ok === 1) found.push(id);
    // Complete when the page is found, or when the walk saw the whole library.
    if (found.length >= want || rows.length < WALK_ROWS) return found.slice(offset, want);
  }
  return cached(
    db,
    `SELECT p.id FROM papers p WHERE ${compiled.where} ORDER BY ${orderBy(sort, direction)} LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(...compiled.params, limit, offset) as number[];
}

export function countWhere(db: Db, compiled: Compiled): number {
  // The index counts a text query by itself; joining every match to the papers table cost 20 times more. The
  // matches only the annotations find are counted apart: they are not in the index's count.
  const group = compiled.pureText;
  if (group !== null) {
    const own = group.pAll === null ? 0 : matchCount(db, group.pAll);
    return own + extraIds(db, group).length;
  }
  if (compiled.where === '1') return libraryTotal(db);
  if (compiled.pureTag !== null) {
    const sql = 'SELECT count(*) AS n FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?';
    return (cached(db, sql).get(compiled.pureTag) as { n: number }).n;
  }
  const row = cached(db, `SELECT count(*) AS n FROM papers p WHERE ${compiled.where}`).get(...compiled.params) as {
    n: number;
  };
  return row.n;
}

/** The rows of the papers with these ids (their values), read in one statement, and their tags, in another. */
function papersById(db: Db, ids: number[]): { rows: Map<number, PaperRowValues>; tags: Map<number, string[]> } {
  const rows = new Map<number, PaperRowValues>();
  if (ids.length === 0) return { rows, tags: new Map() };
  // Its own SQL text (the alias p), so raw mode changes no statement shared with getPapers, which reads objects.
  const read = cached(db, `SELECT ${PAPER_COLUMNS} FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`);
  for (const row of read.raw().all(JSON.stringify(ids)) as PaperRowValues[]) rows.set(row[0], row);
  return { rows, tags: readTagsOf(db, ids) };
}

/**
 * Snippets only for the rows on the page: computing them for every match would cost far more. From the paper's own
 * text where it matches, else from its tags and note.
 *
 * They are cut in a temporary FTS5 index (same columns, same tokenizer as the real
 * one) holding only the page's rows. snippet() on the real index had to find each row with the query: one lookup per
 * row, each expanding the whole query (a second for a page of `tran*` at a million papers). On 50 rows the same
 * function gives the same snippets in a millisecond or two.
 *
 * The scratch index reads its text from a temporary table (external content), so it is emptied by 'delete-all'
 * instead of deleting row by row, which tokenized the 50 abstracts a second time. Its writes are not changes to the
 * library: they are discounted from the signature that remembered positions and annotation matches are kept by,
 * which they would otherwise reset on every search with snippets (at 100,000 papers a ranked page of a common phrase
 * then recomputed its 20 ms of annotation-only matches each time).
 */
const SNIPPET_SOURCES = {
  papers_fts: {
    scratch: 'lectern_snippets_own',
    columns: 'title, authors, abstract',
    select: `SELECT id, title, ${authorsText()}, coalesce(abstract, '') FROM papers`,
  },
  notes_fts: {
    scratch: 'lectern_snippets_notes',
    columns: 'tags, note',
    select: 'SELECT id, tags_text, note FROM papers',
  },
} as const;

function snippetsFor(db: Db, compiled: Compiled, rows: { id: number }[]): Map<number, string> {
  const out = new Map<number, string>();
  const sources: [keyof typeof SNIPPET_SOURCES, string | null][] = [
    ['papers_fts', compiled.rankP],
    ['notes_fts', compiled.rankA],
  ];
  const changesBefore = totalChanges(db);
  for (const [table, match] of sources) {
    const missing = rows.filter((r) => !out.has(r.id));
    if (match === null || missing.length === 0) continue;
    const { scratch, columns, select } = SNIPPET_SOURCES[table];
    db.exec(
      `CREATE TABLE IF NOT EXISTS temp.${scratch}_rows(id INTEGER PRIMARY KEY, ${columns});
       CREATE VIRTUAL TABLE IF NOT EXISTS temp.${scratch} USING fts5(${columns}, content = '${scratch}_rows',
         content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2')`,
    );
    cached(db, `INSERT INTO temp.${scratch}_rows ${select} WHERE id IN (SELECT value FROM json_each(?))`).run(
      JSON.stringify(missing.map((r) => r.id)),
    );
    cached(db, `INSERT INTO temp.${scratch}(rowid, ${columns}) SELECT id, ${columns} FROM temp.${scratch}_rows`).run();
    const found = cached(
      db,
      `SELECT rowid AS id, snippet(${scratch}, -1, '${MATCH_START}', '${MATCH_END}', '…', 24) AS s
       FROM temp.${scratch} WHERE ${scratch} MATCH ?`,
    ).all(match) as { id: number; s: string }[];
    for (const r of found) out.set(r.id, r.s);
    cached(db, `INSERT INTO temp.${scratch}(${scratch}) VALUES ('delete-all')`).run();
    cached(db, `DELETE FROM temp.${scratch}_rows`).run();
  }
  discountScratchChanges(db, totalChanges(db) - changesBefore);
  return out;
}

function totalChanges(db: Db): number {
  return (cached(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
}

export function libraryCounts(db: Db): LibraryCounts {
  const byStatus = Object.fromEntries(READING_STATUSES.map((s) => [s, 0])) as LibraryCounts['byStatus'];
  // Each status counted as a range of the status sort key's index (five ranges: 2 ms at 100,000 papers, where a
  // GROUP BY over the whole index took 7-8 ms).
  const count = cached(db, `SELECT count(*) AS n FROM papers p WHERE ${SORT_KEY.status} = ?`);
  const rows = READING_STATUSES.map((status, k) => ({ status, n: (count.get(k) as { n: number }).n }));
  let all = 0;
  for (const r of rows) {
    byStatus[r.status] = r.n;
    all += r.n;
  }
  const starred = (cached(db, 'SELECT count(*) AS n FROM papers WHERE starred = 1').get() as { n: number }).n;
  return { all, starred, byStatus };
}
