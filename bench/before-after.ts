/**
 * Before and after, on one cached library: each listing plan this work replaced, as the SQL it used to run, beside
 * what the library runs now, for the benchmark's own queries. Timed in CPU time when BENCH_CLOCK=cpu.
 * Usage: npx tsx bench/before-after.ts [size]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../electron/library';
import { compileUserQuery, countWhere, listRows } from '../electron/library/search/list';
import { forgetRankings } from '../electron/library/search/remembered';
import { BM25 } from '../electron/library/search/ranked';
import { cachedLibrary } from './cache';
import { CLOCK, round, time } from './measure';
import { chooseQueries } from './queries';

const size = Number(process.argv[2] ?? 100_000);
const cacheDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cache');
const library = openLibrary({ path: cachedLibrary(cacheDir, size).file });
const db = library.db;
const W = BM25;
const runs = 10;
const rows: string[] = [];
const row = (what: string, before: () => unknown, after: () => unknown) => {
  const b = time(before, runs, 1).p50;
  const a = time(after, runs, 1).p50;
  rows.push(`| ${what} | ${round(b)} ms | ${round(a)} ms | ${round(b / a, 1)}× |`);
};
const opts = { offset: 0, limit: 50, snippets: false, direction: undefined };
const queries = chooseQueries(db, 1).filter((q) =>
  ['mid term', 'common term', 'very common term', 'prefix', 'tag:'].includes(q.cls),
);
for (const q of queries) {
  const c = compileUserQuery(q.query);
  row(
    `count, ${q.cls} (${q.query})`,
    () => db.prepare(`SELECT count(*) FROM papers p WHERE ${c.where}`).get(...c.params),
    () => countWhere(db, c),
  );
  row(
    `first 50 newest first, ${q.cls}`,
    () =>
      db
        .prepare(`SELECT p.* FROM papers p WHERE ${c.where} ORDER BY p.added_at DESC, p.id DESC LIMIT 50`)
        .all(...c.params),
    () => listRows(db, c, { ...opts, query: q.query, sort: 'added' }),
  );
  // The paper's own text only: the old plan, before the annotations had an index of their own.
  if (c.rankP) {
    row(
      `ranked top 50, ${q.cls}`,
      () =>
        db
          .prepare(
            `SELECT p.* FROM papers p JOIN (SELECT rowid AS rid, ${W} AS score FROM papers_fts WHERE papers_fts MATCH ?) r
             ON r.rid = p.id WHERE ${c.where} ORDER BY r.score, p.id DESC LIMIT 50`,
          )
          .all(c.rankP, ...c.params),
      () => {
        forgetRankings(db);
        return listRows(db, c, { ...opts, query: q.query, sort: 'relevance' });
      },
    );
  }
}
const all = compileUserQuery('');
const middle = Math.floor(size / 2);
for (const [sort, key] of [
  ['title', 'p.title COLLATE NOCASE'],
  ['added', 'p.added_at'],
] as const) {
  // Warm the remembered positions once, as the first deep page after a change does.
  listRows(db, all, { ...opts, query: '', sort, offset: middle, limit: 100 });
  row(
    `page of 100 by ${sort}, middle (OFFSET ${middle})`,
    () => db.prepare(`SELECT p.* FROM papers p ORDER BY ${key}, p.id LIMIT 100 OFFSET ?`).all(middle),
    () => listRows(db, all, { ...opts, query: '', sort, direction: 'asc', offset: middle, limit: 100 }),
  );
}
const status =
  "CASE p.status WHEN 'new' THEN 0 WHEN 'to-read' THEN 1 WHEN 'reading' THEN 2 WHEN 'read' THEN 3 ELSE 4 END";
row(
  `page of 100 by status, middle (no index on the expression before)`,
  () => db.prepare(`SELECT p.* FROM papers p NOT INDEXED ORDER BY ${status}, p.id LIMIT 100 OFFSET ?`).all(middle),
  () => listRows(db, all, { ...opts, query: '', sort: 'status', direction: 'asc', offset: middle, limit: 100 }),
);
process.stdout.write(
  `${size} papers, ${CLOCK} time, median of ${runs}\n\n| plan | before | after | |\n|---|---:|---:|---:|\n${rows.join('\n')}\n`,
);
library.close();
