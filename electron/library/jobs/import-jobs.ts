/**
 * The imports a library runs off its thread: one at a time (each is one write transaction; a second would only wait
 * for the first's lock), each in a worker, with `import:progress` events, `library:changed` when one lands, and
 * cancel. Used by the contract's `import.text` and by the Electron main process for files it picked.
 */
import type { ImportReport } from '../../../shared/types';
import { LibraryError } from '../errors';
import type { ImportSource, Library } from '../library';
import type { StreamImportResult } from './import-stream';
import { startImportJob, type ImportJob } from './runner';

interface Pending {
  sources: ImportSource[];
  format: string | undefined;
  cancelled: boolean;
  job: ImportJob | null;
}

export class ImportJobs {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<Pending>();

  constructor(private readonly library: Library) {}

  /** Imports files (or texts), one undo step; refused files are reported in the result, not thrown. */
  run(sources: ImportSource[], format?: string): Promise<StreamImportResult> {
    const item: Pending = { sources, format, cancelled: false, job: null };
    this.pending.add(item);
    const next = this.queue.then(() => this.start(item));
    // The queue goes on whatever this import's outcome.
    this.queue = next.catch(() => undefined);
    return next.finally(() => this.pending.delete(item));
  }

  /** What `import.text` answers: the report, or an error when the text is not an importable format. */
  async importText(name: string, text: string, format?: string): Promise<ImportReport> {
    const { report, refused } = await this.run([{ name, text }], format);
    if (refused.length > 0) throw new LibraryError('bad-input', refused[0]!.message);
    return report;
  }

  /** Resolves once no import is running or waiting (at once when none is). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await this.queue;
  }

  /** Cancels the running import and those waiting; returns how many were cancelled. */
  cancelAll(): number {
    let n = 0;
    for (const item of this.pending) {
      if (item.cancelled) continue;
      item.cancelled = true;
      item.job?.cancel();
      n++;
    }
    return n;
  }

  private async start(item: Pending): Promise<StreamImportResult> {
    if (item.cancelled) throw new LibraryError('cancelled', 'import cancelled; the library was not changed');
    const lib = this.library;
    item.job = startImportJob({
      libraryPath: lib.path,
      nativeBinding: lib.nativeBinding,
      now: lib.now(),
      sources: item.sources,
      format: item.format,
      onProgress: (progress) => lib.emit('import:progress', progress),
    });
    const result = await item.job.result;
    if (result.report.added + result.report.merged > 0) {
      lib.emit('library:changed', { tables: ['papers', 'tags', 'history'] });
    }
    return result;
  }
}

const jobs = new WeakMap<Library, ImportJobs>();

export function importJobs(library: Library): ImportJobs {
  let j = jobs.get(library);
  if (!j) {
    j = new ImportJobs(library);
    jobs.set(library, j);
  }
  return j;
}
