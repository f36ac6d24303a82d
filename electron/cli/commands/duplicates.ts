/** `lectern duplicates` and `lectern merge`: finding papers that are in the library twice, and folding them into one. */
import type { DuplicateReason } from '../../../shared/types';
import { has, parseId, UsageError } from '../args';
import { printJson, unwrap, type Command } from '../command';
import { paperJson, paperLine } from '../output';

const REASON_TEXT: Record<DuplicateReason, string> = {
  'same-doi': 'same DOI',
  'same-arxiv': 'same arXiv id',
  'same-title-author-year': 'same title, first author and year',
  'near-identical-title': 'near-identical title',
};

export const duplicatesCommand: Command = {
  name: 'duplicates',
  summary: 'list papers that look like the same paper twice, with the reason',
  usage: `lectern duplicates [--json]

Lists pairs of papers that are likely the same: same DOI, same arXiv id, same title with the same first author and
year, or a near-identical title. Merge a pair with \`lectern merge <id> <id>\`, or stop it being listed with
\`lectern merge <id> <id> --not-duplicate\`.`,
  async run(ctx) {
    if (ctx.args.positionals.length > 0) throw new UsageError('duplicates takes no arguments');
    const pairs = unwrap(await ctx.router().call('duplicates.list', {}));
    if (ctx.json) {
      printJson(
        ctx,
        pairs.map((p) => ({ ids: p.ids, reason: p.reason, papers: p.papers.map(paperJson) })),
      );
      return;
    }
    if (pairs.length === 0) {
      ctx.io.stdout('no likely duplicates\n');
      return;
    }
    for (const p of pairs) {
      ctx.io.stdout(`${p.ids[0]} and ${p.ids[1]}: ${REASON_TEXT[p.reason]}\n`);
      for (const paper of p.papers) ctx.io.stdout(`${paperLine(paper)}\n`);
      ctx.io.stdout('\n');
    }
    ctx.io.stdout(`${pairs.length} pair${pairs.length === 1 ? '' : 's'}\n`);
  },
};

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge the second paper into the first (or --not-duplicate: they only look alike)',
  usage: `lectern merge <id> <id> [--not-duplicate] [--json]

Merges the second paper into the first, which keeps its id: fields the first lacks are taken from the second, tags
are united, both notes are kept (one after the other), the paper is starred if either was, and it keeps the more
advanced reading status (read > reading > to-read > skipped > new). The second paper is deleted. One undo step:
\`lectern undo\` brings both back as they were.

--not-duplicate  remember that the two only look alike; \`lectern duplicates\` stops listing them. Nothing is merged.`,
  flags: { 'not-duplicate': { value: false } },
  async run(ctx) {
    const words = ctx.args.positionals;
    if (words.length !== 2) throw new UsageError('merge needs exactly two paper ids');
    const ids = words.map(parseId);
    if (has(ctx.args, 'not-duplicate')) {
      const result = unwrap(await ctx.router().call('duplicates.dismiss', { ids }));
      if (ctx.json) printJson(ctx, { ids: result.ids, notDuplicate: true });
      else ctx.io.stdout(`${ids[0]} and ${ids[1]} marked as not duplicates\n`);
      return;
    }
    const paper = unwrap(await ctx.router().call('duplicates.merge', { ids }));
    if (ctx.json) printJson(ctx, paperJson(paper));
    else ctx.io.stdout(`merged ${ids[1]} into ${ids[0]}\n${paperLine(paper)}\n`);
  },
};
