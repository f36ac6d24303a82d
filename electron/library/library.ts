/**
 * The library: one SQLite file and everything a researcher can do with it. Every front door (window, CLI, browser
 * mode, tests) goes through this class; every change is one transaction recorded for undo.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChangedTable, ContractEvents, EventName, HistoryStep, PaperPatch } from '../../shared/contract';
import type {
  CheckReport,
  ImportError,
  HistoryEntry,
  ImportReport,
  LibraryCounts,
  Paper,
  PaperPage,
  ReadingStatus,
  TagCount,
} from '../../shared/types';
import { normalizeArxivId, normalizeDoi } from '../../shared/normalize';
import { openDatabase, type Db, type OpenOptions } from './db/open';
import { cached } from './db/statements';
import { LibraryError } from './errors';
import { ChangeRecorder, listHistory, redo, undo } from './history';
import { getPaper, getPapers, writePaper, deletePaper } from './papers';
import { addTag, dropUnusedTags, listTags, papersWithTag, readTagsOf, removeTag } from './tags';
import { listPapers, libraryCounts, type ListOptions } from './search/list';
import { checkLibrary } from './check';
import { explainWriteError } from './write-errors';
import { readTextFile } from './import/read-file';
import { importStreaming } from './jobs/import-stream';
import { removeStaleScratch } from './import/index-scratch';

export interface ImportSource {
  /** File path, or a display name when `text` is given. */
  name: string;
  text?: string;
}

export type LibraryListener = <E extends EventName>(event: E, payload: ContractEvents[E]) => void;

export interface LibraryOptions extends OpenOptions {
  /** The clock, replaceable so tests get deterministic times. */
  now?: () => Date;
}

export class Library {
  readonly db: Db;
  readonly path: string;
  /** The better-sqlite3 binary the library was opened with: import workers open the same file with it. */
  readonly nativeBinding: string | undefined;
  private readonly clock: () => Date;
  private readonly listeners = new Set<LibraryListener>();

  constructor(options: LibraryOptions) {
    this.path = path.resolve(options.path);
    this.nativeBinding = options.nativeBinding;
    this.db = openDatabase(options);
    this.clock = options.now ?? (() => new Date());
    if (!options.readonly) removeStaleScratch(this.db.name);
  }

