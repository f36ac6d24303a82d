/**
 * Search: ranked top 50 with snippets, the first 50 while typing, and the match count, for every query class; the
 * ranking's agreement with exact bm25; and the naive `LIKE '%term%'` scan on the same database, side by side.
 */
import { createRouter } from '../../electron/library/router';
import { compileUserQuery, countWhere, listRows } from '../../electron/library/search/list';
import type { Db } from '../../electron/library/db/open';
import { forgetRankings } from '../../electron/library/search/remembered';
import { benchContext, byClass } from '../context';
import { agreement, exactTop } from '../exact';
import { round, time, timeAsync } from '../measure';
import type { BenchQuery } from '../queries';
import type { BenchFigure, BenchOptions, BenchSuite } from '../suite';

const BUDGET = { ranked: 50, typing: 5, count: 60 };
/** Runs per query of the first 50 while typing, at every size. */
const TYPING_RUNS = 100;

/** What most desktop reference managers do for quick search: a substring scan, newest first, plus the count. */
function naiveSearch(db: Db, terms: string[]): void {
  const where = terms.map(() => '(title LIKE ? OR abstract LIKE ?)').join(' AND ');
  const params = terms.flatMap((t) => [`%${t}%`, `%${t}%`]);
  db.prepare(`SELECT id, title FROM papers WHERE ${where} ORDER BY added_at DESC LIMIT 50`).all(...params);
  db.prepare(`SELECT count(*) FROM papers WHERE ${where}`).get(...params);
}

function samples(queries: BenchQuery[], runs: number, fn: (q: BenchQuery) => unknown): { p95: number; p50: number } {
  const all = queries.map((q) => time(() => fn(q), runs));
  // The class's p95 is the worst query's p95: every query of the class must hold the budget.
  return { p95: Math.max(...all.map((t) => t.p95)), p50: Math.max(...all.map((t) => t.p50)) };
}

export const searchSuite: BenchSuite = {
  name: 'search',
  async run(options: BenchOptions): Promise<BenchFigure[]> {
    const { library, queries, runs } = benchContext(options);
    const db = library.db;
    const router = createRouter(library);
    const figures: BenchFigure[] = [];
    const fig = (name: string, value: number, unit: string, n: number, budget?: number, note?: string) =>
      figures.push({
        suite: 'search',
        name,
        value: round(value),
        unit,
        runs: n,
        ...(budget !== undefined ? { budget } : {}),
        ...(note ? { note } : {}),
      });
    for (const [cls, group] of byClass(queries)) {
      const compiled = new Map(group.map((q) => [q.query, compileUserQuery(q.query)]));
      const matches = group.map((q) => countWhere(db, compiled.get(q.query)!));
      const share = matches.map((m) => `${((100 * m) / options.size).toFixed(m < options.size / 1000 ? 3 : 0)}%`);
      const n = runs * group.length;
      const page = { offset: 0, limit: 50, query: '', direction: undefined };
      // Each run ranks afresh: a ranking remembered from the run before would be measured as no work at all.
      const ranked = samples(group, runs, (q) => {
        forgetRankings(db);
        return listRows(db, compiled.get(q.query)!, { ...page, query: q.query, sort: 'relevance', snippets: true });
      });
      const agree = Math.min(
        ...group.map((q) =>
          agreement(
            exactTop(db, q.query),
            listRows(db, compiled.get(q.query)!, { ...page, query: q.query, sort: 'relevance', snippets: false }).map(
              (r) => r.id,
            ),
          ),
        ),
      );
      const queriesNote = group.map((q, i) => `${q.query} ${share[i]}`).join(', ');
      fig(`ranked top 50 with snippets, ${cls}, p95`, ranked.p95, 'ms', n, BUDGET.ranked, queriesNote);
      fig(`ranked top 50 agreement with exact bm25, ${cls}, min`, agree * 100, '%', group.length);
      // Typing is cheap and its budget small: enough runs that the p95 is a 95th percentile and not the slowest of
      // a few runs, which is wherever the process's garbage collector happened to land.
      const typing = samples(group, Math.max(runs, TYPING_RUNS), (q) =>
        listRows(db, compiled.get(q.query)!, { ...page, query: q.query, sort: 'added', snippets: false }),
      );
      fig(
        `first 50 while typing, ${cls}, p95`,
        typing.p95,
        'ms',
        Math.max(runs, TYPING_RUNS) * group.length,
        BUDGET.typing,
      );
      const counting = samples(group, runs, (q) => countWhere(db, compiled.get(q.query)!));
      fig(`match count, ${cls}, p95`, counting.p95, 'ms', n, BUDGET.count);
      // The whole contract call a view makes: rows, snippets and the total, through validation.
      const call = [];
      for (const q of group) {
        call.push(
          await timeAsync(() => {
            forgetRankings(db);
            return router.call('papers.list', { query: q.query, limit: 50, snippets: true });
          }, runs),
        );
      }
      const callP50 = Math.max(...call.map((t) => t.p50));
      fig(`papers.list ranked with total (contract), ${cls}, p95`, Math.max(...call.map((t) => t.p95)), 'ms', n);
      const likeQueries = group.filter((q) => q.like !== null);
      if (likeQueries.length > 0) {
        const big = options.size >= 1_000_000;
        const likeRuns = big ? 3 : Math.max(3, Math.floor(runs / 4));
        const chosen = big ? likeQueries.slice(0, 1) : likeQueries;
        const naive = chosen.map((q) => time(() => naiveSearch(db, q.like!), likeRuns, 1));
        const naiveP50 = Math.max(...naive.map((t) => t.p50));
        fig(`naive LIKE first 50 + count, ${cls}, p50`, naiveP50, 'ms', likeRuns * chosen.length);
        fig(`speed-up over naive LIKE, ${cls}`, naiveP50 / callP50, '×', likeRuns * chosen.length);
      }
    }
    return figures;
  },
};
