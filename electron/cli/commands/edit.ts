/** Commands that change papers: status, tag, star, unstar, note. Each is one undoable step. */
import { READING_STATUSES, isReadingStatus, type Paper } from '../../../shared/types';
import { flag, has, parseId, UsageError } from '../args';
import { printJson, unwrap, type Command, type CliContext } from '../command';
import { paperJson, paperLine } from '../output';

function printPapers(ctx: CliContext, papers: Paper[]): void {
  if (ctx.json) printJson(ctx, papers.map(paperJson));
  else for (const p of papers) ctx.io.stdout(`${paperLine(p)}\n`);
}

function ids(words: string[], what: string): number[] {
  if (words.length === 0) throw new UsageError(`${what} needs at least one paper id`);
  return words.map(parseId);
}

export const statusCommand: Command = {
  name: 'status',
  summary: `set reading status (${READING_STATUSES.join(', ')})`,
  usage: `lectern status <id>... <${READING_STATUSES.join('|')}> [--json]`,
  async run(ctx) {
    const words = ctx.args.positionals;
    const status = words[words.length - 1];
    if (status === undefined || !isReadingStatus(status)) {
      throw new UsageError(`the last argument is the status: one of ${READING_STATUSES.join(', ')}`);
    }
    const papers = unwrap(
      await ctx.router().call('papers.setStatus', { ids: ids(words.slice(0, -1), 'status'), status }),
    );
    printPapers(ctx, papers);
  },
};

export const tagCommand: Command = {
  name: 'tag',
  summary: 'add (+name) and remove (-name) tags',
  usage: 'lectern tag <id>... +name -name... [--json]\n\nExample: lectern tag 12 13 +survey +nas -unsorted',
  dashWords: true,
  async run(ctx) {
    const add: string[] = [];
    const remove: string[] = [];
    const idWords: string[] = [];
    for (const w of ctx.args.positionals) {
      if (w.startsWith('+') && w.length > 1) add.push(w.slice(1));
      else if (w.startsWith('-') && w.length > 1) remove.push(w.slice(1));
      else idWords.push(w);
    }
    if (add.length === 0 && remove.length === 0) throw new UsageError('tag needs +name or -name');
    const papers = unwrap(await ctx.router().call('papers.tag', { ids: ids(idWords, 'tag'), add, remove }));
    printPapers(ctx, papers);
  },
};

function starCommand(starred: boolean): Command {
  const name = starred ? 'star' : 'unstar';
  return {
    name,
    summary: starred ? 'star papers' : 'remove the star',
    usage: `lectern ${name} <id>... [--json]`,
    async run(ctx) {
      const papers = unwrap(
        await ctx.router().call('papers.setStarred', { ids: ids(ctx.args.positionals, name), starred }),
      );
      printPapers(ctx, papers);
    },
  };
}
export const starCommandDef = starCommand(true);
export const unstarCommandDef = starCommand(false);

export const noteCommand: Command = {
  name: 'note',
  summary: "set or append to a paper's Markdown note (or print it)",
  usage: `lectern note <id> (--set TEXT | --append TEXT | --set -) [--json]

--set replaces the note, --append adds a paragraph, '-' reads the text from standard input.
With neither, prints the note.`,
  flags: { set: { value: true }, append: { value: true } },
  async run(ctx) {
    if (ctx.args.positionals.length !== 1) throw new UsageError('note takes one paper id');
    const id = parseId(ctx.args.positionals[0]!);
    if (has(ctx.args, 'set') && has(ctx.args, 'append')) throw new UsageError('use either --set or --append');
    const mode = has(ctx.args, 'append') ? 'append' : has(ctx.args, 'set') ? 'set' : null;
    if (mode === null) {
      const paper = unwrap(await ctx.router().call('papers.get', { id }));
      if (ctx.json) printJson(ctx, { id, note: paper.note });
      else ctx.io.stdout(paper.note ? `${paper.note}\n` : '');
      return;
    }
    let text = flag(ctx.args, mode)!;
    if (text === '-') text = (await ctx.io.readStdin()).replace(/\r\n/g, '\n').replace(/\n$/, '');
    const paper = unwrap(await ctx.router().call('papers.setNote', { id, note: text, mode }));
    printPapers(ctx, [paper]);
  },
};
