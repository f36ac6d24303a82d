/**
 * Imports HF JSON files into a library, in a process of its own so its memory and its death (the atomicity check
 * kills it half way) do not touch the benchmark. Prints progress lines, then one JSON line with the figures.
 * Usage: import-child.ts [--format=NAME] <library> <file>...
 */
import fs from 'node:fs';
import { openLibrary } from '../electron/library';

const args = process.argv.slice(2);
// `--format=NAME` first chooses the importer (default: Hugging Face JSON).
const format = args[0]?.startsWith('--format=') ? args.shift()!.slice('--format='.length) : 'hf-json';
const [file, ...parts] = args;
if (!file || parts.length === 0) throw new Error('usage: import-child.ts [--format=NAME] <library> <file>...');
const library = openLibrary({ path: file });
const wal = `${file}-wal`;
let walPeak = 0;
let rssPeak = 0;
let lastDone = 0;
const sample = () => {
  walPeak = Math.max(walPeak, fs.existsSync(wal) ? fs.statSync(wal).size : 0);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
};
const started = performance.now();
const { report } = library.importSources(
  parts.map((name) => ({ name })),
  format,
  (p) => {
    if (p.done - lastDone < 5000 && p.done !== p.total) return;
    lastDone = p.done;
    sample();
    process.stdout.write(`progress ${p.name} ${p.done} ${p.total}\n`);
  },
);
const seconds = (performance.now() - started) / 1000;
sample();
// The true peak, index worker included, where Linux reports it (sampling sees only the moments between entries).
try {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  if (hwm) rssPeak = Math.max(rssPeak, Number(hwm[1]) * 1024);
} catch {
  // Not Linux.
}
library.close();
const walAfter = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
process.stdout.write(
  `${JSON.stringify({ seconds, added: report.added, failed: report.failed, walPeak, walAfter, rssPeak, dbBytes: fs.statSync(file).size })}\n`,
);
