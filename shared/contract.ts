/**
 * The one contract between the renderer (and every other front door) and the library.
 * Each command has an input schema, validated before the library sees the request, and a result type.
 * The same map is served over Electron IPC, the loopback HTTP bridge of `lectern serve`, and in-process in tests.
 */
import { z } from 'zod';
import {
  READING_STATUSES,
  SORT_FIELDS,
  type BackupSummary,
  type CheckReport,
  type DuplicatePair,
  type EnrichReport,
  type HistoryEntry,
  type ImportReport,
  type LibraryCounts,
  type Paper,
  type PaperPage,
  type RestoreSummary,
  type TagCount,
} from './types';
import { EXPORT_TEXT_FORMATS, type ExportText, type MarkdownExportSummary } from './export';

const id = z.number().int().positive();
const ids = z.array(id).min(1).max(1_000_000);
const status = z.enum(READING_STATUSES);
const tagName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !/[\s,]/.test(s), 'a tag has no spaces or commas');
const query = z.string().max(10_000);

export const paperPatch = z
  .object({
    title: z.string().trim().min(1).max(10_000),
    authors: z.array(
      z.object({
        family: z.string().max(1000).optional(),
        given: z.string().max(1000).optional(),
        literal: z.string().max(1000).optional(),
      }),
    ),
    year: z.number().int().min(0).max(9999).nullable(),
    venue: z.string().max(10_000).nullable(),
    abstract: z.string().max(1_000_000).nullable(),
    doi: z.string().max(1000).nullable(),
    arxiv: z.string().max(100).nullable(),
    url: z.string().max(10_000).nullable(),
    citekey: z.string().max(1000).nullable(),
  })
  .partial()
  .strict();
export type PaperPatch = z.infer<typeof paperPatch>;

/** Every command: its input schema. Results are typed in `CommandResults`. */
export const commands = {
  'papers.list': z
    .object({
      query: query.default(''),
      sort: z.enum(SORT_FIELDS).default('relevance'),
      direction: z.enum(['asc', 'desc']).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
      /** Compute snippets for this page (only for ranked text queries). */
      snippets: z.boolean().default(false),
    })
    .strict(),
  'papers.get': z.object({ id }).strict(),
  'papers.setStatus': z.object({ ids, status }).strict(),
  'papers.setStarred': z.object({ ids, starred: z.boolean() }).strict(),
  'papers.tag': z.object({ ids, add: z.array(tagName).default([]), remove: z.array(tagName).default([]) }).strict(),
  'papers.setNote': z
    .object({ id, note: z.string().max(5_000_000), mode: z.enum(['set', 'append']).default('set') })
    .strict(),
  'papers.update': z.object({ id, patch: paperPatch }).strict(),
  'papers.delete': z.object({ ids }).strict(),
  'tags.list': z.object({}).strict(),
  'tags.rename': z.object({ from: tagName, to: tagName }).strict(),
  'tags.merge': z.object({ from: z.array(tagName).min(1), into: tagName }).strict(),
  'tags.delete': z.object({ name: tagName }).strict(),
  'library.counts': z.object({}).strict(),
  'library.check': z.object({}).strict(),
  /** Back up the library now, into the backups folder beside it (the window's Back up). */
  'library.backup': z.object({}).strict(),
  /** The backups beside the library, newest first. */
  'library.backups': z.object({}).strict(),
  /** Restore one of those backups, by name; the library as it was is kept as a backup first. */
  'library.restore': z.object({ name: z.string().min(1).max(200) }).strict(),
  'history.undo': z.object({}).strict(),
  'history.redo': z.object({}).strict(),
  'history.list': z.object({ limit: z.number().int().min(1).max(1000).default(50) }).strict(),
  /** Import text the user pasted or a file the renderer read (the renderer never sees paths). */
  'import.text': z
    .object({
      name: z.string().min(1).max(1000),
      // The same bound as an import file (MAX_IMPORT_BYTES): larger pasted text is refused before it is parsed.
      text: z.string().max(100 * 1024 * 1024),
      format: z.string().max(50).optional(),
    })
    .strict(),
  /** Papers by arXiv id or DOI (or their URLs), fetched from the arXiv API and Crossref, imported as one step. */
  'papers.add': z.object({ identifiers: z.array(z.string().trim().min(1).max(1000)).min(1).max(500) }).strict(),
  /** Find the arXiv id or DOI of papers lacking both (those matching `query`) by title; unambiguous matches only. */
  'papers.enrich': z
    .object({ query: query.default(''), limit: z.number().int().min(1).max(10_000).default(100) })
    .strict(),
  /** Cancel the running import (and any waiting): it is rolled back, the library stays as it was. */
  'import.cancel': z.object({}).strict(),
  /** Likely duplicates already in the library, with the reason. */
  'duplicates.list': z.object({ limit: z.number().int().min(1).max(10_000).default(1000) }).strict(),
  /** Merge the second paper into the first (one undo step). */
  'duplicates.merge': z.object({ ids: z.array(id).length(2) }).strict(),
  /** Remember that two papers only look alike. */
  'duplicates.dismiss': z.object({ ids: z.array(id).length(2) }).strict(),
  /** Papers as BibTeX, BibLaTeX, RIS, CSL-JSON, a Markdown digest or Markdown links (for the clipboard). */
  'export.text': z
    .object({ format: z.enum(EXPORT_TEXT_FORMATS), query: query.optional(), ids: ids.optional() })
    .strict(),
  /** One Markdown note per paper into a folder the user picked (main passes the path; never the renderer). */
  'export.markdown': z
    .object({
      dir: z.string().min(1).max(4096),
      query: query.optional(),
      ids: ids.optional(),
      force: z.boolean().default(false),
    })
    .strict(),
} as const;

