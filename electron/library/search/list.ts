/** Paged, sorted, optionally ranked listings: the only way papers leave the library in bulk. */
import type { PaperPage, PaperRow, SortDirection, SortField, LibraryCounts } from '../../../shared/types';
import { READING_STATUSES, MATCH_END, MATCH_START } from '../../../shared/types';
import { parseQuery } from '../../../shared/query/parse';
import { QuerySyntaxError } from '../../../shared/query/ast';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { LibraryError } from '../errors';
import { PAPER_COLUMNS, rowToPaper, type PaperRowData } from '../papers';
import { readTags } from '../tags';
import { compileQuery, type Compiled } from './compile';

export interface ListOptions {
  query: string;
  sort: SortField;
  direction?: SortDirection | undefined;
  offset: number;
  limit: number;
  snippets: boolean;
}

/** Field weights for bm25: a title match outranks an author, tag or note match, which outrank the abstract. */
const BM25 = 'bm25(papers_fts, 10.0, 4.0, 1.0, 3.0, 2.0)';

const SORT_SQL: Record<Exclude<SortField, 'relevance'>, string> = {
  title: 'p.title COLLATE NOCASE',
  author: 'p.first_author COLLATE NOCASE',
  year: 'p.year',
  added: 'p.added_at',
  status: "CASE p.status WHEN 'new' THEN 0 WHEN 'to-read' THEN 1 WHEN 'reading' THEN 2 WHEN 'read' THEN 3 ELSE 4 END",
};

const DEFAULT_DIRECTION: Record<SortField, SortDirection> = {
  relevance: 'asc',
  title: 'asc',
  author: 'asc',
  year: 'desc',
  added: 'desc',
  status: 'asc',
};

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
  const rows = listRows(db, compiled, options);
  return { rows, total: countWhere(db, compiled), offset: options.offset };
}

/** One page of rows, without the total: what a view shows first while the count follows. */
export function listRows(db: Db, compiled: Compiled, options: ListOptions): PaperRow[] {
  const ranked = options.sort === 'relevance' && compiled.rankMatch !== null;
  const sort: SortField = options.sort === 'relevance' && !ranked ? 'added' : options.sort;
  const direction = options.direction ?? DEFAULT_DIRECTION[sort];
  const dir = direction === 'asc' ? 'ASC' : 'DESC';

  const params: unknown[] = [];
  let from = 'papers p';
  let orderBy: string;
  if (ranked) {
    const join = compiled.rankRequired ? 'JOIN' : 'LEFT JOIN';
    from = `papers p ${join} (SELECT rowid AS rid, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ?) r ON r.rid = p.id`;
    params.push(compiled.rankMatch);
    // bm25 is lower for better matches; papers matched only by non-text terms come last.
    orderBy = `r.score IS NULL, r.score ${dir}, p.id DESC`;
  } else {
    orderBy = `${SORT_SQL[sort as Exclude<SortField, 'relevance'>]} ${dir}, p.id ${dir}`;
  }
  const sql =
    `SELECT ${PAPER_COLUMNS.split(', ')
      .map((c) => `p.${c}`)
      .join(', ')}, ${ranked ? 'r.score' : 'NULL'} AS score ` +
    `FROM ${from} WHERE ${compiled.where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
  const rows = cached(db, sql).all(...params, ...compiled.params, options.limit, options.offset) as (PaperRowData & {
    score: number | null;
  })[];
  const snippets = options.snippets && compiled.rankMatch ? snippetsFor(db, compiled.rankMatch, rows) : new Map();
  return rows.map((row) => ({
    ...rowToPaper(row, readTags(db, row.id)),
    score: row.score === null ? null : -row.score,
    snippet: snippets.get(row.id) ?? null,
  }));
}

export function countWhere(db: Db, compiled: Compiled): number {
  const row = cached(db, `SELECT count(*) AS n FROM papers p WHERE ${compiled.where}`).get(...compiled.params) as {
    n: number;
  };
  return row.n;
}

/** Snippets only for the rows on the page: computing them for every match would cost far more. */
function snippetsFor(db: Db, match: string, rows: { id: number }[]): Map<number, string> {
  const out = new Map<number, string>();
  if (rows.length === 0) return out;
  const placeholders = rows.map(() => '?').join(', ');
  const found = cached(
    db,
    `SELECT rowid AS id, snippet(papers_fts, -1, '${MATCH_START}', '${MATCH_END}', '…', 24) AS s
     FROM papers_fts WHERE papers_fts MATCH ? AND rowid IN (${placeholders})`,
  ).all(match, ...rows.map((r) => r.id)) as { id: number; s: string }[];
  for (const r of found) out.set(r.id, r.s);
  return out;
}

export function libraryCounts(db: Db): LibraryCounts {
  const byStatus = Object.fromEntries(READING_STATUSES.map((s) => [s, 0])) as LibraryCounts['byStatus'];
  const rows = cached(db, 'SELECT status, count(*) AS n FROM papers GROUP BY status').all() as {
    status: keyof LibraryCounts['byStatus'];
    n: number;
  }[];
  let all = 0;
  for (const r of rows) {
    byStatus[r.status] = r.n;
    all += r.n;
  }
  const starred = (cached(db, 'SELECT count(*) AS n FROM papers WHERE starred = 1').get() as { n: number }).n;
  return { all, starred, byStatus };
}
