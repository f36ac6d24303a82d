import type { ErrorCode } from '../../shared/contract';

/** An error the user can act on: it travels through the contract as `{ ok: false, error: { code, message } }`. */
export class LibraryError extends Error {
  readonly code: ErrorCode;
  readonly position: number | undefined;
  constructor(code: ErrorCode, message: string, position?: number) {
    super(message);
    this.name = 'LibraryError';
    this.code = code;
    this.position = position;
  }
}

/**
 * Another connection (the CLI, the window, an import) held the library's write lock for longer than this one waits
 * at a time. Nothing was changed; the same request can simply be made again.
 */
export class BusyError extends LibraryError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'BusyError';
  }
}

/** True for a BusyError, or SQLite's own busy/locked error escaping from a read. */
export function isBusy(err: unknown): boolean {
  if (err instanceof BusyError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
