/**
 * Builds one in-memory JavaScript search index (MiniSearch or FlexSearch) over the library's papers, in a process of
 * its own so its memory is measured alone, then times the benchmark's queries against it. Prints one JSON line.
 * Usage: peer-child.ts minisearch|flexsearch <library> <papers> <queries.json>
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { collectGarbage, time } from './measure';
import type { BenchQuery } from './queries';
import { authorsText } from '../electron/library/db/columns';

const [peer, file, limitText, queriesFile] = process.argv.slice(2);
const limit = Number(limitText);
const queries = JSON.parse(fs.readFileSync(queriesFile!, 'utf8')) as BenchQuery[];
const db = new Database(file ?? '', { readonly: true });
interface Doc {
  id: number;
  title: string;
  authors: string;
  abstract: string;
}
const rows = db.prepare(`SELECT id, title, ${authorsText()} AS authors, abstract FROM papers ORDER BY id LIMIT ?`);

collectGarbage();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let search: (q: BenchQuery) => number[];
if (peer === 'minisearch') {
  const index = new MiniSearch<Doc>({ fields: ['title', 'authors', 'abstract'], storeFields: [] });
  for (const doc of rows.iterate(limit) as Iterable<Doc>) index.add(doc);
  search = (q) => {
    const author = /^author:(.*)$/.exec(q.query);
    const text = author ? author[1]! : q.query.replace(/["*]/g, '');
    return index
      .search(text, {
        combineWith: 'AND',
        prefix: q.cls === 'prefix',
        boost: { title: 10, authors: 4 },
        ...(author ? { fields: ['authors'] } : {}),
      })
      .slice(0, 50)
      .map((r) => r.id as number);
  };
} else {
  const index = new FlexSearch.Index({ tokenize: 'forward' });
  for (const doc of rows.iterate(limit) as Iterable<Doc>)
    index.add(doc.id, `${doc.title} ${doc.authors} ${doc.abstract}`);
  search = (q) => index.search(q.query.replace(/^author:|["*]/g, ''), { limit: 50 }) as number[];
}
const buildSeconds = (performance.now() - started) / 1000;
collectGarbage();
const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
const rssMiB = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
const latency: Record<string, number> = {};
for (const q of queries) {
  if (q.cls === 'tag:' || q.cls === 'year:') continue;
  const t = time(() => search(q), 20);
  latency[q.cls] = Math.max(latency[q.cls] ?? 0, t.p95);
}
process.stdout.write(`${JSON.stringify({ buildSeconds, heapMiB, rssMiB, latency })}\n`);
