/**
 * Starting an import in a worker thread and following it: progress, result, cancel.
 *
 * Where the worker's code is:
 * - from TypeScript sources (the CLI through tsx, tests under vitest): `import-worker.ts` beside this file, loaded
 *   through tsx registered in the thread (see `workerEntry`);
 * - in the Electron build: electron-vite bundles the main process into one file, so the worker must be an entry of
 *   its own. The main process imports `../library/jobs/import-worker?modulePath` (electron-vite builds that file as a
 *   separate entry and gives its path at run time) and hands the path to `useBundledImportWorker`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LibraryError } from '../errors';
import type { ImportSource } from '../library';
import type { ImportProgress, StreamImportResult } from './import-stream';
import type { ImportWorkerData, ImportWorkerMessage } from './protocol';

let bundledEntry: string | null = null;

/** Called once by the Electron main process with the bundled worker's path. */
export function useBundledImportWorker(file: string): void {
  bundledEntry = file;
}

/**
 * How to start the worker. From sources the thread must load TypeScript: Node 20 does not apply `--import` loaders
 * given in a worker's execArgv, so the thread starts from a two-line script that registers tsx, then imports the
 * worker module.
 */
function workerEntry(): { file: string | URL; eval: boolean } {
  if (bundledEntry) return { file: bundledEntry, eval: false };
  // tsx's ESM API (its package exports map `tsx/esm/api` to this file for `import`).
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./import-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return { file: boot, eval: true };
}

export interface ImportJobOptions {
  libraryPath: string;
  nativeBinding?: string | undefined;
  now: string;
  sources: ImportSource[];
  format?: string | undefined;
  onProgress?: (progress: ImportProgress) => void;
  progressEveryMs?: number;
}

export interface ImportJob {
  /** Resolves with the import's report; rejects with a LibraryError (code 'cancelled' when cancelled). */
  readonly result: Promise<StreamImportResult>;
  /** Asks the worker to stop; it rolls the whole import back. */
  cancel(): void;
}

export function startImportJob(options: ImportJobOptions): ImportJob {
  const cancelFlag = new SharedArrayBuffer(4);
  const data: ImportWorkerData = {
    libraryPath: options.libraryPath,
    nativeBinding: options.nativeBinding,
    now: options.now,
    sources: options.sources,
    format: options.format,
    cancelFlag,
    progressEveryMs: options.progressEveryMs ?? 100,
  };
  const entry = workerEntry();
  const worker = new Worker(entry.file, { workerData: data, eval: entry.eval });
  const result = new Promise<StreamImportResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else if (message.type === 'cancelled') {
        settle(() => reject(new LibraryError('cancelled', 'import cancelled; the library was not changed')));
      } else settle(() => reject(new LibraryError(message.code, message.message)));
    });
    worker.on('error', (err) => settle(() => reject(new LibraryError('internal', `import worker: ${err.message}`))));
    worker.on('exit', (code) => {
      settle(() => reject(new LibraryError('internal', `import worker stopped (exit code ${code}) before finishing`)));
    });
  });
  return {
    result,
    cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1),
  };
}
