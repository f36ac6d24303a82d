/**
 * Prints a results file (bench/results/<date>.json) as the Markdown table the README shows.
 * Usage: npx tsx bench/markdown.ts bench/results/<date>.json [more.json...]
 */
import fs from 'node:fs';
import type { BenchFigure } from './suite';

interface Results {
  date: string;
  size: number;
  smoke: boolean;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string };
  figures: BenchFigure[];
}

for (const file of process.argv.slice(2)) {
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
  const lines = [
    `${r.size.toLocaleString('en')} papers, ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.machine.cores} cores (${r.machine.cpu}), ` +
      `${r.machine.memoryGiB} GiB, Node ${r.machine.node}`,
    '',
    '| suite | figure | value | runs | budget | |',
    '|---|---|---:|---:|---:|---|',
    ...r.figures.map((f) => {
      const verdict = f.budget === undefined ? '' : f.value <= f.budget ? 'pass' : '**miss**';
      const value = Number.isFinite(f.value) ? `${f.value} ${f.unit}` : 'n/a';
      const name = (f.name + (f.note ? ` (${f.note})` : '')).replace(/\|/g, '\\|');
      return `| ${f.suite} | ${name} | ${value} | ${f.runs} | ${f.budget === undefined ? '' : `≤ ${f.budget} ${f.unit}`} | ${verdict} |`;
    }),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
