/**
 * Importing files entry by entry: a format's entries are written as they are parsed, never collected first, so a big
 * file costs its text plus what the parser keeps, not another copy as drafts. The whole import is one transaction
 * (one undo step): a cancel, a crash or a kill in the middle leaves the library exactly as before.
 */
import path from 'node:path';
import type { ContractEvents } from '../../../shared/contract';
import type { ImportError, ImportReport } from '../../../shared/types';
import { LibraryError } from '../errors';
import type { ImportSource, Library } from '../library';
import { detectFormat } from '../import/detect';
import type { ImportFormat, ParsedEntry } from '../import/format';
import { formatByName, formats } from '../import/formats';
import { readTextFile, readTextHead } from '../import/read-file';
import { emptyReport, importEntries } from '../import/run';
import { checkpointAfterImport, withDeferredIndex, type ImportTick } from '../import/deferred-index';

export type ImportProgress = ContractEvents['import:progress'];

export interface StreamImportOptions {
  format?: string | undefined;
  onProgress?: (progress: ImportProgress) => void;
  /** Asked between entries; true stops the import and rolls it back. */
  cancelled?: () => boolean;
  /** Minimum time between progress reports (the last one is always sent). */
  progressEveryMs?: number;
}

export interface StreamImportResult {
  report: ImportReport;
  /** Files refused whole (unreadable, unrecognized): nothing of them was imported. */
  refused: ImportError[];
}

/** Thrown inside the import transaction when the user cancels, so SQLite rolls everything back. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled; the library was not changed');
    this.name = 'ImportCancelled';
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The entries of one file, with progress and cancellation between them. The total is not known before the parser
 * has run through the file, and counting first would parse it twice; so until the end it is estimated from how far
 * into the file (by line) the entries have come, and the last report gives the exact count.
 */
function* watched(
  name: string,
  text: string,
  format: ImportFormat,
  options: StreamImportOptions,
  tick: ImportTick,
): Generator<ParsedEntry> {
  const lines = countLines(text);
  const every = options.progressEveryMs ?? 100;
  let done = 0;
  let lastReport = 0;
  for (const entry of format.parse(text)) {
    yield entry;
    done++;
    if ((done & 63) !== 0) continue;
    tick(64);
    if (options.cancelled?.()) throw new ImportCancelled();
    const now = Date.now();
    if (options.onProgress && now - lastReport >= every) {
      lastReport = now;
      const line = entry.ok ? entry.draft.line : entry.line;
      const total = line ? Math.max(done, Math.round((done * lines) / line)) : done;
      options.onProgress({ name, done, total });
    }
  }
  if (options.cancelled?.()) throw new ImportCancelled();
  options.onProgress?.({ name, done, total: done });
}

interface ReadySource {
  name: string;
  format: ImportFormat;
  /** The text when it was given; a file is read only when its turn comes, and let go after. */
  text: string | null;
  size: number;
}

/** Checks a source and recognizes its format from its beginning, without reading a whole file. */
function readSource(source: ImportSource, forced: ImportFormat | undefined): ReadySource {
  const { head, size } =
    source.text !== undefined ? { head: source.text, size: source.text.length } : readTextHead(source.name);
  const format = forced ?? detectFormat(head, source.name);
  if (!format) throw new LibraryError('bad-input', `${source.name}: no supported format recognized`);
  return { name: source.name, format, text: source.text ?? null, size };
}

/**
 * Imports files (or texts) into the library as one undoable step. A file that cannot be read or whose format is not
 * recognized is refused before anything is written (reported, nothing of it imported); the others still import.
 */
export function importStreaming(
  library: Library,
  sources: ImportSource[],
  options: StreamImportOptions = {},
): StreamImportResult {
  const forced = options.format ? formatByName(options.format) : undefined;
  if (options.format && !forced) {
    const known = formats.map((f) => f.name).join(', ');
    throw new LibraryError('bad-request', `unknown format ${options.format} (known: ${known})`);
  }
  const report = emptyReport();
  const refused: ImportError[] = [];
  const ready: ReadySource[] = [];
  for (const source of sources) {
    try {
      ready.push(readSource(source, forced));
    } catch (err) {
      if (!(err instanceof LibraryError)) throw err;
      refused.push({ file: source.name, line: null, message: `${err.message}; nothing was imported from it` });
    }
  }
  report.errors.push(...refused);
  report.failed += refused.length;
  if (ready.length === 0) return { report, refused };
  const label = ready.length === 1 ? `Import ${path.basename(ready[0]!.name)}` : `Import ${ready.length} files`;
  const textLength = ready.reduce((sum, r) => sum + r.size, 0);
  library.change(label, ['papers', 'tags'], (recorder, now) => {
    // A big import fills the full-text index once at the end (see import/deferred-index.ts).
    withDeferredIndex(
      library.db,
      textLength,
      (tick) => {
        for (const item of ready) {
          const { name, format } = item;
          // Read now (a file that became unreadable since it was checked fails the whole import, which rolls back).
          const text = item.text ?? readTextFile(name);
          item.text = null;
          const ctx = { db: library.db, file: name, source: `${format.name}:${path.basename(name)}`, now, recorder };
          importEntries(ctx, watched(name, text, format, options, tick), report);
        }
      },
      library.nativeBinding,
    );
  });
  checkpointAfterImport(library.db, textLength);
  return { report, refused };
}