  /**
   * How long one statement waits, blocking this thread, for another connection's write lock (10 s by default, right
   * for the CLI). The window and `lectern serve` wait briefly and let the router retry between turns of the event
   * loop, so a long import by another process never freezes them.
   */
  setBusyTimeout(ms: number): void {
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  onEvent(listener: LibraryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: ContractEvents[E]): void {
    for (const l of this.listeners) l(event, payload);
  }

  /**
   * Notices commits made by other processes on the same file (the CLI while the window is open) and tells listeners,
   * so open views refetch. SQLite's data_version changes only for other connections' commits.
   */
  watchExternalChanges(intervalMs = 1000): () => void {
    let last = this.db.pragma('data_version', { simple: true }) as number;
    const timer = setInterval(() => {
      if (!this.db.open) return;
      const now = this.db.pragma('data_version', { simple: true }) as number;
      if (now !== last) {
        last = now;
        this.emit('library:changed', { tables: ['papers', 'tags', 'notes', 'history'] });
      }
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Runs one user action as one write transaction with its undo record, then tells listeners what changed. */
  change<T>(label: string, tables: ChangedTable[], fn: (recorder: ChangeRecorder, now: string) => T): T {
    const now = this.now();
    let result: T;
    try {
      result = this.db.transaction(() => fn(new ChangeRecorder(this.db, label, now), now)).immediate();
    } catch (err) {
      throw explainWriteError(err);
    }
    this.emit('library:changed', { tables: [...tables, 'history'] });
    return result;
  }

  // Reading

  list(options: ListOptions): PaperPage {
    return listPapers(this.db, options);
  }

  get(id: number): Paper {
    const paper = getPaper(this.db, id);
    if (!paper) throw new LibraryError('not-found', `no paper with id ${id}`);
    return paper;
  }

  private requireAll(ids: number[]): Paper[] {
    const unique = [...new Set(ids)];
    const papers = getPapers(this.db, unique);
    if (papers.length !== unique.length) {
      const found = new Set(papers.map((p) => p.id));
      const missing = unique.filter((id) => !found.has(id));
      // A one-line message even when a whole selection is gone.
      const more = missing.length > 10 ? ` and ${missing.length - 10} more` : '';
      throw new LibraryError('not-found', `no paper with id ${missing.slice(0, 10).join(', ')}${more}`);
    }
    return papers;
  }

  counts(): LibraryCounts {
    return libraryCounts(this.db);
  }

  tags(): TagCount[] {
    return listTags(this.db);
  }

  history(limit: number): HistoryEntry[] {
    return listHistory(this.db, limit);
  }

  check(options: { repair?: boolean } = {}): CheckReport {
    return checkLibrary(this.db, options.repair ?? false);
  }

  // Changing papers

  setStatus(ids: number[], status: ReadingStatus): Paper[] {
    return this.change(`Set status to ${status}`, ['papers'], (rec, now) => {
      const stmt = cached(this.db, 'UPDATE papers SET status = ?, status_changed_at = ?, updated_at = ? WHERE id = ?');
      // The papers as read before the change, with the change applied: no second read of 10,000 papers.
      return this.requireAll(ids).map((p) => {
        if (p.status === status) return p;
        rec.touchFields(p, ['status', 'statusChangedAt', 'updatedAt']);
        stmt.run(status, now, now, p.id);
        return { ...p, status, statusChangedAt: now, updatedAt: now };
      });
    });
  }

  setStarred(ids: number[], starred: boolean): Paper[] {
    return this.change(starred ? 'Star' : 'Unstar', ['papers'], (rec, now) => {
      const stmt = cached(this.db, 'UPDATE papers SET starred = ?, updated_at = ? WHERE id = ?');
      return this.requireAll(ids).map((p) => {
        if (p.starred === starred) return p;
        rec.touchFields(p, ['starred', 'updatedAt']);
        stmt.run(starred ? 1 : 0, now, p.id);
        return { ...p, starred, updatedAt: now };
      });
    });
  }

  tag(ids: number[], add: string[], remove: string[]): Paper[] {
    const label = [...add.map((t) => `+${t}`), ...remove.map((t) => `-${t}`)].join(' ');
    return this.change(`Tag ${label}`, ['papers', 'tags'], (rec, now) => {
      const stmt = cached(this.db, 'UPDATE papers SET updated_at = ? WHERE id = ?');
      const papers = this.requireAll(ids);
      const changed = new Set<number>();
      for (const p of papers) {
        const have = new Set(p.tags.map((t) => t.toLowerCase()));
        const adds = add.filter((t) => !have.has(t.toLowerCase()));
        const removes = remove.filter((t) => have.has(t.toLowerCase()));
        if (adds.length === 0 && removes.length === 0) continue;
        rec.touchFields(p, ['tags', 'updatedAt']);
        for (const t of adds) addTag(this.db, p.id, t);
        for (const t of removes) removeTag(this.db, p.id, t);
        stmt.run(now, p.id);
        changed.add(p.id);
      }
      dropUnusedTags(this.db);
      // Only the tags are read again (in batches), not the whole papers.
      const tags = readTagsOf(this.db, [...changed]);
      return papers.map((p) => (changed.has(p.id) ? { ...p, tags: tags.get(p.id) ?? [], updatedAt: now } : p));
    });
  }

  setNote(id: number, note: string, mode: 'set' | 'append' = 'set'): Paper {
    return this.change(mode === 'set' ? 'Edit note' : 'Append to note', ['papers', 'notes'], (rec, now) => {
      const p = this.get(id);
      const next = mode === 'set' ? note : p.note ? `${p.note.replace(/\n*$/, '')}\n\n${note}` : note;
      if (next !== p.note) {
        rec.touchFields(p, ['note', 'updatedAt']);
        cached(this.db, 'UPDATE papers SET note = ?, updated_at = ? WHERE id = ?').run(next, now, id);
      }
      return this.get(id);
    });
  }

  update(id: number, patch: PaperPatch): Paper {
    return this.change('Edit paper', ['papers'], (rec, now) => {
      const p = this.get(id);
      const next: Paper = { ...p, ...patch, updatedAt: now };
      if (patch.doi !== undefined) next.doi = patch.doi === null ? null : normalizeDoi(patch.doi);
      if (patch.doi && !next.doi) throw new LibraryError('bad-input', `not a DOI: ${patch.doi}`);
      if (patch.arxiv !== undefined) next.arxiv = patch.arxiv === null ? null : normalizeArxivId(patch.arxiv);
      if (patch.arxiv && !next.arxiv) throw new LibraryError('bad-input', `not an arXiv id: ${patch.arxiv}`);
      rec.touch(id);
      writePaper(this.db, next);
      return this.get(id);
    });
  }

  delete(ids: number[]): { deleted: number } {
    return this.change(`Delete ${ids.length === 1 ? 'paper' : `${ids.length} papers`}`, ['papers', 'tags'], (rec) => {
      const papers = this.requireAll(ids);
      for (const p of papers) {
        rec.touch(p.id, p);
        deletePaper(this.db, p.id);
      }
      dropUnusedTags(this.db);
      return { deleted: papers.length };
    });
  }

  // Tags

  renameTag(from: string, to: string): TagCount[] {
    return this.mergeTags([from], to, `Rename tag ${from} to ${to}`);
  }

  mergeTags(from: string[], into: string, label = `Merge tags into ${into}`): TagCount[] {
    this.change(label, ['papers', 'tags'], (rec, now) => {
      for (const name of from) {
        const ids = papersWithTag(this.db, name);
        if (ids.length === 0 && !this.tagExists(name)) throw new LibraryError('not-found', `no tag named ${name}`);
        for (const id of ids) {
          rec.touch(id);
          removeTag(this.db, id, name);
          addTag(this.db, id, into);
          cached(this.db, 'UPDATE papers SET updated_at = ? WHERE id = ?').run(now, id);
        }
      }
      // Renaming only the case of a tag: the tag row keeps its id and takes the new spelling.
      cached(this.db, 'UPDATE tags SET name = ? WHERE name = ?').run(into, into);
      dropUnusedTags(this.db);
    });
    return this.tags();
  }

  deleteTag(name: string): TagCount[] {
    this.change(`Delete tag ${name}`, ['papers', 'tags'], (rec, now) => {
      const ids = papersWithTag(this.db, name);
      if (ids.length === 0 && !this.tagExists(name)) throw new LibraryError('not-found', `no tag named ${name}`);
      for (const id of ids) {
        rec.touch(id);
        removeTag(this.db, id, name);
        cached(this.db, 'UPDATE papers SET updated_at = ? WHERE id = ?').run(now, id);
      }
      dropUnusedTags(this.db);
    });
    return this.tags();
  }

  private tagExists(name: string): boolean {
    return cached(this.db, 'SELECT 1 FROM tags WHERE name = ?').get(name) !== undefined;
  }

  // History

  undo(): HistoryStep {
    return this.historyStep(() => undo(this.db));
  }

  redo(): HistoryStep {
    return this.historyStep(() => redo(this.db));
  }

  private historyStep(fn: () => HistoryStep): HistoryStep {
    const step = this.db.transaction(fn).immediate();
    if (step) this.emit('library:changed', { tables: ['papers', 'tags', 'notes', 'history'] });
    return step;
  }

  // Importing

  /** Imports text in one transaction: all of its papers, or (on a crash or kill) none. */
  importText(name: string, text: string, formatName?: string): ImportReport {
    const { report, refused } = this.importSources([{ name, text }], formatName);
    if (refused.length > 0) throw new LibraryError('bad-input', refused[0]!.message);
    return report;
  }

  importFile(file: string, formatName?: string): ImportReport {
    return this.importText(file, readTextFile(file), formatName);
  }

  /**
   * Imports several files (or texts) as one undoable step in one transaction. A file that cannot be read or whose
   * format is not recognized is refused (reported, nothing of it imported); the others still import.
   */
  importSources(
    sources: ImportSource[],
    formatName?: string,
    onProgress?: (p: ContractEvents['import:progress']) => void,
  ): { report: ImportReport; refused: ImportError[] } {
    // Entry by entry, never holding the parsed entries of a file all at once (see jobs/import-stream.ts).
    return importStreaming(this, sources, { format: formatName, ...(onProgress ? { onProgress } : {}) });
  }

  exists(): boolean {
    return fs.existsSync(this.path);
  }
}

export function openLibrary(options: LibraryOptions): Library {
  return new Library(options);
}
