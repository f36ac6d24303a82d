/**
 * The Node side holding a library, alone in its process: opens it cold, shows the first page, runs the benchmark's
 * searches and pages through it, then reports how long the first page took and how much memory the process holds.
 * Usage: library-child.ts <library> <queries.json>
 */
import fs from 'node:fs';
import { openLibrary } from '../electron/library';
import { collectGarbage } from './measure';
import type { BenchQuery } from './queries';

const [file, queriesFile] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queriesFile!, 'utf8')) as BenchQuery[];
const started = performance.now();
const library = openLibrary({ path: file! });
library.list({ query: '', sort: 'added', offset: 0, limit: 100, snippets: false });
const firstPageMs = performance.now() - started;
let rssPeak = process.memoryUsage().rss;
for (const q of queries) {
  library.list({ query: q.query, sort: 'relevance', offset: 0, limit: 50, snippets: true });
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}
const total = library.counts().all;
for (const sort of ['title', 'author', 'year', 'added', 'status'] as const) {
  for (const offset of [0, Math.floor(total / 2), Math.max(0, total - 100)]) {
    library.list({ query: '', sort, offset, limit: 100, snippets: false });
  }
}
collectGarbage();
rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
const { rss, heapUsed } = process.memoryUsage();
library.close();
process.stdout.write(`${JSON.stringify({ firstPageMs, rss, rssPeak, heapUsed })}\n`);
