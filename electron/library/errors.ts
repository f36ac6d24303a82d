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
