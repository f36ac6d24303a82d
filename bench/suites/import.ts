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
function runChild(
  file: string,
  parts: string[],
  total: number,
  killAt?: number,
  format = 'hf-json',
): Promise<ChildResult | 'killed'> {
  return new Promise((resolve, reject) => {
    const args = ['--max-old-space-size=8192', '--import', 'tsx', CHILD, `--format=${format}`, file, ...parts];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let before = 0;
    let killed = false;
    // The log is sampled from here too: the child is busy in SQLite through the end of the import (the index and
    // its copy), where it cannot sample it itself.
    const wal = `${file}-wal`;
    let walPeak = 0;
    const sampler = setInterval(() => {
      try {
        walPeak = Math.max(walPeak, fs.statSync(wal).size);
      } catch {
        // Not there (yet, or any more).
      }
    }, 50);
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
        } else if (line.startsWith('{')) {
          const result = JSON.parse(line) as ChildResult;
          resolve({ ...result, walPeak: Math.max(result.walPeak, walPeak) });
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (killed) resolve('killed');
      else if (code !== 0) reject(new Error(`import child exited with ${code}`));
    });
  });
}

/** Papers per page file: a file over 100 MB is refused by the import (`import/read-file.ts`). */
const PAGE_PART = 40_000;

/**
 * Writes the real trending page (`fixtures/hf-papers/trending-page.txt`) with its papers repeated until there are
 * `count`, each copy's titles numbered ("… [copy 12]"), in files of PAGE_PART papers; returns the files.
 */
function writeReplicatedPage(dir: string, count: number): string[] {
  const page = fs.readFileSync(path.join(ROOT, '..', 'shared', 'fixtures', 'hf-papers', 'trending-page.txt'), 'utf8');
  // Each paper is a title line, a blank line and its abstract (one long line); the page's other lines are short.
  const lines = page.split('\n');
  const papers: [string, string][] = [];
  for (let i = 0; i + 2 < lines.length; i++) {
    if (lines[i]!.trim() && !lines[i + 1]!.trim() && lines[i + 2]!.length > 300) {
      papers.push([lines[i]!.trim(), lines[i + 2]!.trim()]);
      i += 2;
    }
  }
  const files: string[] = [];
  for (let first = 0; first < count; first += PAGE_PART) {
    const chunk: string[] = [];
    for (let n = first; n < Math.min(count, first + PAGE_PART); n++) {
      const [title, abstract] = papers[n % papers.length]!;
      chunk.push(`${title} [copy ${Math.floor(n / papers.length) + 1}]`, '', abstract, '');
    }
    const file = path.join(dir, `trending-page-${files.length + 1}.txt`);
    fs.writeFileSync(file, `${chunk.join('\n')}\n`);
    files.push(file);
  }
  return files;
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

      // The trending page as pasted from the browser (the real page of the fixtures, its papers repeated with
      // numbered titles so none is a duplicate of another) imported the same way: the page's own importer.
      const pagePapers = Math.min(options.size, 100_000);
      const pageFiles = writeReplicatedPage(dir, pagePapers);
      const p = await runChild(path.join(dir, 'page.sqlite'), pageFiles, pagePapers, undefined, 'hf-trending');
      if (p === 'killed') throw new Error('unexpected kill');
      fig(
        `import ${pagePapers} papers of the HF trending page text (one transaction)`,
        round(p.seconds, 1),
        's',
        round((BUDGET_SECONDS_PER_MILLION * pagePapers) / 1_000_000, 1),
        `the real page's 84 papers repeated with numbered titles, in ${pageFiles.length} file(s) of at most ${PAGE_PART}; ${p.added} added, ${p.failed} failed`,
      );
      fig('trending page import rate', Math.round(p.added / p.seconds), 'papers/s');

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