export type CommandName = keyof typeof commands;
export type CommandInput<C extends CommandName> = z.input<(typeof commands)[C]>;
export type CommandArgs<C extends CommandName> = z.output<(typeof commands)[C]>;

/** What undo and redo did: the change's label and the papers it touched, or null when there was nothing to do. */
export type HistoryStep = { label: string; paperIds: number[] } | null;

export interface CommandResults {
  'papers.list': PaperPage;
  'papers.get': Paper;
  'papers.setStatus': Paper[];
  'papers.setStarred': Paper[];
  'papers.tag': Paper[];
  'papers.setNote': Paper;
  'papers.update': Paper;
  'papers.delete': { deleted: number };
  'tags.list': TagCount[];
  'tags.rename': TagCount[];
  'tags.merge': TagCount[];
  'tags.delete': TagCount[];
  'library.counts': LibraryCounts;
  'library.check': CheckReport;
  'library.backup': BackupSummary;
  'library.backups': BackupSummary[];
  'library.restore': RestoreSummary;
  'history.undo': HistoryStep;
  'history.redo': HistoryStep;
  'history.list': HistoryEntry[];
  'import.text': ImportReport;
  'import.cancel': { cancelled: number };
  'papers.add': ImportReport;
  'papers.enrich': EnrichReport;
  'duplicates.list': DuplicatePair[];
  'duplicates.merge': Paper;
  'duplicates.dismiss': { ids: [number, number] };
  'export.text': ExportText;
  'export.markdown': MarkdownExportSummary;
}

export type ErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'query-syntax'
  | 'bad-input'
  | 'conflict'
  | 'internal'
  /** The user cancelled a long job (an import); nothing was changed. */
  | 'cancelled'
  /** A remote service (arXiv, Crossref) could not be reached or kept failing. */
  | 'unavailable';

export interface ContractError {
  code: ErrorCode;
  message: string;
  /** For query syntax errors: 0-based position in the query. */
  position?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** The tables a change touched, so views refetch only what they show. */
export type ChangedTable = 'papers' | 'tags' | 'notes' | 'history';

export interface ContractEvents {
  'library:changed': { tables: ChangedTable[] };
  'import:progress': { name: string; done: number; total: number };
}
export type EventName = keyof ContractEvents;

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

/** A typed client over any transport: what the renderer and tests call. */
export type LecternApi = {
  call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<Result<CommandResults[C]>>;
  on<E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void): () => void;
};
