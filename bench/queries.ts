/**
 * The benchmark's queries, one set per class, chosen from the library itself so each class means the same thing at
 * every size: a very common term is in about 80% of the papers whether there are ten thousand or a million.
 * Document frequencies are estimated on a sample of the papers (by stem, as the index sees words), then the chosen
 * terms are counted exactly and their real share is reported with the figures.
 */
import type { Db } from '../electron/library/db/open';
import { loadVocabulary } from './vocab';

export type QueryClass =
  | 'rare term'
  | 'mid term'
  | 'common term'
  | 'very common term'
  | 'two terms'
  | 'phrase'
  | 'prefix'
  | 'author:'
  | 'tag:'
  | 'year:';

export interface BenchQuery {
  cls: QueryClass;
  query: string;
  /** The same search for a naive `LIKE '%…%'` scan over title and abstract, when it has one. */
  like: string[] | null;
}

const SAMPLE = 5000;
const WORD = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g;

/** Word → stem, using SQLite's own porter tokenizer so stems are exactly what the index stores. */
function stems(db: Db, words: string[]): Map<string, string> {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_stem USING fts5(w, tokenize = 'porter unicode61 remove_diacritics 2');
           DELETE FROM temp.bench_stem;
           CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_stem_v USING fts5vocab(temp, bench_stem, 'instance');`);
  const insert = db.prepare('INSERT INTO temp.bench_stem (rowid, w) VALUES (?, ?)');
  db.transaction(() => words.forEach((w, i) => insert.run(i + 1, w)))();
  const rows = db.prepare('SELECT doc, term FROM temp.bench_stem_v').all() as { doc: number; term: string }[];
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(words[r.doc - 1]!)) out.set(words[r.doc - 1]!, r.term);
  return out;
}

function count(db: Db, match: string): number {
  return (db.prepare('SELECT count(*) AS n FROM papers_fts WHERE papers_fts MATCH ?').get(match) as { n: number }).n;
}

export function chooseQueries(db: Db, perClass: number): BenchQuery[] {
  const total = (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
  const step = Math.max(1, Math.floor(total / SAMPLE));
  const sample = db.prepare('SELECT title, abstract FROM papers WHERE id % ? = 0 LIMIT ?').all(step, SAMPLE) as {
    title: string;
    abstract: string;
  }[];
  const vocab = loadVocabulary();
  const real = vocab.words.slice(0, vocab.words.length - 200_000);
  const stemOf = stems(db, real);
  const df = new Map<string, number>();
  const wordsOfStem = new Map<string, string>();
  for (const paper of sample) {
    const seen = new Set<string>();
    for (const w of `${paper.title} ${paper.abstract}`.toLowerCase().match(WORD) ?? []) {
      const s = stemOf.get(w);
      if (s) seen.add(s);
    }
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
  }
  for (const w of real) {
    const s = stemOf.get(w);
    // The word that reads best for a stem is the shortest one that is not itself a different stem's form.
    if (s && /^[a-z]{3,}$/.test(w) && (!wordsOfStem.has(s) || w.length < wordsOfStem.get(s)!.length))
      wordsOfStem.set(s, w);
  }
  const near = (share: number, n: number): string[] =>
    [...df.entries()]
      .filter(([s]) => wordsOfStem.has(s))
      .sort((a, b) => Math.abs(a[1] / sample.length - share) - Math.abs(b[1] / sample.length - share))
      .slice(0, n)
      .map(([s]) => wordsOfStem.get(s)!);

  const out: BenchQuery[] = [];
  const add = (cls: QueryClass, query: string, like: string[] | null) => out.push({ cls, query, like });
  // Rare: invented words from the far tail of the vocabulary that the library does contain.
  const tail = vocab.words.slice(vocab.words.length - 120_000);
  let rare = 0;
  for (let i = 0; i < tail.length && rare < perClass; i += 997) {
    const n = count(db, `"${tail[i]}"`);
    if (n >= 1 && n <= Math.max(3, total / 20_000)) {
      add('rare term', tail[i]!, [tail[i]!]);
      rare++;
    }
  }
  for (const [cls, share] of [
    ['mid term', 0.01],
    ['common term', 0.25],
    ['very common term', 0.8],
  ] as const) {
    for (const w of near(share, perClass)) add(cls, w, [w]);
  }
  const mids = near(0.03, perClass);
  const commons = near(0.25, perClass);
  for (let i = 0; i < perClass; i++) {
    add('two terms', `${commons[i]} ${mids[i]}`, [commons[i]!, mids[i]!]);
  }
  const phrases = vocab.pairs.filter((p) => !/\b(of|the|in|to|a|and|on|for|we|this|is|as|by|with|that)\b/.test(p));
  // Phrases of every frequency: the field's most common phrase, then rarer ones.
  for (const pair of [phrases[0], phrases[8], phrases[60]].slice(0, perClass)) {
    if (!pair) continue;
    add('phrase', `"${pair}"`, [pair]);
  }
  for (const prefix of ['tran', 'gen', 'rob'].slice(0, perClass)) add('prefix', `${prefix}*`, [prefix]);
  const families = db
    .prepare('SELECT first_author AS f, count(*) AS n FROM papers WHERE id % ? = 0 GROUP BY f ORDER BY n DESC LIMIT 40')
    .all(step) as { f: string }[];
  for (const { f } of families.filter((_, i) => i % 10 === 5).slice(0, perClass)) {
    add('author:', `author:${f}`, null);
  }
  const tags = db
    .prepare(
      'SELECT t.name FROM tags t ORDER BY (SELECT count(*) FROM paper_tags pt WHERE pt.tag_id = t.id) DESC LIMIT 30',
    )
    .pluck()
    .all() as string[];
  for (const t of [tags[0], tags[5], tags[25]].slice(0, perClass)) {
    if (t) add('tag:', `tag:${t}`, null);
  }
  for (const y of ['year:2021', 'year:2019..2020', 'year:2025'].slice(0, perClass)) add('year:', y, null);
  return out;
}
