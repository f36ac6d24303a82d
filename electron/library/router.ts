/**
 * The contract's router: validates every request against its schema, then calls the library.
 * Electron IPC, the loopback HTTP bridge and the in-process test transport all go through `handle`.
 */
import type { z } from 'zod';
import {
  commands,
  isCommandName,
  type CommandArgs,
  type CommandName,
  type CommandResults,
  type Result,
} from '../../shared/contract';
import { isBusy, LibraryError } from './errors';
import type { Library } from './library';
import { dismissDuplicate, duplicates, mergeDuplicate } from './duplicates';
import { importJobs } from './jobs/import-jobs';
import { addPapers } from './remote/add';
import { remoteServices } from './remote/config';
import { enrichPapers } from './remote/enrich';
import { backupNow, backupsOf, restoreByName } from './backup-commands';
import { exportMarkdownFolder, exportText } from './export';

/** Long jobs (imports in a worker, network look-ups) answer with a promise; the rest synchronously. */
type Handlers = { [C in CommandName]: (args: CommandArgs<C>) => CommandResults[C] | Promise<CommandResults[C]> };

function handlers(lib: Library): Handlers {
  return {
    'papers.list': (a) => lib.list(a),
    'papers.get': (a) => lib.get(a.id),
    'papers.setStatus': (a) => lib.setStatus(a.ids, a.status),
    'papers.setStarred': (a) => lib.setStarred(a.ids, a.starred),
    'papers.tag': (a) => lib.tag(a.ids, a.add, a.remove),
    'papers.setNote': (a) => lib.setNote(a.id, a.note, a.mode),
    'papers.update': (a) => lib.update(a.id, a.patch),
    'papers.delete': (a) => lib.delete(a.ids),
    'tags.list': () => lib.tags(),
    'tags.rename': (a) => lib.renameTag(a.from, a.to),
    'tags.merge': (a) => lib.mergeTags(a.from, a.into),
    'tags.delete': (a) => lib.deleteTag(a.name),
    'library.counts': () => lib.counts(),
    'library.check': () => lib.check(),
    'library.backup': () => backupNow(lib),
    'library.backups': () => backupsOf(lib),
    'library.restore': (a) => restoreByName(lib, a.name),
    'history.undo': () => lib.undo(),
    'history.redo': () => lib.redo(),
    'history.list': (a) => lib.history(a.limit),
    // In a worker with its own connection: the window keeps reading meanwhile and sees `import:progress`.
    'import.text': (a) => importJobs(lib).importText(a.name, a.text, a.format),
    'import.cancel': () => ({ cancelled: importJobs(lib).cancelAll() }),
    'papers.add': (a) => addPapers(lib, a.identifiers, remoteServices()),
    'papers.enrich': (a) => enrichPapers(lib, a.query, remoteServices(), { limit: a.limit }),
    'duplicates.list': (a) => duplicates(lib, a.limit),
    'duplicates.merge': (a) => mergeDuplicate(lib, a.ids),
    'duplicates.dismiss': (a) => dismissDuplicate(lib, a.ids),
    'export.text': (a) => exportText(lib, a),
    'export.markdown': (a) => exportMarkdownFolder(lib, a),
  };
}

/**
 * Commands that write. While this process runs an import (one long write transaction in a worker), they wait for it
 * to land instead of failing on the lock: a status set during an import is applied right after it.
 */
const WRITES: ReadonlySet<CommandName> = new Set<CommandName>([
  'papers.setStatus',
  'papers.setStarred',
  'papers.tag',
  'papers.setNote',
  'papers.update',
  'papers.delete',
  'tags.rename',
  'tags.merge',
  'tags.delete',
  'library.restore',
  'history.undo',
  'history.redo',
  'papers.add',
  'papers.enrich',
  'duplicates.merge',
  'duplicates.dismiss',
  'export.markdown',
]);

export interface RouterOptions {
  /**
   * How long a request keeps trying while another process holds the library's write lock (a long import by the
   * CLI, say). Each try waits the connection's busy timeout; between tries the event loop is free.
   */
  busyWaitMs?: number;
  /** Told once per request when it starts waiting for another process's write lock. */
  onBusy?: () => void;
}

/** The busy timeout of a long-lived front door (window, serve): short, since the router retries (see setBusyTimeout). */
export const INTERACTIVE_BUSY_TIMEOUT_MS = 250;

/** Ten minutes: longer than a million-paper import takes. */
const DEFAULT_BUSY_WAIT_MS = 10 * 60 * 1000;
const RETRY_PAUSE_MS = 100;

export interface Router {
  handle(command: unknown, input: unknown): Promise<Result<unknown>>;
  /** The same, typed, for in-process callers. */
  call<C extends CommandName>(command: C, input: z.input<(typeof commands)[C]>): Promise<Result<CommandResults[C]>>;
}

/** A command name for a message, whatever was sent: an object whose toString is not a function cannot be printed. */
function describeCommand(command: unknown): string {
  try {
    return String(command).slice(0, 100);
  } catch {
    return `(a ${typeof command})`;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

export function createRouter(library: Library, options: RouterOptions = {}): Router {
  const table = handlers(library);
  const busyWaitMs = options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS;
  const run = async (command: CommandName, args: unknown): Promise<unknown> => {
    const handler = table[command] as (args: unknown) => unknown;
    if (WRITES.has(command)) await importJobs(library).idle();
    const deadline = Date.now() + busyWaitMs;
    for (let told = false; ; told = true) {
      try {
        return await Promise.resolve(handler(args));
      } catch (err) {
        // Nothing was written (the transaction rolled back): the same request can be made again.
        if (!isBusy(err) || Date.now() >= deadline) throw err;
        if (!told) options.onBusy?.();
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
  };
  const handle = async (command: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isCommandName(command)) {
      return { ok: false, error: { code: 'bad-request', message: `unknown command ${describeCommand(command)}` } };
    }
    const parsed = commands[command].safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'bad-request', message: `${command}: ${describeIssues(parsed.error)}` } };
    }
    try {
      return { ok: true, value: await run(command, parsed.data) };
    } catch (err) {
      if (err instanceof LibraryError) {
        return {
          ok: false,
          error: {
            code: err.code,
            message: err.message,
            ...(err.position !== undefined ? { position: err.position } : {}),
          },
        };
      }
      return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
    }
  };
  return {
    handle,
    call: (command, input) => handle(command, input) as never,
  };
}
