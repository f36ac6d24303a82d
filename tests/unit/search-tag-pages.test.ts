/**
 * Pages of one tag (`tag:x`), which list.ts finds by walking a sort index and probing the tag, bounded by the tag's
 * count, or by sorting the tag's papers: every plan must give exactly what the plain SQL gives, for tags common,
 * rare, and gathered at one end of an order (where a walk from the other end finds nothing).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileUserQuery } from '../../electron/library/search/list';
import { paging, usePagingLibrary, referencePage, page, REFERENCE_KEY, type Sort } from './search-paging-helpers';

usePagingLibrary();

describe('pages of one tag', () => {
  const counts: Record<string, number> = {};

  beforeAll(() => {
    const lib = paging.library;
    const ids = lib.db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[];
    lib.tag(
      ids.filter((_, i) => i % 2 === 0),
      ['half'],
      [],
    );
    lib.tag(
      ids.filter((_, i) => i % 15 === 4),
      ['fifteenth'],
      [],
    );
    lib.tag(
      ids.filter((_, i) => i % 100 === 7),
      ['rare'],
      [],
    );
    // The 40 papers added first: last in the default newest-first order, first in the oldest-first one.
    const oldest = lib.db.prepare('SELECT id FROM papers ORDER BY added_at ASC, id ASC LIMIT 40').pluck().all();
    lib.tag(oldest as number[], ['oldest'], []);
    // The 30 last by title, in the middle of the added order.
    const lastTitles = lib.db.prepare('SELECT id FROM papers ORDER BY title COLLATE NOCASE DESC, id DESC LIMIT 30');
    lib.tag(lastTitles.pluck().all() as number[], ['late-titles'], []);
    for (const name of ['half', 'fifteenth', 'rare', 'oldest', 'late-titles']) {
      const sql = 'SELECT count(*) FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?';
      counts[name] = lib.db.prepare(sql).pluck().get(name) as number;
    }
  });

  it('lists each page of a tag exactly as the plain sort does, in every order, at every depth', () => {
    expect(paging.total).toBeGreaterThan(700);
    expect(counts).toEqual({ half: 377, fifteenth: 50, rare: 8, oldest: 40, 'late-titles': 30 });
    const windows = [
      [0, 1],
      [0, 5],
      [0, 10],
      [0, 50],
      [3, 7],
      [30, 20],
      [45, 10],
      [100, 100],
      [370, 50],
      [0, 1000],
    ] as const;
    for (const name of [...Object.keys(counts), 'model', 'no-such-tag']) {
      const query = `tag:${name}`;
      const compiled = compileUserQuery(query);
      expect(compiled.pureTag).toBe(name);
      for (const sort of Object.keys(REFERENCE_KEY) as Sort[]) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const [offset, limit] of windows) {
            const expected = referencePage(compiled.where, compiled.params, sort, dir, offset, limit);
            expect(page(query, sort, dir, offset, limit), `${query} by ${sort} ${dir} at ${offset}`).toEqual(expected);
          }
        }
      }
    }
  });
});
