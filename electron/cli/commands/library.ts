/** Commands on the library as a whole: import, undo, redo, check. */
import type { ImportError, ImportReport } from '../../../shared/types';
import { flag, has, InputError, UsageError } from '../args';
import { printJson, unwrap, type Command } from '../command';
import { LibraryError } from '../../library';
import { checkLibraryFile } from '../../library/check-file';

export const importCommand: Command = {
  name: 'import',
  summary: 'import papers from files or standard input (format detected from content)',
  usage: `lectern import <file|->... [--format NAME] [--json]

Formats are recognized from the content; --format overrides. '-' reads standard input (e.g. a copied
Hugging Face papers page). Papers already in the library (same arXiv id or DOI, else same title) are merged, not added
twice. One import is one undo step.`,
  flags: { format: { value: true } },
  async run(ctx) {
    const files = ctx.args.positionals;
    if (files.length === 0) throw new UsageError('import needs a file (or - for standard input)');
    const format = flag(ctx.args, 'format');
    const sources: { name: string; text?: string }[] = [];
    for (const f of files) sources.push(f === '-' ? { name: '<stdin>', text: await ctx.io.readStdin() } : { name: f });
    let result: { report: ImportReport; refused: ImportError[] };
    try {
      result = ctx.library().importSources(sources, format, (p) => {
        if (ctx.io.isTTY && !ctx.json) ctx.io.stderr(`\r${p.name}: ${p.done}/${p.total} entries`);
      });
    } catch (err) {
      if (err instanceof LibraryError && err.code === 'bad-request') throw new UsageError(err.message);
      throw err;
    }
    if (ctx.io.isTTY && !ctx.json) ctx.io.stderr('\r\x1b[K');
    const { report, refused } = result;
    if (ctx.json) {
      const { paperIds: _ids, ...json } = report;
      printJson(ctx, json);
    } else {
      ctx.io.stdout(
        `${report.added} added, ${report.merged} merged, ${report.skipped} already in the library` +
          `${report.failed > 0 ? `, ${report.failed} failed` : ''}\n`,
      );
      for (const e of report.errors) ctx.io.stderr(`${e.file}${e.line !== null ? `:${e.line}` : ''}: ${e.message}\n`);
    }
    const nothingUsable = report.added + report.merged + report.skipped === 0 && report.failed > 0;
    if (refused.length > 0 || nothingUsable) {
      // One line on stderr saying why, whatever the output mode (the errors were listed above for people).
      if (ctx.json)
        ctx.io.stderr(`${refused[0]?.message ?? `${report.errors[0]?.file}: no entry could be imported`}\n`);
      return 1;
    }
    return 0;
  },
};

function historyCommand(which: 'undo' | 'redo'): Command {
  return {
    name: which,
    summary: which === 'undo' ? 'revert the last change' : 're-apply the last undone change',
    usage: `lectern ${which} [--json]`,
    async run(ctx) {
      if (ctx.args.positionals.length > 0) throw new UsageError(`${which} takes no arguments`);
      const step = unwrap(await ctx.router().call(which === 'undo' ? 'history.undo' : 'history.redo', {}));
      if (ctx.json) printJson(ctx, step === null ? null : { label: step.label, papers: step.paperIds });
      else if (step === null) ctx.io.stdout(`nothing to ${which}\n`);
      else ctx.io.stdout(`${which === 'undo' ? 'undone' : 'redone'}: ${step.label} (${step.paperIds.length} papers)\n`);
    },
  };
}
export const undoCommand = historyCommand('undo');
export const redoCommand = historyCommand('redo');

export const checkCommand: Command = {
  name: 'check',
  summary: 'check the library for damage (--repair rebuilds what can be rebuilt)',
  usage: 'lectern check [--repair] [--json]',
  flags: { repair: { value: false } },
  run(ctx) {
    // By file, not through ctx.library(): a damaged library cannot be opened for writing, but can be checked.
    const report = checkLibraryFile(ctx.libraryPath, has(ctx.args, 'repair'));
    if (ctx.json) printJson(ctx, report);
    else if (report.ok && report.problems.length === 0) ctx.io.stdout(`ok: ${ctx.libraryPath}\n`);
    else for (const p of report.problems) ctx.io.stdout(`${p}\n`);
    if (!report.ok) throw new InputError(`the library has ${report.problems.length} problems`);
  },
};
