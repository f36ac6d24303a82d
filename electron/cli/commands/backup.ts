/** `lectern backup` and `lectern restore`: whole-library snapshots, and putting one back. */
import { flag, UsageError } from '../args';
import { printJson, type Command } from '../command';
import { backupLibrary } from '../../library/backup';
import { restoreLibrary } from '../../library/restore';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'back up the library (into backups/ beside it, or --out FILE)',
  usage: `lectern backup [--out FILE] [--json]

Writes a consistent snapshot of the library with SQLite's online backup API, safe while the window is open.
Without --out it goes to the backups folder beside the library (library-<time>.sqlite; the newest ten are kept,
and Lectern also backs up by itself once a day and before every update of the library's format).
--out writes exactly FILE, which must not exist yet.`,
  flags: { out: { value: true } },
  async run(ctx) {
    if (ctx.args.positionals.length > 0) throw new UsageError('backup takes no arguments (use --out FILE)');
    const info = await backupLibrary(ctx.library().db, ctx.libraryPath, flag(ctx.args, 'out'));
    if (ctx.json) printJson(ctx, info);
    else ctx.io.stdout(`backed up to ${info.file} (${info.bytes} bytes)\n`);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'replace the library with a backup (the current one is kept as a backup)',
  usage: `lectern restore FILE [--json]

Checks FILE (a sound Lectern library, not written by a newer Lectern), keeps the current library as a backup
(a damaged library is moved aside as library-damaged-<time>.sqlite), then swaps the backup in as one step.`,
  async run(ctx) {
    const [file, ...rest] = ctx.args.positionals;
    if (!file || rest.length > 0) throw new UsageError('restore needs exactly one backup file');
    // Not through ctx.library(): the library may be damaged, which is what a restore is for.
    const result = await restoreLibrary(ctx.libraryPath, file);
    if (ctx.json) printJson(ctx, result);
    else {
      ctx.io.stdout(`restored ${result.restoredFrom}\n`);
      if (result.keptCurrentAs) ctx.io.stdout(`the library as it was is kept as ${result.keptCurrentAs}\n`);
    }
  },
};
