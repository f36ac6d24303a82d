/**
 * `lectern`: the command line onto the same library file the window uses.
 * Exit codes: 0 success, 1 bad input (one line on stderr naming the file and line), 2 bad usage.
 */
import os from 'node:os';
import { createRouter, defaultLibraryPath, LibraryError, openLibrary, type Library, type Router } from '../library';
import { BusyError } from '../library/errors';
import { InputError, parseArgs, UsageError, type FlagSpec } from './args';
import type { CliContext, CliIO, Command } from './command';
import { commands, findCommand } from './registry';

/** How long a command waits for another process's write lock before it gives up (a million-paper import fits). */
const BUSY_WAIT_MS = 10 * 60 * 1000;

const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  library: { value: true },
  json: { value: false },
  help: { value: false },
  version: { value: false },
};

export function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'lectern — your research library from the command line',
    '',
    'Usage: lectern <command> [arguments] [--library PATH] [--json]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options on every command:',
    "  --library PATH  the library file (default: $LECTERN_LIBRARY, else the app's user-data folder)",
    '  --json          stable JSON output for scripts',
    '  --help          help for the command',
    '',
    'Run `lectern <command> --help` for details.',
  ].join('\n');
}

/** Splits off the command name, wherever global flags stand. */
function findCommandWord(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--library') i++;
    else if (!a.startsWith('-')) return i;
  }
  return -1;
}

export async function runCli(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let library: Library | null = null;
  try {
    const at = findCommandWord(argv);
    if (at < 0) {
      const { flags } = parseArgs(argv, GLOBAL_FLAGS);
      if (flags.has('version')) {
        io.stdout('lectern 0.1.0\n');
        return 0;
      }
      io.stdout(`${mainHelp()}\n`);
      return flags.has('help') ? 0 : 2;
    }
    const name = argv[at]!;
    if (name === 'help') {
      const target = argv[at + 1] ? findCommand(argv[at + 1]!) : undefined;
      io.stdout(`${target ? target.usage : mainHelp()}\n`);
      return 0;
    }
    const command: Command | undefined = findCommand(name);
    if (!command) throw new UsageError(`unknown command ${name}; run lectern --help`);
    const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
    const args = parseArgs(rest, { ...GLOBAL_FLAGS, ...command.flags }, command.dashWords);
    if (args.flags.has('help')) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    const libraryPath = args.flags.get('library')?.at(-1) ?? defaultLibraryPath(env, process.platform, os.homedir());
    let router: Router | null = null;
    let saidBusy = false;
    const sayBusy = () => {
      if (!saidBusy)
        io.stderr('lectern: another Lectern is writing the library (an import?); waiting for it to finish\n');
      saidBusy = true;
    };
    const ctx: CliContext = {
      args,
      json: args.flags.has('json'),
      io,
      libraryPath,
      library: () => (library ??= openLibrary({ path: libraryPath, dailyBackup: false })),
      router: () => (router ??= createRouter(ctx.library(), { busyWaitMs: BUSY_WAIT_MS, onBusy: sayBusy })),
    };
    // Another process holding the write lock longer than SQLite's busy timeout (a long import in the window, say):
    // nothing was written, so wait for it and run the command again rather than fail.
    const deadline = Date.now() + BUSY_WAIT_MS;
    for (;;) {
      try {
        return (await command.run(ctx)) ?? 0;
      } catch (err) {
        if (!(err instanceof BusyError) || Date.now() >= deadline) throw err;
        sayBusy();
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`lectern: ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError || err instanceof LibraryError) {
      io.stderr(`lectern: ${err.message.split('\n')[0]}\n`);
      return 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`lectern: ${message.split('\n')[0]}\n`);
    return 1;
  } finally {
    (library as Library | null)?.close();
  }
}
