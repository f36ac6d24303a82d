/** Reading and writing paper rows. Callers own the transaction; every function here is synchronous. */
import type { Author, Paper, PaperDraft, PaperRow, ReadingStatus } from '../../shared/types';
import { authorFamily, normalizeTitle } from '../../shared/normalize';
import type { Db } from './db/open';
import { readTags, readTagsOf, setPaperTags } from './tags';
import { cached } from './db/statements';
import { decodeAuthors, encodeAuthors, titleHash } from './db/columns';

export interface PaperRowData {
  id: number;
  title: string;
  authors: string;
  year: number | null;
  date: string | null;
  venue: string | null;
  abstract: string | null;
  entry_type: string;
  arxiv: string | null;
  doi: string | null;
  url: string | null;
  citekey: string | null;
  source: string | null;
  extra: string;
  added_at: string;
  updated_at: string;
  status: ReadingStatus;
  status_changed_at: string;
  starred: number;
  note: string;
  tags_text: string;
}

export const PAPER_COLUMNS =
  'id, title, authors, year, date, venue, abstract, entry_type, arxiv, doi, url, citekey, source, extra, ' +
  'added_at, updated_at, status, status_changed_at, starred, note, tags_text';

export function rowToPaper(row: PaperRowData, tags: string[]): Paper {
  return {
    id: row.id,
    title: row.title,
    authors: decodeAuthors(row.authors),
    year: row.year,
    date: row.date,
    venue: row.venue,
    abstract: row.abstract,
    entryType: row.entry_type,
    arxiv: row.arxiv,
    doi: row.doi,
    url: row.url,
    citekey: row.citekey,
    source: row.source,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    addedAt: row.added_at,
    updatedAt: row.updated_at,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    starred: row.starred === 1,
    tags,
    note: row.note,
  };
}

/** A paper's row as the values of PAPER_COLUMNS, in their order: what a statement returns in raw mode. */
export type PaperRowValues = [
  id: number,
  title: string,
  authors: string,
  year: number | null,
  date: string | null,
  venue: string | null,
  abstract: string | null,
  entryType: string,
  arxiv: string | null,
  doi: string | null,
  url: string | null,
  citekey: string | null,
  source: string | null,
  extra: string,
  addedAt: string,
  updatedAt: string,
  status: ReadingStatus,
  statusChangedAt: string,
  starred: number,
  note: string,
  tagsText: string,
];

/**
 * A listed paper (`PaperRow`) from its row's values, in one object literal. Two costs of a page of 100 rows at a
 * million papers went this way:
 * - better-sqlite3 builds a row object property by property: reading 100 rows as objects took 0.59 ms, as arrays of
 *   values 0.31 ms.
 * - Copying a `Paper` into a row with `{ ...paper, score, snippet }` made V8 (Node 20) keep the copies' strings alive
 *   through the next minor collections: a page of 100 rows left 2.2 MB surviving each scavenge, which took 2-3 ms
 *   instead of 0.4.
 */
export function valuesToPaperRow(
  v: PaperRowValues,
  tags: string[],
  score: number | null,
  snippet: string | null,
): PaperRow {
  return {
    id: v[0],
    title: v[1],
    authors: decodeAuthors(v[2]),
    year: v[3],
    date: v[4],
    venue: v[5],
    abstract: v[6],
    entryType: v[7],
    arxiv: v[8],
    doi: v[9],
    url: v[10],
    citekey: v[11],
    source: v[12],
    extra: JSON.parse(v[13]) as Record<string, unknown>,
    addedAt: v[14],
    updatedAt: v[15],
    status: v[16],
    statusChangedAt: v[17],
    starred: v[18] === 1,
    tags,
    note: v[19],
    score,
    snippet,
  };
}

export function getPaper(db: Db, id: number): Paper | null {
  const row = cached(db, `SELECT ${PAPER_COLUMNS} FROM papers WHERE id = ?`).get(id) as PaperRowData | undefined;
  return row ? rowToPaper(row, readTags(db, id)) : null;
}

/** How many ids one batched read binds (as one JSON array); bulk actions touch tens of thousands of papers. */
const BATCH = 5000;

/**
 * The papers with these ids, in the order given (missing ones left out), read a batch at a time: one statement for
 * the rows and one for their tags, instead of two per paper (which cost most of a bulk action on 10,000 papers).
 */
