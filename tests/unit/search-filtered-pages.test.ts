/**
 * First pages of filtered views and year views in date-added order: the index walks must give exactly what the plain
 * SQL gives, on the same real library as search-paging.test.ts (with 1,600 generated papers more).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileUserQuery } from '../../electron/library/search/list';
import { generatedPage } from '../safety/crash';

import {
  paging,
  usePagingLibrary,
  referencePage,
  page,
  expectAddedPagesExact,
  REFERENCE_KEY,
  type Sort,
} from './search-paging-helpers';

usePagingLibrary();

describe('first pages of filtered views', () => {
  // A library bigger than the walk (WALK_ROWS in list.ts), so both the walk and its fallback run.
  beforeAll(() => {
    const extra = paging.library.importText('more.txt', generatedPage(1600, 'Walk')).paperIds;
    paging.total += extra.length;
    paging.library.setStatus(
      extra.filter((_, i) => i % 5 === 0),
      'reading',
    );
    paging.library.setStarred(
      extra.filter((_, i) => i % 97 === 0),
      true,
    );
  });

  it('reads first pages of filtered views by walking the sort index, exactly, whether the page is found or not', () => {
    expect(paging.total).toBeGreaterThan(2000);
    // Dense filters (found among the first papers in order), sparse ones (the walk gives up and the general plan
    // runs), and filters on the sort key itself.
    const queries = [
      'status:to-read',
      'status:read',
      'status:reading',
      'is:starred',
      'tag:model status:to-read',
      'tag:transformers',
      'has:note',
      '-status:new',
      'year:2024',
      'year:..2023',
      'model status:read',
      'NOT tag:model',
      'status:to-read OR tag:transformers',
    ];
    paging.library.setStarred(
      paging.library
        .list({ query: 'tag:transformers', sort: 'title', offset: 0, limit: 40, snippets: false })
        .rows.map((r) => r.id),
      true,
    );
    for (const query of queries) {
      const compiled = compileUserQuery(query);
      for (const sort of Object.keys(REFERENCE_KEY) as Sort[]) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const [offset, limit] of [
            [0, 50],
            [0, 1],
            [100, 100],
            [440, 60],
          ] as const) {
            const expected = referencePage(compiled.where, compiled.params, sort, dir, offset, limit);
            expect(page(query, sort, dir, offset, limit), `${query} by ${sort} ${dir} at ${offset}`).toEqual(expected);
          }
        }
      }
    }
  });
});

describe('year views in date-added order', () => {
  // Years independent of ids, and a fifth of the papers re-dated out of id order, some sharing a date, so the lists
  // read from the (year, added_at) index must be merged exactly and ties broken by id.
  beforeAll(() => {
    const ids = paging.library.db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[];
    const setYear = paging.library.db.prepare('UPDATE papers SET year = ? WHERE id = ?');
    const setAdded = paging.library.db.prepare('UPDATE papers SET added_at = ? WHERE id = ?');
    paging.library.db.transaction(() => {
      ids.forEach((id, i) => {
        setYear.run(i % 41 === 0 ? null : 2018 + ((i * 37) % 7), id);
        if (i % 5 === 2) {
          const day = String(1 + ((i * 13) % 28)).padStart(2, '0');
          setAdded.run(`20${10 + ((i * 11) % 17)}-03-${day}T12:00:00.000Z`, id);
        }
      });
    })();
  });

  it('lists year views newest or oldest first exactly as the plain sort does, at every depth', () => {
    const queries = ['year:2021', 'year:2019..2020', 'year:..2022', 'year:2023..', 'year:>2018', 'year:1990'];
    const shared = paging.library.db
      .prepare('SELECT count(*) FROM (SELECT added_at FROM papers GROUP BY added_at HAVING count(*) > 1)')
      .pluck()
      .get() as number;
    expect(shared).toBeGreaterThan(0);
    for (const query of queries) {
      const compiled = compileUserQuery(query);
      expect(compiled.pureYear).not.toBeNull();
      expectAddedPagesExact(query, [
        [0, 50],
        [0, 1],
        [10, 5],
        [300, 100],
        [0, 1000],
        [990, 30],
      ]);
    }
  });
});
