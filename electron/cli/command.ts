import type { Library } from '../library';
import type { Router } from '../library/router';
import type { FlagSpec, ParsedArgs } from './args';
import type { Result } from '../../shared/contract';
import { InputError, UsageError } from './args';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  isTTY: boolean;
}

export interface CliContext {
  args: ParsedArgs;
  json: boolean;
  io: CliIO;
  /** Opens the library on first use, so `--help` never creates a database. */
  library: () => Library;
  router: () => Router;
  libraryPath: string;
}

export interface Command {
  name: string;
  aliases?: string[];
  /** One line for `lectern --help`. */
  summary: string;
  /** Full usage text for `lectern <command> --help`. */
  usage: string;
  flags?: Record<string, FlagSpec>;
  /** `-word` arguments are data (tag removals), not options. */
  dashWords?: boolean;
  /** Returns the exit code (0 unless said otherwise). */
  run(ctx: CliContext): Promise<number | void> | number | void;
}

/** Unwraps a contract result: bad requests are usage errors (exit 2), the rest input errors (exit 1). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  if (result.error.code === 'bad-request') throw new UsageError(result.error.message);
  throw new InputError(result.error.message);
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
