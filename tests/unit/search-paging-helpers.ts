/**
 * The library the paging tests compare the fast listing plans on (753 papers of a real Hugging Face scrape, with
 * statuses, unknown years, dates out of id order and annotations), and the plain SQL they are compared with.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Library } from '../../electron/library';
import { compileUserQuery, listRows } from '../../electron/library/search/list';
import type { SortDirection } from '../../shared/types';
import { FIXTURES, tempLibrary } from './helpers';

/** The library of the test file that called `usePagingLibrary`, and how many papers it holds. */
export const paging = { library: undefined as unknown as Library, total: 0 };

export const SCRAPE = path.join(FIXTURES, 'hf-papers/paperexplorer-papers-2024-04-08.json');

/** The sort expressions as they were before the indexes on expressions: unknown years as NULL. */
export const REFERENCE_KEY = {
  title: 'p.title COLLATE NOCASE',
  author: 'p.first_author COLLATE NOCASE',
  year: 'p.year',
  added: 'p.added_at',
  status: "CASE p.status WHEN 'new' THEN 0 WHEN 'to-read' THEN 1 WHEN 'reading' THEN 2 WHEN 'read' THEN 3 ELSE 4 END",
} as const;
export type Sort = keyof typeof REFERENCE_KEY;

export function referencePage(
  where: string,
  params: unknown[],
  sort: Sort,
  dir: SortDirection,
  offset: number,
  limit: number,
) {
  const d = dir.toUpperCase();
  return paging.library.db
    .prepare(
      `SELECT p.id FROM papers p WHERE ${where} ORDER BY ${REFERENCE_KEY[sort]} ${d}, p.id ${d} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...params, limit, offset) as number[];
}

/**
 * The exact ranking, by the plain join: own text scored for `own`, annotations for `annotations`, each 0 where its
 * index does not match, both weighted as the library weighs them.
 */
export function exactRanking(
  lib: Library,
  own: string,
  annotations: string,
  where: string,
  params: unknown[],
  limit: number,
): { id: number; score: number }[] {
  return lib.db
    .prepare(
      `SELECT p.id AS id, coalesce(r.score, 0) + coalesce(a.score, 0) AS score FROM papers p
       LEFT JOIN (SELECT rowid AS rid, bm25(papers_fts, 10.0, 4.0, 1.0) AS score
         FROM papers_fts WHERE papers_fts MATCH ?) r ON r.rid = p.id
       LEFT JOIN (SELECT rowid AS rid, bm25(notes_fts, 3.0, 2.0) AS score
         FROM notes_fts WHERE notes_fts MATCH ?) a ON a.rid = p.id
       WHERE ${where} ORDER BY score, p.id DESC LIMIT ${limit}`,
    )
    .all(own, annotations, ...params) as { id: number; score: number }[];
}

/** The exact top 50 of a text query: own text for all its terms, annotations for any of them. */
export function exactTop50(compiled: ReturnType<typeof compileUserQuery>): number[] {
  const group = compiled.pureText!;
  const none = '"\u0001"';
  return exactRanking(paging.library, group.pAll ?? none, group.aAny ?? none, compiled.where, compiled.params, 50).map(
    (r) => r.id,
  );
}

export function page(query: string, sort: Sort, direction: SortDirection, offset: number, limit: number): number[] {
  return listRows(paging.library.db, compileUserQuery(query), {
    query,
    sort,
    direction,
    offset,
    limit,
    snippets: false,
  }).map((r) => r.id);
}

/** Builds the library before the file's tests and closes it after them. */
export function usePagingLibrary(): void {
  beforeAll(() => {
    paging.library = tempLibrary().library;
    const ids = paging.library.importFile(SCRAPE).paperIds;
    paging.total = ids.length;
    // Variety for every sort key: statuses, unknown years, and papers whose dates are out of id order (as a merge
    // that keeps the older paper's date leaves them).
    paging.library.setStatus(
      ids.filter((_, i) => i % 3 === 0),
      'to-read',
    );
    paging.library.setStatus(
      ids.filter((_, i) => i % 7 === 0),
      'read',
    );
    for (const id of ids.filter((_, i) => i % 50 === 0)) paging.library.update(id, { year: null });
    const stmt = paging.library.db.prepare('UPDATE papers SET added_at = ? WHERE id = ?');
    stmt.run('2099-01-01T00:00:00.000Z', ids[3]!);
    stmt.run('2099-01-02T00:00:00.000Z', ids[40]!);
    stmt.run('1999-01-01T00:00:00.000Z', ids[ids.length - 2]!);
    // Annotations whose words are also common in the papers' own text, so text queries find papers both ways.
    paging.library.tag(
      ids.filter((_, i) => i % 4 === 1),
      ['model', 'agents'],
      [],
    );
    paging.library.tag(
      ids.filter((_, i) => i % 9 === 2),
      ['transformers'],
      [],
    );
    for (const id of ids.filter((_, i) => i % 31 === 5))
      paging.library.setNote(id, 'A large language model, compared.');
  });
  afterAll(() => paging.library.close());
}

/** Pages of `query` in date-added order, both ways, at each (offset, limit), are those of the plain sort. */
export function expectAddedPagesExact(query: string, windows: readonly (readonly [number, number])[]): void {
  const compiled = compileUserQuery(query);
  for (const dir of ['desc', 'asc'] as const) {
    for (const [offset, limit] of windows) {
      expect(page(query, 'added', dir, offset, limit), `${query} ${dir} at ${offset}`).toEqual(
        referencePage(compiled.where, compiled.params, 'added', dir, offset, limit),
      );
    }
  }
}
