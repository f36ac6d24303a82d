/**
 * Peers side by side: MiniSearch and FlexSearch, the in-memory JavaScript indexes Electron apps embed, built over
 * the same papers (up to 100,000, or all of them when BENCH_PEERS_MAX allows), each in its own process: build time,
 * memory, and query latency beside Lectern's for the same queries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileUserQuery, listRows } from '../../electron/library/search/list';
import { forgetRankings } from '../../electron/library/search/remembered';
import { runScript } from '../child';
import { benchContext, byClass } from '../context';
import { round, time } from '../measure';
import type { BenchFigure, BenchOptions, BenchSuite } from '../suite';

interface PeerResult {
  buildSeconds: number;
  heapMiB: number;
  rssMiB: number;
  latency: Record<string, number>;
}

export const peersSuite: BenchSuite = {
  name: 'peers',
  async run(options: BenchOptions): Promise<BenchFigure[]> {
    const { cached, library, queries, runs } = benchContext(options);
    const max = Number(process.env['BENCH_PEERS_MAX'] ?? 100_000);
    const papers = Math.min(options.size, max);
    const note =
      papers < options.size ? `peers over the first ${papers} papers, Lectern over all ${options.size}` : undefined;
    const figures: BenchFigure[] = [];
    const fig = (name: string, value: number, unit: string, n = 1) =>
      figures.push({ suite: 'peers', name, value: round(value), unit, runs: n, ...(note ? { note } : {}) });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-'));
    const queriesFile = path.join(dir, 'queries.json');
    fs.writeFileSync(queriesFile, JSON.stringify(queries));
    try {
      const lectern = new Map<string, number>();
      for (const [cls, group] of byClass(queries)) {
        if (cls === 'tag:' || cls === 'year:') continue;
        const worst = Math.max(
          ...group.map(
            (q) =>
              time(() => {
                // Ranked afresh each run, as a query's first page is (see the search suite).
                forgetRankings(library.db);
                return listRows(library.db, compileUserQuery(q.query), {
                  query: q.query,
                  sort: 'relevance',
                  offset: 0,
                  limit: 50,
                  snippets: false,
                });
              }, runs).p95,
          ),
        );
        lectern.set(cls, worst);
        fig(`Lectern top 50, ${cls}, p95`, worst, 'ms', runs * group.length);
      }
      for (const peer of ['minisearch', 'flexsearch']) {
        try {
          const r = await runScript<PeerResult>(
            'peer-child.ts',
            [peer, cached.file, String(papers), queriesFile],
            ['--max-old-space-size=12000'],
          );
          fig(`${peer} build over ${papers} papers`, r.buildSeconds, 's');
          fig(`${peer} heap after build`, r.heapMiB, 'MiB');
          for (const [cls, p95] of Object.entries(r.latency)) fig(`${peer} top 50, ${cls}, p95`, p95, 'ms', 20);
        } catch (err) {
          fig(`${peer} build over ${papers} papers (failed: ${(err as Error).message.slice(0, 80)})`, NaN, 's');
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },
};
