/**
 * `npm run bench [-- --size 10000|100000|1000000] [--smoke] [--suite NAME]`: runs every suite in bench/suites, prints
 * one table and writes the same figures as JSON to bench/results/<date>.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLOCK } from './measure';
import type { BenchFigure, BenchOptions, BenchSuite } from './suite';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SIZES = [10_000, 100_000, 1_000_000];
const USAGE = 'usage: npm run bench -- [--size 10000|100000|1000000] [--smoke] [--suite NAME]';

interface Args {
  size: number;
  smoke: boolean;
  suites: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { size: 100_000, smoke: false, suites: [] };
  let sizeGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === '--size') {
      args.size = Number(value().replace(/_/g, ''));
      sizeGiven = true;
      if (!SIZES.includes(args.size)) fail(`--size must be one of ${SIZES.join(', ')}`);
    } else if (flag === '--smoke') args.smoke = true;
    else if (flag === '--suite') args.suites.push(...value().split(','));
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  if (args.smoke && !sizeGiven) args.size = 10_000;
  return args;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function loadSuites(): Promise<BenchSuite[]> {
  const dir = path.join(HERE, 'suites');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  const suites: BenchSuite[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (isSuite(value) && !suites.includes(value)) suites.push(value);
    }
  }
  return suites;
}

function isSuite(value: unknown): value is BenchSuite {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BenchSuite).name === 'string' &&
    typeof (value as BenchSuite).run === 'function'
  );
}

const verdict = (f: BenchFigure) => (f.budget === undefined ? '' : f.value <= f.budget ? 'pass' : 'over budget');

function table(figures: BenchFigure[]): string {
  const rows = [
    ['suite', 'figure', 'value', 'unit', 'runs', 'budget', 'result'],
    ...figures.map((f) => [
      f.suite,
      f.name + (f.note ? ` (${f.note})` : ''),
      Number.isFinite(f.value) ? String(f.value) : 'n/a',
      f.unit,
      String(f.runs),
      f.budget === undefined ? '' : `≤ ${f.budget}`,
      verdict(f),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const numeric = new Set([2, 4]);
  const line = (r: string[]) =>
    r.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const options: BenchOptions = { size: args.size, smoke: args.smoke, cacheDir: path.join(HERE, 'cache') };
  fs.mkdirSync(options.cacheDir, { recursive: true });
  const all = await loadSuites();
  const unknown = args.suites.filter((s) => !all.some((suite) => suite.name === s));
  if (unknown.length > 0) fail(`unknown suite ${unknown.join(', ')} (known: ${all.map((s) => s.name).join(', ')})`);
  const chosen = args.suites.length > 0 ? all.filter((s) => args.suites.includes(s.name)) : all;
  const started = new Date();
  const figures: BenchFigure[] = [];
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    clock: CLOCK,
  };
  const resultsDir = path.join(HERE, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/:/g, '-').replace(/\..*/, '');
  const out = path.join(resultsDir, `${stamp}.json`);
  // Written after every suite, so a long full run that is stopped keeps what it measured.
  const save = () => {
    const json = { date: started.toISOString(), size: args.size, smoke: args.smoke, machine, figures };
    fs.writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  };
  for (const suite of chosen) {
    process.stderr.write(`[bench] suite ${suite.name} at ${args.size} papers${args.smoke ? ' (smoke)' : ''}\n`);
    const t0 = performance.now();
    try {
      figures.push(...(await suite.run(options)));
    } catch (err) {
      process.stderr.write(`[bench] suite ${suite.name} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    }
    process.stderr.write(`[bench] suite ${suite.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    save();
  }
  process.stdout.write(
    `Lectern benchmark, ${started.toISOString()}, ${args.size} papers${args.smoke ? ' (smoke)' : ''}, ` +
      `${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${CLOCK === 'cpu' ? 'CPU time' : 'wall time'}\n\n` +
      `${table(figures)}\n`,
  );
  save();
  process.stderr.write(`[bench] wrote ${path.relative(process.cwd(), out)}\n`);
}

await main();
