/** Listing: a page of 100 rows in every sort order, at the first, middle and last page of the whole library. */
import { compileUserQuery, listRows } from '../../electron/library/search/list';
import { createRouter } from '../../electron/library/router';
import { SORT_FIELDS, type SortField } from '../../shared/types';
import { benchContext } from '../context';
import { collectGarbage, round, time, timeAsync } from '../measure';
import type { BenchFigure, BenchOptions, BenchSuite } from '../suite';

const BUDGET_PAGE = 5;
const PAGE = 100;
/**
 * Runs per figure at every size, not the context's (10 at a million papers, where the maximum of 10 was reported as
 * the p95): a page takes a millisecond or two, so 100 runs make the p95 a real 95th percentile (the 95th of the 100 times) and
 * cost about 15 s for the whole suite at a million papers.
 */
const PAGE_RUNS = 100;

export const listingSuite: BenchSuite = {
  name: 'listing',
  async run(options: BenchOptions): Promise<BenchFigure[]> {
    const { library } = benchContext(options);
    const runs = PAGE_RUNS;
    // The garbage of opening the library and choosing the queries (50 MB at a million papers) is collected now, not
    // by a full collection in the middle of the first figure (it put 2.9-3.8 ms on that figure's p95).
    collectGarbage();
    const router = createRouter(library);
    const figures: BenchFigure[] = [];
    const all = compileUserQuery('');
    const depths: [string, number][] = [
      ['first', 0],
      ['middle', Math.floor(options.size / 2)],
      ['last', options.size - PAGE],
    ];
    const sorts = SORT_FIELDS.filter((s): s is Exclude<SortField, 'relevance'> => s !== 'relevance');
    for (const sort of sorts) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const [depth, offset] of depths) {
          const t = time(
            () => listRows(library.db, all, { query: '', sort, direction, offset, limit: PAGE, snippets: false }),
            runs,
          );
          figures.push({
            suite: 'listing',
            name: `page of ${PAGE} by ${sort} ${direction}, ${depth} page (offset), p95`,
            value: round(t.p95),
            unit: 'ms',
            runs: t.runs,
            budget: BUDGET_PAGE,
          });
        }
      }
    }
    const call = await timeAsync(() => router.call('papers.list', { query: '', sort: 'added', limit: PAGE }), runs);
    figures.push({
      suite: 'listing',
      name: `papers.list first page with total (contract), p95`,
      value: round(call.p95),
      unit: 'ms',
      runs: call.runs,
    });
    return figures;
  },
};
