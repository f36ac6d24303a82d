/**
 * Changes through the contract, as the window makes them: status, star, tag and note on one paper, and bulk status
 * and tag on 10,000 selected papers. Runs on a copy of the cached library so the cache stays as generated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../../electron/library';
import { createRouter } from '../../electron/library/router';
import type { Result } from '../../shared/contract';
import { benchContext } from '../context';
import { rng } from '../generate';
import { round, timeAsync } from '../measure';
import type { BenchFigure, BenchOptions, BenchSuite } from '../suite';

const BUDGET_ONE = 2;
const BUDGET_BULK = 1000;
const BULK = 10_000;

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const changesSuite: BenchSuite = {
  name: 'changes',
  async run(options: BenchOptions): Promise<BenchFigure[]> {
    const { cached } = benchContext(options);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-'));
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(cached.file, file);
    const library = openLibrary({ path: file });
    try {
      const router = createRouter(library);
      const random = rng(7);
      const anyId = () => 1 + Math.floor(random() * options.size);
      const runs = options.smoke ? 30 : 100;
      const figures: BenchFigure[] = [];
      const one = async (name: string, fn: (i: number) => Promise<unknown>) => {
        let i = 0;
        const t = await timeAsync(() => fn(i++), runs, 5);
        figures.push({
          suite: 'changes',
          name: `${name} on one paper (contract), p95`,
          value: round(t.p95),
          unit: 'ms',
          runs,
          budget: BUDGET_ONE,
        });
      };
      await one('set status', (i) =>
        ok(router.call('papers.setStatus', { ids: [anyId()], status: i % 2 ? 'read' : 'to-read' })),
      );
      await one('star', (i) => ok(router.call('papers.setStarred', { ids: [anyId()], starred: i % 2 === 0 })));
      await one('tag', () => ok(router.call('papers.tag', { ids: [anyId()], add: ['bench-one'] })));
      await one('set note', (i) =>
        ok(router.call('papers.setNote', { id: anyId(), note: `Compare with **run ${i}**.` })),
      );

      const start = Math.max(0, Math.floor(options.size / 3));
      const ids = Array.from({ length: Math.min(BULK, options.size - start) }, (_, i) => start + i + 1);
      const bulk = async (name: string, fn: (i: number) => Promise<unknown>) => {
        let i = 0;
        const t = await timeAsync(() => fn(i++), 3, 0);
        figures.push({
          suite: 'changes',
          name: `${name} on ${ids.length} papers (contract), median`,
          value: round(t.p50),
          unit: 'ms',
          runs: 3,
          budget: BUDGET_BULK,
        });
      };
      const statuses = ['reading', 'read', 'skipped'] as const;
      await bulk('bulk status', (i) => ok(router.call('papers.setStatus', { ids, status: statuses[i % 3]! })));
      await bulk('bulk tag', (i) => ok(router.call('papers.tag', { ids, add: [`bench-bulk-${i}`] })));
      return figures;
    } finally {
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
