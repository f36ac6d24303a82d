/** `lectern export`: Markdown notes into a folder, a Markdown digest, or references as BibTeX, BibLaTeX, RIS, CSL-JSON. */
import fs from 'node:fs';
import path from 'node:path';
import { REFERENCE_FORMATS, type MarkdownExportSummary, type ReferenceFormat } from '../../../shared/export';
import { LibraryError } from '../../library';
import { exportMarkdownDigest, exportMarkdownFolder, exportText } from '../../library/export';
import { flag, has, InputError, UsageError } from '../args';
import { printJson, type CliContext, type Command } from '../command';

const FORMATS = ['markdown', ...REFERENCE_FORMATS];

function summaryLines(s: MarkdownExportSummary, target: string): string[] {
  const lines = [
    `${s.papers} ${s.papers === 1 ? 'paper' : 'papers'} → ${target}: ${s.written} written, ${s.unchanged} unchanged, ` +
      `${s.skippedEdited} skipped (edited), ${s.newBeside} new beside${s.refused > 0 ? `, ${s.refused} refused` : ''}`,
  ];
  for (const f of s.files) {
    if (f.action === 'skipped-edited') {
      lines.push(`  edited, not overwritten: ${f.file}${f.beside ? ` (new version: ${f.beside})` : ''}`);
      if (f.reason) lines.push(`  cannot write the new version: ${f.reason}`);
    } else if (f.action === 'refused') {
      lines.push(`  refused: ${f.reason ?? f.file}`);
    }
  }
  return lines;
}

function reportSummary(ctx: CliContext, summary: MarkdownExportSummary, target: string): number {
  if (ctx.json) printJson(ctx, summary);
  else ctx.io.stdout(`${summaryLines(summary, target).join('\n')}\n`);
  if (summary.refused > 0) {
    if (ctx.json)
      ctx.io.stderr(`${summary.files.find((f) => f.action === 'refused')?.reason ?? 'a file was refused'}\n`);
    return 1;
  }
  return 0;
}

/** Library errors about the folder or template are input errors (exit 1); a bad query too. */
function run<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof LibraryError && err.code === 'bad-request') throw new UsageError(err.message);
    throw err;
  }
}

function exportMarkdown(ctx: CliContext, query: string): number {
  const out = flag(ctx.args, 'out');
  const digest = flag(ctx.args, 'digest');
  if ((out === undefined) === (digest === undefined)) {
    throw new UsageError('export markdown needs --out DIR (one note per paper) or --digest FILE (one file), not both');
  }
  const common = { query, force: has(ctx.args, 'force'), template: flag(ctx.args, 'template') };
  const summary = run(() =>
    out !== undefined
      ? exportMarkdownFolder(ctx.library(), { ...common, dir: out })
      : exportMarkdownDigest(ctx.library(), { ...common, file: digest! }),
  );
  return reportSummary(ctx, summary, out !== undefined ? summary.dir : path.join(summary.dir, summary.files[0]!.file));
}

function writeOut(file: string, text: string): void {
  const target = path.resolve(file);
  try {
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new Error('it is a folder');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Unchanged output leaves the file (and its modification time) alone.
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) return;
    const temp = `${target}.lectern-tmp-${process.pid}`;
    fs.writeFileSync(temp, text, 'utf8');
    fs.renameSync(temp, target);
  } catch (err) {
    throw new InputError(`cannot write ${target}: ${(err as Error).message}`);
  }
}

function exportReferences(ctx: CliContext, format: ReferenceFormat, query: string): number {
  if (flag(ctx.args, 'digest') !== undefined || flag(ctx.args, 'template') !== undefined) {
    throw new UsageError('--digest and --template are for export markdown');
  }
  const { text, count } = run(() => exportText(ctx.library(), { format, query }));
  const out = flag(ctx.args, 'out');
  if (out === undefined) {
    if (ctx.json) printJson(ctx, { format, count, text });
    else ctx.io.stdout(text);
  } else {
    writeOut(out, text);
    if (ctx.json) printJson(ctx, { format, count, file: path.resolve(out) });
    else ctx.io.stderr(`${count} ${count === 1 ? 'paper' : 'papers'} → ${path.resolve(out)}\n`);
  }
  return 0;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export Markdown notes, a digest, or references (BibTeX, BibLaTeX, RIS, CSL-JSON)',
  usage: `lectern export markdown --out DIR [query] [--template FILE] [--force] [--json]
lectern export markdown --digest FILE [query] [--template FILE] [--force] [--json]
lectern export bibtex|biblatex|ris|csl-json [query] [--out FILE] [--json]

Exports the papers matching the query (all papers without one), in the order they were added.

markdown --out DIR   one note per paper, named from its citation key (else author-year-title), with YAML front
                     matter (title, authors, year, venue, doi, arxiv, url, citekey, tags, status, starred, added,
                     lectern-id), the title, the abstract and your note. Run it again any time: unchanged notes are
                     not touched, notes you edited are never overwritten (the new version is written beside them as
                     NAME.lectern-new.md) unless you add --force. Lectern keeps track in DIR/.lectern-export.json.
markdown --digest FILE   one Markdown file with a section per paper (a reading-group handout).
--template FILE      a Nunjucks template for the note body or the digest (see docs/templates.md).
bibtex|biblatex|ris|csl-json   to standard output, or to FILE with --out. Papers without a citation key get one
                     (e.g. vaswani2017attention), kept from then on; change it with the window or papers.update.

Examples:
  lectern export markdown --out ~/vault/papers 'tag:survey'
  lectern export markdown --digest week.md 'status:to-read'
  lectern export bibtex 'is:starred' --out refs.bib`,
  flags: { out: { value: true }, digest: { value: true }, template: { value: true }, force: { value: false } },
  // eslint-disable-next-line @typescript-eslint/require-await -- the Command interface is async; export is synchronous
  async run(ctx) {
    const [format, ...rest] = ctx.args.positionals;
    if (format === undefined) throw new UsageError(`export needs a format: ${FORMATS.join(', ')}`);
    const query = rest.join(' ');
    if (format === 'markdown') return exportMarkdown(ctx, query);
    if ((REFERENCE_FORMATS as readonly string[]).includes(format)) {
      if (has(ctx.args, 'force')) throw new UsageError('--force is for export markdown');
      return exportReferences(ctx, format as ReferenceFormat, query);
    }
    throw new UsageError(`unknown export format ${format} (known: ${FORMATS.join(', ')})`);
  },
};
