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
import { LibraryError } from './errors';
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

export interface Router {
  handle(command: unknown, input: unknown): Promise<Result<unknown>>;
  /** The same, typed, for in-process callers. */
  call<C extends CommandName>(command: C, input: z.input<(typeof commands)[C]>): Promise<Result<CommandResults[C]>>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

export function createRouter(library: Library): Router {
  const table = handlers(library);
  const handle = async (command: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isCommandName(command)) {
      return { ok: false, error: { code: 'bad-request', message: `unknown command ${String(command).slice(0, 100)}` } };
    }
    const parsed = commands[command].safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'bad-request', message: `${command}: ${describeIssues(parsed.error)}` } };
    }
    try {
      const handler = table[command] as (args: unknown) => unknown;
      return { ok: true, value: await Promise.resolve(handler(parsed.data)) };
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
