/** A small argument reader for `lectern`: global flags anywhere, per-command flags, and `+tag`/`-tag` words. */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An input problem (bad file, unknown id, query syntax): exit code 1. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface FlagSpec {
  /** True when the flag takes a value (`--limit 10` or `--limit=10`). */
  value: boolean;
  /** May be given more than once (values collected). */
  repeat?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const values = args.flags.get(name);
  return values ? values[values.length - 1] : undefined;
}

export function has(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name);
}

/**
 * Reads argv after the command name. `allowDashWords` lets `-name` through as a positional (tag removal);
 * a lone `-` is always positional (standard input).
 */
export function parseArgs(argv: string[], specs: Record<string, FlagSpec>, allowDashWords = false): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const put = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const spec = specs[name];
      if (!spec) throw new UsageError(`unknown option --${name}`);
      if (spec.value) {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        put(name, value);
      } else {
        if (eq > 0) throw new UsageError(`--${name} takes no value`);
        put(name, 'true');
      }
      continue;
    }
    if (arg === '-h') {
      put('help', 'true');
      continue;
    }
    if (arg.startsWith('-') && arg !== '-' && !allowDashWords && !/^-\d/.test(arg)) {
      throw new UsageError(`unknown option ${arg}`);
    }
    positionals.push(arg);
  }
  return { positionals, flags };
}

export function parseId(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`not a paper id: ${text}`);
  }
  return Number(text);
}

export function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(`--limit takes a positive whole number, not ${text}`);
  return Number(text);
}
