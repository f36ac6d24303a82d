/**
 * BibTeX: Lectern's reader (full LaTeX decoding) on real fixture files repeated to 100,000+ entries, parse only and
 * parse + import into a new library; the reference parser Better BibTeX uses (@retorquere/bibtex-parser) on the same
 * text (a 10,000-entry slice of it: at its speed the whole would take minutes); and how often the two agree on
 * title, authors and year. Runs alone too: `npx tsx bench/suites/bibtex.ts [--smoke]`.
 *
 * The machine is shared, so next to wall-clock rates the notes give the rate by the process's CPU time, which
 * other processes do not inflate (it counts GC helper threads too, so it errs low).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openLibrary } from '../../electron/library';
import { parseBibtex } from '../../electron/library/import/formats/bibtex';
import { compare, parseWithReference } from '../bibtex/agreement';
import { acceptedFiles, buildCorpus, sliceEntries } from '../bibtex/corpus';
import { median, type BenchFigure, type BenchOptions, type BenchSuite } from '../suite';

const SUITE = 'bibtex';
/** The issue's floor for Lectern, in entries per second. */
const FLOOR = 10_000;

interface Timed<T> {
  value: T;
  wall: number;
  cpu: number;
}

function timed<T>(fn: () => T): Timed<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
}

const rate = (n: number, seconds: number) => Math.round(n / seconds);

/** Where two strings part: a few characters either side of the first difference, Lectern's then the reference's. */
function differingPart(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 12), i + 16));
  return `${around(a)} vs ${around(b)}`;
}
const fmt = (n: number) => n.toLocaleString('en-US');

function measure(options: BenchOptions): BenchFigure[] {
  // A fixed size: the library size of other suites (up to a million) would not fit a JavaScript string as BibTeX.
  const target = options.smoke ? 5_000 : 100_000;
  const sliceSize = options.smoke ? 1_000 : 10_000;
  const files = acceptedFiles(options.cacheDir);
  const corpus = buildCorpus(files, target);
  const mb = (Buffer.byteLength(corpus.text) / 1e6).toFixed(1);
  const what = `${fmt(corpus.entries)} entries, ${mb} MB, from ${corpus.files} real fixture files`;
  process.stderr.write(`[bench] bibtex corpus: ${what}\n`);

  // Each run keeps only its count of papers, so that runs do not pile up each other's 100,000 drafts.
  const parseRuns: Timed<number>[] = [];
  for (let i = 0; i < (options.smoke ? 1 : 3); i++) {
    parseRuns.push(timed(() => [...parseBibtex(corpus.text)].filter((e) => e.ok).length));
  }
  const ok = parseRuns[0]!.value;
  const wall = median(parseRuns.map((r) => r.wall));
  const cpu = median(parseRuns.map((r) => r.cpu));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-bibtex-'));
  const library = openLibrary({ path: path.join(dir, 'library.sqlite') });
  const imported = timed(() => library.importText('bench.bib', corpus.text));
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const report = imported.value;

  const slice = sliceEntries(corpus.text, sliceSize);
  const mine = [...parseBibtex(slice)];
  const reference = timed(() => parseWithReference(slice));
  const agreement = compare(mine, reference.value);
  const identical = (100 * agreement.identical) / Math.max(1, agreement.compared);
  const examples = agreement.examples
    .slice(0, 2)
    .map((e) => `${e.key} ${e.field} ${differingPart(e.lectern, e.reference)}`)
    .join('; ');

  const parseRate = rate(corpus.entries, wall);
  return [
    {
      suite: SUITE,
      name: 'Lectern parse with full LaTeX decoding',
      value: parseRate,
      unit: 'entries/s',
      runs: parseRuns.length,
      note: `${what}; ${fmt(ok)} papers; by CPU time ${fmt(rate(corpus.entries, cpu))}/s; floor ${fmt(FLOOR)}/s`,
    },
    {
      // Held to the floor by CPU time: on this shared 2-core machine the wall clock mostly measures the neighbours.
      suite: SUITE,
      name: 'Lectern parse, CPU seconds per 100,000 entries',
      value: Number(((100_000 * cpu) / corpus.entries).toFixed(2)),
      unit: 's',
      runs: parseRuns.length,
      budget: 100_000 / FLOOR,
      note: `wall clock ${((100_000 * wall) / corpus.entries).toFixed(2)} s at load average ${os.loadavg()[0]!.toFixed(1)}`,
    },
    {
      suite: SUITE,
      name: 'Lectern parse + import into a new library',
      value: rate(corpus.entries, imported.wall),
      unit: 'entries/s',
      runs: 1,
      note:
        `by CPU time ${fmt(rate(corpus.entries, imported.cpu))}/s; added ${fmt(report.added)}, merged ` +
        `${fmt(report.merged)}, unchanged duplicates ${fmt(report.skipped)} (the copies repeat titles), failed ${report.failed}`,
    },
    {
      suite: SUITE,
      name: 'reference @retorquere/bibtex-parser parse',
      value: rate(reference.value.length, reference.wall),
      unit: 'entries/s',
      runs: 1,
      note: `the first ${fmt(reference.value.length)} entries of the same text, as the whole would take minutes; by CPU time ${fmt(rate(reference.value.length, reference.cpu))}/s`,
    },
    {
      suite: SUITE,
      name: 'agreement with the reference on title, authors and year',
      value: Number(identical.toFixed(2)),
      unit: '% identical',
      runs: 1,
      note: `${fmt(agreement.identical)} of ${fmt(agreement.compared)} entries; reference HTML markup stripped, blanks collapsed${examples ? `; e.g. ${examples}` : ''}`,
    },
    {
      suite: SUITE,
      name: 'entries differing from the reference',
      value: Number((100 - identical).toFixed(2)),
      unit: '%',
      runs: 1,
      budget: 1,
    },
  ];
}

/** Everything here is synchronous (the parsers and better-sqlite3 are); the suite interface is a promise. */
const run = (options: BenchOptions): Promise<BenchFigure[]> => Promise.resolve(measure(options));

export const bibtexSuite: BenchSuite = { name: SUITE, run };

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const cacheDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cache');
  const figures = await run({ size: 100_000, smoke: process.argv.includes('--smoke'), cacheDir });
  for (const f of figures) {
    const budget = f.budget === undefined ? '' : ` (budget ≤ ${f.budget})`;
    process.stdout.write(`${f.name}: ${fmt(f.value)} ${f.unit}${budget}${f.note ? `\n    ${f.note}` : ''}\n`);
  }
}
