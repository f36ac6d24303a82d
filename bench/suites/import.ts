/**
 * Import: N papers of Hugging Face JSON into a fresh library through the app's own import (one transaction, one undo
 * step), with the write-ahead log's peak size and the importing process's memory; then the same import killed half
 * way, to show that nothing of it remains.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { hfJsonParts } from '../cache';
import { mib, round } from '../measure';
import type { BenchFigure, BenchOptions, BenchSuite } from '../suite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = path.join(ROOT, 'bench', 'import-child.ts');
const BUDGET_SECONDS_PER_MILLION = 90;

interface ChildResult {
  seconds: number;
  added: number;
  failed: number;
  walPeak: number;
  walAfter: number;
  rssPeak: number;
  dbBytes: number;
}

/** Runs the import child; `killAt` (0..1) kills it once that share of the papers is in. */
function runChild(file: string, parts: string[], total: number, killAt?: number): Promise<ChildResult | 'killed'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', CHILD, file, ...parts], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let before = 0;
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        const m = /^progress (\S+) (\d+) (\d+)$/.exec(line);
        if (m) {
          const done = before + Number(m[2]);
          if (m[2] === m[3]) before += Number(m[3]);
          if (killAt !== undefined && !killed && done >= killAt * total) {
            killed = true;
            child.kill('SIGKILL');
          }
        } else if (line.startsWith('{')) resolve(JSON.parse(line) as ChildResult);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (killed) resolve('killed');
      else if (code !== 0) reject(new Error(`import child exited with ${code}`));
    });
  });
}

export const importSuite: BenchSuite = {
  name: 'import',
  async run(options: BenchOptions): Promise<BenchFigure[]> {
    const parts = hfJsonParts(options.cacheDir, options.size);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-import-'));
    const figures: BenchFigure[] = [];
    const fig = (name: string, value: number, unit: string, budget?: number, note?: string) =>
      figures.push({
        suite: 'import',
        name,
        value,
        unit,
        runs: 1,
        ...(budget !== undefined ? { budget } : {}),
        ...(note ? { note } : {}),
      });
    try {
      const file = path.join(dir, 'library.sqlite');
      const r = await runChild(file, parts, options.size);
      if (r === 'killed') throw new Error('unexpected kill');
      const budget = round((BUDGET_SECONDS_PER_MILLION * options.size) / 1_000_000, 1);
      fig(
        `import ${options.size} papers of HF JSON (one transaction)`,
        round(r.seconds, 1),
        's',
        budget,
        `${r.added} added, ${r.failed} failed`,
      );
      fig('import rate', Math.round(r.added / r.seconds), 'papers/s');
      fig('write-ahead log peak during import', mib(r.walPeak), 'MiB', undefined, `${mib(r.walAfter)} MiB after`);
      fig('importing process peak RSS', mib(r.rssPeak), 'MiB');
      fig('database after import', mib(r.dbBytes), 'MiB');

      // Atomicity: the same import killed half way leaves the library as it was (empty here), and intact.
      const killedFile = path.join(dir, 'killed.sqlite');
      const killParts = parts.slice(0, Math.max(1, Math.ceil(Math.min(options.size, 100_000) / 50_000)));
      const outcome = await runChild(killedFile, killParts, Math.min(options.size, 100_000), 0.5);
      const db = new Database(killedFile);
      const papers = db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
      const integrity = db.prepare('PRAGMA integrity_check').pluck().get() as string;
      db.close();
      fig(
        'papers left by an import killed half way',
        papers,
        'papers',
        0,
        `${outcome === 'killed' ? 'killed' : 'finished before the kill'}; integrity ${integrity}`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },
};
