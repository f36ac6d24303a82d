/** `lectern serve`: the window in a browser, on this machine only. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, UsageError } from '../args';
import type { Command } from '../command';
import { startServer } from '../../serve/server';
import { ensureRendererBuilt } from '../../serve/renderer-build';
import { autoBackup } from '../../library/backup';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const serveCommand: Command = {
  name: 'serve',
  summary: 'open the library in a browser (127.0.0.1 only, with a secret token)',
  usage: `lectern serve [--port N] [--library PATH]

Serves the Lectern window and its contract on http://127.0.0.1 only. Every request needs this launch's secret token,
which is part of the printed URL: open that URL in a browser. Runs until interrupted (Ctrl+C).`,
  flags: { port: { value: true } },
  async run(ctx) {
    if (ctx.args.positionals.length > 0) throw new UsageError('serve takes no arguments');
    const portText = flag(ctx.args, 'port') ?? '0';
    if (!/^\d+$/.test(portText) || Number(portText) > 65535)
      throw new UsageError(`--port takes a port number, not ${portText}`);
    const rendererDir = ensureRendererBuilt(ROOT, (line) => ctx.io.stderr(`${line}\n`));
    const library = ctx.library();
    // Like the window, a long-lived serve takes the once-a-day backup that short CLI commands skip.
    autoBackup(library.db, library.path, false);
    const server = await startServer({ library, port: Number(portText), rendererDir });
    ctx.io.stdout(`Lectern is serving ${server.url}\n`);
    ctx.io.stdout(`Library: ${library.path}\nPress Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    ctx.io.stderr('stopped\n');
  },
};
