/**
 * Synthetic libraries cached on disk between runs: the papers as Hugging Face JSON files (what the import benchmark
 * reads) and a ready library database (what the query benchmarks open). Both are keyed by size, seed and generator
 * version, so a change to any of them regenerates instead of measuring a stale file; a newer schema is brought up to
 * date by the library's own migrations when the benchmark opens the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary } from '../electron/library';
import { encodeAuthors, titleHash } from '../electron/library/db/columns';
import { DEFAULT_HASH_SIZE, HASH_SIZE } from '../electron/library/import/deferred-index';
import { RECENT_WINDOW } from '../electron/library/search/recent';
import { authorFamily, authorName, normalizeTitle, parsePersonName } from '../shared/normalize';
import { DEFAULT_SEED, GENERATOR_VERSION, PaperGenerator, toHfJson } from './generate';

/** Papers per HF JSON file: big files are split, as a JavaScript string cannot hold a million abstracts. */
export const PART_SIZE = 50_000;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function done(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'DONE'));
}

/** The HF JSON files for `size` papers, generating them on first use. */
export function hfJsonParts(cacheDir: string, size: number, seed = DEFAULT_SEED): string[] {
  const dir = path.join(cacheDir, `hf-json-${size}-s${seed}-g${GENERATOR_VERSION}`);
  const names = Array.from({ length: Math.ceil(size / PART_SIZE) }, (_, i) =>
    path.join(dir, `part-${String(i).padStart(3, '0')}.json`),
  );
  if (done(dir)) return names;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const generator = new PaperGenerator(size, seed);
  const started = performance.now();
  names.forEach((file, part) => {
    const items: string[] = [];
    for (let i = part * PART_SIZE; i < Math.min(size, (part + 1) * PART_SIZE); i++) {
      items.push(JSON.stringify(toHfJson(generator.paper(i))));
    }
    fs.writeFileSync(file, `[\n${items.join(',\n')}\n]\n`);
    log(`wrote ${path.basename(file)} (${Math.min(size, (part + 1) * PART_SIZE)} of ${size} papers)`);
  });
  fs.writeFileSync(path.join(dir, 'DONE'), `${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return names;
}

export interface CachedLibrary {
  file: string;
  size: number;
  /** Characters of title, authors and abstract: the raw text the database size is compared with. */
  rawTextBytes: number;
}

/**
 * Bumped when a change to the library's file layout (page size, columns) would not reach a cached library through
 * its migrations, so the size figures are taken on a library laid out as the app lays out new ones.
 */
const LAYOUT_VERSION = 6;

/** The library database with `size` papers, their tags, notes, statuses and stars, built on first use. */
export function cachedLibrary(cacheDir: string, size: number, seed = DEFAULT_SEED): CachedLibrary {
  const dir = path.join(cacheDir, `library-${size}-s${seed}-g${GENERATOR_VERSION}-l${LAYOUT_VERSION}`);
  const file = path.join(dir, 'library.sqlite');
  const meta = path.join(dir, 'DONE');
  if (done(dir)) return { file, size, rawTextBytes: Number(fs.readFileSync(meta, 'utf8')) };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  openLibrary({ path: file }).close();
  const rawTextBytes = bulkLoad(file, size, seed);
  fs.writeFileSync(meta, String(rawTextBytes));
  log(`built ${size}-paper library in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { file, size, rawTextBytes };
}

/**
 * Fills a fresh library straight through SQL: the triggers that keep the index in step are set aside and the index is
 * rebuilt once at the end, which is many times faster than row-by-row triggers. Only for building benchmark fixtures:
 * what the app's own import costs is measured by the import suite.
 */
function bulkLoad(file: string, size: number, seed: number): number {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?, ?, ?, ?, ?)")
    .all(
      'papers_fts_ai',
      'papers_fts_au',
      'notes_fts_ai',
      'notes_fts_au',
      'paper_tags_ai',
      'papers_recent_ai',
      'papers_recent_au',
    ) as {
    name: string;
    sql: string;
  }[];
  const generator = new PaperGenerator(size, seed);
  const insertPaper = db.prepare(
    `INSERT INTO papers (id, title, title_hash, authors, authors_text, first_author, year, date, abstract, arxiv, url,
       source, added_at, updated_at, status, status_changed_at, starred, note, tags_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING');
  const tagIdOf = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  const insertPaperTag = db.prepare('INSERT INTO paper_tags (paper_id, tag_id) VALUES (?, ?)');
  const tagIds = new Map<string, number>();
  const base = Date.UTC(2024, 0, 1);
  let raw = 0;
  db.transaction(() => {
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    for (let i = 0; i < size; i++) {
      const p = generator.paper(i);
      const authors = p.authors.map(parsePersonName);
      const authorsText = authors.map(authorName).join('; ');
      raw += Buffer.byteLength(p.title) + Buffer.byteLength(p.abstract) + Buffer.byteLength(authorsText);
      const at = new Date(base + i * 30_000).toISOString();
      // Tag ids first: tags_text lists the names in tag-id order, as the paper_tags trigger writes it (and `check`
      // expects).
      const tags = p.tags.map((tag) => {
        let id = tagIds.get(tag);
        if (id === undefined) {
          insertTag.run(tag);
          id = tagIdOf.get(tag) as number;
          tagIds.set(tag, id);
        }
        return { tag, id };
      });
      tags.sort((a, b) => a.id - b.id);
      insertPaper.run(
        i + 1,
        p.title,
        titleHash(normalizeTitle(p.title)),
        ...encodeAuthors(authors),
        authorFamily(authors[0]),
        Number(p.published.slice(0, 4)),
        p.published,
        p.abstract,
        p.arxiv,
        `https://arxiv.org/abs/${p.arxiv}`,
        `hf-json:part-${String(Math.floor(i / PART_SIZE)).padStart(3, '0')}.json`,
        at,
        at,
        p.status,
        at,
        p.starred ? 1 : 0,
        p.note,
        tags.map((t) => t.tag).join(' '),
      );
      for (const { id } of tags) insertPaperTag.run(i + 1, id);
      if ((i + 1) % 100_000 === 0) log(`loaded ${i + 1} of ${size} papers`);
    }
    log('building the full-text indexes');
    // The annotation index reads only the annotated papers, through its content view. FTS5's buffer is as large as
    // during the app's own big imports (`deferred-index.ts`), so the index has the same shape (and size) as theirs.
    db.exec(`INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', ${HASH_SIZE})`);
    db.exec(
      "INSERT INTO papers_fts(papers_fts) VALUES ('rebuild'); INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')",
    );
    db.exec(`INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', ${DEFAULT_HASH_SIZE})`);
    // The index of the newest papers (migration 007): the newest RECENT_WINDOW, as an import leaves it.
    db.prepare('UPDATE papers_recent_window SET threshold = ?').run(Math.max(0, size - RECENT_WINDOW));
    db.exec("INSERT INTO papers_recent_fts(papers_recent_fts) VALUES ('rebuild')");
    for (const t of triggers) db.exec(t.sql);
  })();
  db.pragma('journal_mode = WAL');
  db.close();
  return raw;
}
