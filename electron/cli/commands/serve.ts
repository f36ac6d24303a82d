/** `lectern serve`: the window in a browser, on this machine only. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, UsageError } from '../args';
import type { Command } from '../command';
import { startServer } from '../../serve/server';
import { ensureRendererBuilt } from '../../serve/renderer-build';
import { autoBackup } from '../../library/backup';
import { DamagedLibraryError, INTERACTIVE_BUSY_TIMEOUT_MS, LibraryError, type Library } from '../../library';
import { answerDamagedStart, damagedStartPrompt } from '../../library/damaged-start';
import type { DamagedStart } from '../../serve/damaged';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const serveCommand: Command = {
  name: 'serve',
  summary: 'open the library in a browser (127.0.0.1 only, with a secret token)',
  usage: `lectern serve [--port N] [--library PATH]

Serves the Lectern window and its contract on http://127.0.0.1 only. Every request needs this launch's secret token,
which is part of the printed URL: open that URL in a browser. Runs until interrupted (Ctrl+C).

A damaged library is not opened: the page says what is wrong and offers to restore the newest good backup (the damaged
file is kept beside it); after the restore the window loads as usual.`,
  flags: { port: { value: true } },
  async run(ctx) {
    if (ctx.args.positionals.length > 0) throw new UsageError('serve takes no arguments');
    const portText = flag(ctx.args, 'port') ?? '0';
    if (!/^\d+$/.test(portText) || Number(portText) > 65535)
      throw new UsageError(`--port takes a port number, not ${portText}`);
    const rendererDir = ensureRendererBuilt(ROOT, (line) => ctx.io.stderr(`${line}\n`));
    const open = (): Library => {
      const library = ctx.library();
      // Like the window, a long-lived serve takes the once-a-day backup that short CLI commands skip.
      autoBackup(library.db, library.path, false);
      // A server must not block on another process's long write: wait briefly, the router retries (router.ts).
      library.setBusyTimeout(INTERACTIVE_BUSY_TIMEOUT_MS);
      return library;
    };
    let start: Library | DamagedStart;
    try {
      start = open();
    } catch (err) {
      if (!(err instanceof DamagedLibraryError)) throw err;
      start = damagedStart(err, open, (line) => ctx.io.stdout(line));
      ctx.io.stderr(`lectern: ${err.message}\n`);
      ctx.io.stderr(
        `lectern: the page offers ${err.backup ? 'to restore that backup' : 'no restore (no good backup)'}\n`,
      );
    }
    const server = await startServer({ library: start, port: Number(portText), rendererDir });
    ctx.io.stdout(`Lectern is serving ${server.url}\n`);
    ctx.io.stdout(`Library: ${ctx.libraryPath}\nPress Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    ctx.io.stderr('stopped\n');
  },
};

/** The restore the damaged page offers: the same choice and words as the window's dialog (damaged-start.ts). */
function damagedStart(error: DamagedLibraryError, open: () => Library, say: (line: string) => void): DamagedStart {
  return {
    error,
    async restore() {
      const prompt = damagedStartPrompt(error);
      if (prompt.restoreId === null) throw new LibraryError('not-found', 'there is no good backup to restore');
      const outcome = await answerDamagedStart(error, prompt.restoreId);
      if (outcome.kind === 'failed') throw new LibraryError('conflict', `${outcome.message}: ${outcome.detail}`);
      if (outcome.kind === 'quit') throw new LibraryError('conflict', 'nothing was restored');
      const library = open();
      say(`${outcome.message}. ${outcome.detail}\n`);
      return library;
    },
  };
}
