/** Commands that look: list, search, show, tags. */
import { SORT_FIELDS, type SortField, type PaperPage } from '../../../shared/types';
import { flag, parseId, parseLimit, UsageError } from '../args';
import { printJson, unwrap, type Command, type CliContext } from '../command';
import { paperDetail, paperJson, paperLine, plainSnippet } from '../output';

const PAGE = 1000;

interface Listing {
  query: string;
  sort: SortField;
  direction?: 'asc' | 'desc' | undefined;
  limit: number | undefined;
  snippets: boolean;
}

function parseSort(text: string | undefined): { sort: SortField; direction?: 'asc' | 'desc' } | undefined {
  if (text === undefined) return undefined;
  const [field, dir] = text.split(':');
  if (!(SORT_FIELDS as readonly string[]).includes(field ?? '')) {
    throw new UsageError(`--sort takes one of ${SORT_FIELDS.join(', ')} (optionally :asc or :desc), not ${text}`);
  }
  if (dir !== undefined && dir !== 'asc' && dir !== 'desc') {
    throw new UsageError(`sort direction is asc or desc, not ${dir}`);
  }
  return dir ? { sort: field as SortField, direction: dir } : { sort: field as SortField };
}

/** Pages through the whole result so memory stays flat however many papers match. */
async function* pages(ctx: CliContext, l: Listing): AsyncGenerator<PaperPage> {
  let offset = 0;
  for (;;) {
    const want = l.limit === undefined ? PAGE : Math.min(PAGE, l.limit - offset);
    if (want <= 0) return;
    const input = { query: l.query, sort: l.sort, offset, limit: want, snippets: l.snippets };
    const page = unwrap(
      await ctx.router().call('papers.list', l.direction ? { ...input, direction: l.direction } : input),
    );
    yield page;
    offset += page.rows.length;
    if (page.rows.length < want || offset >= page.total) return;
  }
}

async function printListing(ctx: CliContext, listing: Listing): Promise<void> {
  let first = true;
  let total = 0;
  let shown = 0;
  if (ctx.json) ctx.io.stdout('[');
  for await (const page of pages(ctx, listing)) {
    total = page.total;
    for (const row of page.rows) {
      shown++;
      if (ctx.json) {
        ctx.io.stdout(`${first ? '\n' : ',\n'}${JSON.stringify(paperJson(row))}`);
      } else {
        ctx.io.stdout(`${paperLine(row)}\n`);
        if (listing.snippets && row.snippet) ctx.io.stdout(`         ${plainSnippet(row.snippet, ctx.io.isTTY)}\n`);
      }
      first = false;
    }
  }
  if (ctx.json) ctx.io.stdout(first ? ']\n' : '\n]\n');
  else if (ctx.io.isTTY || shown < total) ctx.io.stderr(`${shown} of ${total} papers\n`);
}

export const listCommand: Command = {
  name: 'list',
  aliases: ['ls'],
  summary: 'list papers matching a query (all by default), sorted',
  usage: `lectern list [query] [--sort title|author|year|added|status|relevance[:asc|desc]] [--limit n] [--json]

Prints every matching paper unless --limit is given. Without a query, lists the whole library (newest first).
Examples:
  lectern list 'status:to-read tag:survey'
  lectern list 'year:2020..2024' --sort year:desc --limit 20`,
  flags: { sort: { value: true }, limit: { value: true } },
  async run(ctx) {
    const query = ctx.args.positionals.join(' ');
    const sort = parseSort(flag(ctx.args, 'sort')) ?? { sort: query.trim() ? 'relevance' : 'added' };
    const limit = parseLimit(flag(ctx.args, 'limit'));
    await printListing(ctx, { query, sort: sort.sort, direction: sort.direction, limit, snippets: false });
  },
};

export const searchCommand: Command = {
  name: 'search',
  summary: 'ranked full-text search (50 best by default), with snippets',
  usage: `lectern search <query> [--limit n] [--json]

Ranks by relevance (title matches above abstract matches) and shows the matched words in context.
Query language: words, "exact phrase", prefix*, -word, OR, title:, author:, tag:, status:, year:2020,
year:2019..2023, is:starred, has:note.`,
  flags: { limit: { value: true } },
  async run(ctx) {
    const query = ctx.args.positionals.join(' ');
    if (!query.trim()) throw new UsageError('search needs a query (use `lectern list` to see everything)');
    const limit = parseLimit(flag(ctx.args, 'limit')) ?? 50;
    await printListing(ctx, { query, sort: 'relevance', limit, snippets: true });
  },
};

export const showCommand: Command = {
  name: 'show',
  summary: 'show one paper in full',
  usage: 'lectern show <id> [--json]',
  async run(ctx) {
    if (ctx.args.positionals.length !== 1) throw new UsageError('show takes one paper id');
    const paper = unwrap(await ctx.router().call('papers.get', { id: parseId(ctx.args.positionals[0]!) }));
    if (ctx.json) printJson(ctx, paperJson(paper));
    else ctx.io.stdout(`${paperDetail(paper)}\n`);
  },
};

export const tagsCommand: Command = {
  name: 'tags',
  summary: 'list tags with their paper counts',
  usage: 'lectern tags [--json]',
  async run(ctx) {
    if (ctx.args.positionals.length > 0) throw new UsageError('tags takes no arguments');
    const tags = unwrap(await ctx.router().call('tags.list', {}));
    if (ctx.json) printJson(ctx, tags);
    else for (const t of tags) ctx.io.stdout(`${String(t.count).padStart(7)}  ${t.name}\n`);
  },
};
