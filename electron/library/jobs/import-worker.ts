/**
 * The import worker: a thread with its own connection to the library file. It imports in one write transaction
 * while the window's connection keeps reading (WAL), reports progress, and rolls back when cancelled.
 * Started by `runner.ts`; from TypeScript sources through tsx, in the Electron build as its own bundled entry.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LibraryError } from '../errors';
import { openLibrary, type Library } from '../library';
import { ImportCancelled, importStreaming } from './import-stream';
import type { ImportWorkerData, ImportWorkerMessage } from './protocol';

function post(message: ImportWorkerMessage): void {
  parentPort?.postMessage(message);
}

function run(data: ImportWorkerData): void {
  const flag = new Int32Array(data.cancelFlag);
  let library: Library | null = null;
  try {
    library = openLibrary({
      path: data.libraryPath,
      ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
      now: () => new Date(data.now),
    });
    const result = importStreaming(library, data.sources, {
      format: data.format,
      progressEveryMs: data.progressEveryMs,
      cancelled: () => Atomics.load(flag, 0) === 1,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', result });
  } catch (err) {
    if (err instanceof ImportCancelled) post({ type: 'cancelled' });
    else if (err instanceof LibraryError) post({ type: 'failed', code: err.code, message: err.message });
    else post({ type: 'failed', code: 'internal', message: err instanceof Error ? err.message : String(err) });
  } finally {
    library?.close();
  }
}

run(workerData as ImportWorkerData);
