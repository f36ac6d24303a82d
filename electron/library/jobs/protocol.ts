/** What the import worker and the thread that started it say to each other. Plain data: it crosses postMessage. */
import type { ErrorCode } from '../../../shared/contract';
import type { ImportSource } from '../library';
import type { ImportProgress, StreamImportResult } from './import-stream';

export interface ImportWorkerData {
  libraryPath: string;
  nativeBinding: string | undefined;
  /** The time the import is recorded at (the starting library's clock, so tests stay deterministic). */
  now: string;
  sources: ImportSource[];
  format: string | undefined;
  /** One Int32: set to 1 by the starting thread to cancel. Shared memory, because the worker's event loop is busy
   *  inside one synchronous transaction and would not see a message until the import is over. */
  cancelFlag: SharedArrayBuffer;
  progressEveryMs: number;
}

export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: StreamImportResult }
  | { type: 'cancelled' }
  | { type: 'failed'; code: ErrorCode; message: string };
