/**
 * Peak memory of importing a big file: `node --import tsx scripts/import-memory.ts [MB]`.
 * Generates a Hugging Face trending-page text of about MB megabytes (the real page's papers, repeated with numbered
 * titles), then imports it into a fresh library in a child process per path, and prints each child's peak RSS
 * (VmHWM): the CLI's in-process import, and the window's import through the worker (which reads the file itself).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigTrendingText } from '../tests/unit/big-input';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];

function peakMb(): number {
  const kb = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

async function child(which: string, file: string, library: string): Promise<void> {
  const { openLibrary } = await import('../electron/library');
  const lib = openLibrary({ path: library });
  const start = Date.now();
  let added: number;
  if (which === 'worker') {
    const { importJobs } = await import('../electron/library/jobs/import-jobs');
    added = (await importJobs(lib).run([{ name: file }])).report.added;
  } else {
    added = lib.importSources([{ name: file }]).report.added;
  }
  console.log(JSON.stringify({ path: which, added, seconds: (Date.now() - start) / 1000, peakRssMB: peakMb() }));
  lib.close();
}

if (mode === '--child') {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
} else {
  const mb = Number(mode ?? 50);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-memory-'));
  const file = path.join(dir, 'trending-big.txt');
  // The real page is about 1.7 KB per paper.
  fs.writeFileSync(file, bigTrendingText(Math.max(1, Math.round((mb * 1e6) / 143_000))));
  console.log(`file: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
  const self = fileURLToPath(import.meta.url);
  for (const which of ['cli', 'worker']) {
    const library = path.join(dir, `${which}.sqlite`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', which, file, library], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(r.stdout);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
