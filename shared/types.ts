/** Domain types shared by the library, every front door, and the renderer. Pure TypeScript. */

export const READING_STATUSES = ['new', 'to-read', 'reading', 'read', 'skipped'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

export function isReadingStatus(value: string): value is ReadingStatus {
  return (READING_STATUSES as readonly string[]).includes(value);
}

/** A person or body credited on a paper. `literal` is used for corporate authors ("{World Health Organization}"). */
export interface Author {
  family?: string;
  given?: string;
  literal?: string;
}

export interface PaperIdentifiers {
  /** arXiv id without version, e.g. "2401.12345" or "hep-th/9901001". */
  arxiv: string | null;
  /** DOI in lower case, without the resolver prefix. */
  doi: string | null;
  url: string | null;
  citekey: string | null;
}

export interface Paper extends PaperIdentifiers {
  id: number;
  title: string;
  authors: Author[];
  year: number | null;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) when known. */
  date: string | null;
  venue: string | null;
  abstract: string | null;
  entryType: string;
  /** Which import brought the paper in: format and file name. */
  source: string | null;
  /** Extra per-format fields worth keeping (upvotes, publisher, pages...). */
  extra: Record<string, unknown>;
  addedAt: string;
  updatedAt: string;
  status: ReadingStatus;
  statusChangedAt: string;
  starred: boolean;
  tags: string[];
  note: string;
}

/** What an importer produces: a paper before it has an id or user state. */
export interface PaperDraft {
  title: string;
  authors: Author[];
  year: number | null;
  date: string | null;
  venue: string | null;
  abstract: string | null;
  entryType: string;
  arxiv: string | null;
  doi: string | null;
  url: string | null;
  citekey: string | null;
  extra: Record<string, unknown>;
  /** Tags and note an importer may carry over (e.g. BibTeX keywords). */
  tags?: string[];
  note?: string;
  /** 1-based line of the entry in its file, for error messages. */
  line?: number;
}

export const SORT_FIELDS = ['relevance', 'title', 'author', 'year', 'added', 'status'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

/** One row of a listing: a paper plus, for ranked searches, its score and a snippet. */
export interface PaperRow extends Paper {
  score: number | null;
  /** Snippet of the best-matching text with matches wrapped in \u0002 ... \u0003 (renderers mark them up as text). */
  snippet: string | null;
}

export interface PaperPage {
  rows: PaperRow[];
  total: number;
  offset: number;
}

export interface TagCount {
  name: string;
  count: number;
}

export interface LibraryCounts {
  all: number;
  starred: number;
  byStatus: Record<ReadingStatus, number>;
}

export interface ImportError {
  file: string;
  line: number | null;
  message: string;
}

export interface ImportReport {
  added: number;
  merged: number;
  skipped: number;
  failed: number;
  errors: ImportError[];
  /** Ids of papers added or merged, in input order. */
  paperIds: number[];
}

export interface HistoryEntry {
  id: number;
  label: string;
  at: string;
  papers: number;
  undone: boolean;
}

/** A backup of the library, as the window lists it (names only: the renderer never sees paths). */
export interface BackupSummary {
  name: string;
  /** When it was taken (ISO time). */
  at: string;
  bytes: number;
}

export interface RestoreSummary {
  /** The backup that is now the library. */
  restoredFrom: string;
  /** The backup that keeps the library as it was before the restore. */
  keptCurrentAs: string | null;
}

export interface CheckReport {
  ok: boolean;
  problems: string[];
}

/** Marks around matched words in snippets: control characters that never occur in imported text. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** Why two library papers look like the same paper, strongest first. */
export const DUPLICATE_REASONS = ['same-doi', 'same-arxiv', 'same-title-author-year', 'near-identical-title'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Two papers that look like one; merging keeps the first (smaller id). */
export interface DuplicatePair {
  ids: [number, number];
  reason: DuplicateReason;
  papers: [Paper, Paper];
}

/** What `enrich` did: papers that gained an arXiv id or DOI, and those it could not settle. */
export interface EnrichReport {
  /** Papers without arXiv id and DOI that were looked up. */
  checked: number;
  enriched: { id: number; arxiv: string | null; doi: string | null; via: 'arxiv' | 'crossref' }[];
  /** More than one plausible match: left alone for the user to decide. */
  ambiguous: { id: number; candidates: string[] }[];
  notFound: number[];
  /** Found, but another library paper already has that identifier (a duplicate to merge). */
  conflicts: { id: number; identifier: string; existing: number }[];
}
