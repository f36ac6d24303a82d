/**
 * The bm25 of a few papers' own text for one word, phrase or prefix, without scanning the index: FTS5 can only find
 * a paper's match by walking the query's whole doclist (twice with bm25(): once to count it for the idf), which for
 * a phrase in 96% of a million papers is 190 ms a walk, whether one paper is wanted or all.
 *
 * Instead the papers' text goes into a temporary FTS5 index (same columns, same tokenizer, as the snippets do), whose
 * bm25() gives each matching paper -idf' * f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl')) with its own idf' and
 * avgdl'. Those are known (its rows, its matches, the papers' lengths D from the real index's docsize table), so f,
 * the weighted count of the paper's matches (10 per title hit, 4 per author hit, 1 per abstract hit: an integer), is
 * solved for, and the score recomputed with the real index's idf and average length, operation for operation as
 * fts5_aux.c does it: the same double, bit for bit (checked on 1,000 papers of the benchmark library, and by the
 * tests against bm25() itself).
 */
import { indexedAuthors } from '../db/columns';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { discountScratchChanges } from './page-index';

/** fts5_aux.c's constants. */
const K1 = 1.2;
const B = 0.75;
export const IDF_FLOOR = 1e-6;
/** The columns' weights in `BM25` (ranked.ts): integers, so a paper's weighted count of matches is one too. */
const WEIGHTS = '10.0, 4.0, 1.0';

/** SQLite's varints, as FTS5 writes its averages and document sizes. */
function varints(block: Uint8Array): number[] {
  const out: number[] = [];
  let pos = 0;
  while (pos < block.length) {
    let value = 0;
    let i = 0;
    for (; i < 8; i++) {
      const byte = block[pos + i]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    if (i === 8) {
      value = value * 256 + block[pos + 8]!;
      pos += 9;
    } else pos += i + 1;
    out.push(value);
  }
  return out;
}

/** Rows and tokens of `papers_fts`, as bm25 reads them: its averages record (rows, then each column's tokens). */
export function indexAverages(db: Db): { rows: number; tokens: number } {
  const block = cached(db, 'SELECT block FROM papers_fts_data WHERE id = 1').pluck().get() as Buffer | undefined;
  const [rows = 0, ...columns] = block ? varints(block) : [];
  return { rows, tokens: columns.reduce((a, b) => a + b, 0) };
}

/**
 * bm25's idf for a phrase `nHit` of `nRow` rows match. The logarithm is SQLite's ln(), the C library's log() that
 * fts5_aux.c calls: JavaScript's Math.log can differ from it in the last bit.
 */
export function idf(db: Db, nRow: number, nHit: number): number {
  const value = cached(db, 'SELECT ln((? - ? + 0.5) / (? + 0.5))').pluck().get(nRow, nHit, nHit) as number | null;
  return value === null || value <= 0 ? IDF_FLOOR : value;
}

/** fts5_aux.c's fts5Bm25Function for a query of one phrase, in the same order of operations. */
function bm25(f: number, size: number, avgdl: number, phraseIdf: number): number {
  let score = 0.0;
  score += phraseIdf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * size) / avgdl)));
  return -1.0 * score;
}

/**
 * Own-text scores of the papers `ids` for `match` (a papers_fts expression of one phrase, matched by `nHit` papers):
 * a score for each paper that matches, none for one that does not. Null if a weighted count came out other than an
 * integer (never seen): the caller then asks the index.
 */
export function ownScoresApart(db: Db, match: string, ids: number[], nHit: number): Map<number, number> | null {
  const json = JSON.stringify(ids);
  const changesBefore = totalChanges(db);
  db.exec(
    `CREATE TABLE IF NOT EXISTS temp.lectern_scoring_rows(id INTEGER PRIMARY KEY, title, authors, abstract);
     CREATE VIRTUAL TABLE IF NOT EXISTS temp.lectern_scoring USING fts5(title, authors, abstract,
       content = 'lectern_scoring_rows', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2')`,
  );
  let found: { id: number; score: number }[];
  try {
    cached(
      db,
      `INSERT INTO temp.lectern_scoring_rows SELECT id, title, ${indexedAuthors()}, coalesce(abstract, '') FROM papers
       WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(json);
    cached(
      db,
      'INSERT INTO temp.lectern_scoring(rowid, title, authors, abstract) SELECT * FROM temp.lectern_scoring_rows',
    ).run();
    found = cached(
      db,
      `SELECT rowid AS id, bm25(lectern_scoring, ${WEIGHTS}) AS score FROM temp.lectern_scoring
       WHERE lectern_scoring MATCH ?`,
    ).all(match) as { id: number; score: number }[];
  } finally {
    cached(db, "INSERT INTO temp.lectern_scoring(lectern_scoring) VALUES ('delete-all')").run();
    cached(db, 'DELETE FROM temp.lectern_scoring_rows').run();
    // Scratch rows are no change to the library (see `discountScratchChanges`).
    discountScratchChanges(db, totalChanges(db) - changesBefore);
  }
  const sizes = new Map<number, number>();
  const sizeRows = cached(db, 'SELECT id, sz FROM papers_fts_docsize WHERE id IN (SELECT value FROM json_each(?))').all(
    json,
  ) as { id: number; sz: Buffer }[];
  for (const r of sizeRows)
    sizes.set(
      r.id,
      varints(r.sz).reduce((a, b) => a + b, 0),
    );
  let scratchTokens = 0;
  for (const id of ids) scratchTokens += sizes.get(id) ?? 0;
  const scratchAvgdl = scratchTokens / ids.length;
  const scratchIdf = idf(db, ids.length, found.length);
  const real = indexAverages(db);
  const avgdl = real.tokens / real.rows;
  const phraseIdf = idf(db, real.rows, nHit);
  const out = new Map<number, number>();
  for (const { id, score } of found) {
    const size = sizes.get(id);
    if (size === undefined) return null;
    // score = -idf' * f * (k1 + 1) / (f + k1 * K), so f = q * k1 * K / (k1 + 1 - q) with q = -score / idf'.
    const q = -score / scratchIdf;
    const solved = (q * K1 * (1 - B + (B * size) / scratchAvgdl)) / (K1 + 1 - q);
    const f = Math.round(solved);
    if (Math.abs(f - solved) > 1e-6) return null;
    out.set(id, bm25(f, size, avgdl, phraseIdf));
  }
  return out;
}

function totalChanges(db: Db): number {
  return (cached(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
}