export function getPapers(db: Db, ids: number[]): Paper[] {
  const byId = new Map<number, Paper>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const json = JSON.stringify(batch);
    const tags = readTagsOf(db, batch);
    const rows = cached(db, `SELECT ${PAPER_COLUMNS} FROM papers WHERE id IN (SELECT value FROM json_each(?))`).all(
      json,
    ) as PaperRowData[];
    for (const row of rows) byId.set(row.id, rowToPaper(row, tags.get(row.id) ?? []));
  }
  const out: Paper[] = [];
  for (const id of ids) {
    const p = byId.get(id);
    if (p) out.push(p);
  }
  return out;
}

/** Columns derived from others, kept so sorting and full-text search need no JSON parsing. */
function derived(title: string, authors: Author[], titleKey?: string) {
  const [stored, text] = encodeAuthors(authors);
  return {
    title_hash: titleHash(titleKey ?? normalizeTitle(title)),
    authors: stored,
    authors_text: text,
    first_author: authorFamily(authors[0]),
  };
}

/**
 * Adds a paper; returns its id. Parameters are bound by position: binding 20 named parameters from an object cost
 * more than the row insert itself (an import of 100,000 papers spent 1.5 s of CPU on it).
 */
export function insertPaper(
  db: Db,
  draft: PaperDraft,
  source: string | null,
  now: string,
  /** The draft's normalized title, when the caller has computed it already. */
  titleKey?: string,
): number {
  const d = derived(draft.title, draft.authors, titleKey);
  const info = cached(
    db,
    `INSERT INTO papers (title, title_hash, authors, authors_text, first_author, year, date, venue, abstract,
       entry_type, arxiv, doi, url, citekey, source, extra, added_at, updated_at, status, status_changed_at, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)`,
  ).run(
    draft.title,
    d.title_hash,
    d.authors,
    d.authors_text,
    d.first_author,
    draft.year,
    draft.date,
    draft.venue,
    draft.abstract,
    draft.entryType,
    draft.arxiv,
    draft.doi,
    draft.url,
    draft.citekey,
    source,
    JSON.stringify(draft.extra),
    now,
    now,
    now,
    draft.note ?? '',
  );
  const id = Number(info.lastInsertRowid);
  if (draft.tags && draft.tags.length > 0) setPaperTags(db, id, draft.tags);
  return id;
}

/** Writes a whole paper back (used by edits, merges and undo). Creates it with its old id if it is gone. */
export function writePaper(db: Db, paper: Paper): void {
  const d = derived(paper.title, paper.authors);
  const params = {
    ...d,
    id: paper.id,
    title: paper.title,
    year: paper.year,
    date: paper.date,
    venue: paper.venue,
    abstract: paper.abstract,
    entry_type: paper.entryType,
    arxiv: paper.arxiv,
    doi: paper.doi,
    url: paper.url,
    citekey: paper.citekey,
    source: paper.source,
    extra: JSON.stringify(paper.extra),
    added_at: paper.addedAt,
    updated_at: paper.updatedAt,
    status: paper.status,
    status_changed_at: paper.statusChangedAt,
    starred: paper.starred ? 1 : 0,
    note: paper.note,
  };
  cached(
    db,
    `INSERT INTO papers (id, title, title_hash, authors, authors_text, first_author, year, date, venue, abstract,
       entry_type, arxiv, doi, url, citekey, source, extra, added_at, updated_at, status, status_changed_at, starred, note)
     VALUES (@id, @title, @title_hash, @authors, @authors_text, @first_author, @year, @date, @venue, @abstract,
       @entry_type, @arxiv, @doi, @url, @citekey, @source, @extra, @added_at, @updated_at, @status, @status_changed_at,
       @starred, @note)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_hash = excluded.title_hash, authors = excluded.authors,
       authors_text = excluded.authors_text, first_author = excluded.first_author, year = excluded.year,
       date = excluded.date, venue = excluded.venue, abstract = excluded.abstract, entry_type = excluded.entry_type,
       arxiv = excluded.arxiv, doi = excluded.doi, url = excluded.url, citekey = excluded.citekey,
       source = excluded.source, extra = excluded.extra, added_at = excluded.added_at,
       updated_at = excluded.updated_at, status = excluded.status, status_changed_at = excluded.status_changed_at,
       starred = excluded.starred, note = excluded.note`,
  ).run(params);
  setPaperTags(db, paper.id, paper.tags);
}

export function deletePaper(db: Db, id: number): void {
  cached(db, 'DELETE FROM papers WHERE id = ?').run(id);
}
