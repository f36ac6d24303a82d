/** Footprint: the database's size against the raw text it holds, and the Node process holding the library. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript } from '../child';
import { benchContext } from '../context';
import { DEFAULT_SEED, GENERATOR_VERSION } from '../generate';
import { mib, round } from '../measure';
import type { BenchFigure, BenchOptions, BenchSuite } from '../suite';

interface LibraryChild {
  firstPageMs: number;
  rss: number;
  rssPeak: number;
  heapUsed: number;
}

export const footprintSuite: BenchSuite = {
  name: 'footprint',
  async run(options: BenchOptions): Promise<BenchFigure[]> {
    const { cached, queries } = benchContext(options);
    const bytes = fs.statSync(cached.file).size;
    const figures: BenchFigure[] = [
      {
        suite: 'footprint',
        name: 'database size / raw text (title, authors, abstract)',
        value: round(bytes / cached.rawTextBytes),
        unit: '×',
        runs: 1,
        budget: 2.2,
        note: `${mib(bytes)} MiB for ${mib(cached.rawTextBytes)} MiB of text`,
      },
    ];
    // The same papers as the Hugging Face JSON they are imported from, when the import suite has written it.
    const json = path.join(options.cacheDir, `hf-json-${options.size}-s${DEFAULT_SEED}-g${GENERATOR_VERSION}`);
    if (fs.existsSync(path.join(json, 'DONE'))) {
      const jsonBytes = fs
        .readdirSync(json)
        .filter((f) => f.endsWith('.json'))
        .reduce((sum, f) => sum + fs.statSync(path.join(json, f)).size, 0);
      figures.push({
        suite: 'footprint',
        name: 'database size / the HF JSON imported',
        value: round(bytes / jsonBytes),
        unit: '×',
        runs: 1,
        note: `${mib(jsonBytes)} MiB of JSON`,
      });
    }
    const queriesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-')), 'queries.json');
    fs.writeFileSync(queriesFile, JSON.stringify(queries));
    const r = await runScript<LibraryChild>('library-child.ts', [cached.file, queriesFile]);
    fs.rmSync(path.dirname(queriesFile), { recursive: true, force: true });
    figures.push(
      {
        suite: 'footprint',
        name: 'open the library to the first page (Node, no window)',
        value: round(r.firstPageMs, 1),
        unit: 'ms',
        runs: 1,
      },
      {
        suite: 'footprint',
        name: 'Node RSS holding the library, after searching and paging',
        value: mib(r.rssPeak),
        unit: 'MiB',
        runs: 1,
        budget: 300,
        note: `heap ${mib(r.heapUsed)} MiB`,
      },
    );
    return figures;
  },
};
