/** `lectern add` (papers by arXiv id or DOI) and `lectern enrich` (find the ids of papers that lack them). */
import { flag, parseLimit, UsageError } from '../args';
import { printJson, unwrap, type Command } from '../command';
import { remoteServices } from '../../library/remote/config';
import { enrichPapers } from '../../library/remote/enrich';

const NETWORK_HELP = `The arXiv API (export.arxiv.org) and Crossref (api.crossref.org) are asked; arXiv's three seconds between
calls are respected. Set LECTERN_ARXIV_API / LECTERN_CROSSREF_API to use other servers, LECTERN_ARXIV_DELAY_MS to
change the pause, LECTERN_HTTP_TIMEOUT_MS / LECTERN_HTTP_RETRIES for patience, LECTERN_CONTACT_EMAIL to be in
Crossref's polite pool.`;

export const addCommand: Command = {
  name: 'add',
  summary: 'add papers by arXiv id or DOI (metadata from arXiv and Crossref)',
  usage: `lectern add <identifier>... [--json]

Identifiers: arXiv:2401.12345, 2401.12345v2, hep-th/9901001, https://arxiv.org/abs/..., 10.1145/3292500.3330701,
https://doi.org/10.... Papers already in the library are merged, not added twice. One undo step.

${NETWORK_HELP}`,
  async run(ctx) {
    const identifiers = ctx.args.positionals;
    if (identifiers.length === 0) throw new UsageError('add needs an arXiv id or DOI');
    const report = unwrap(await ctx.router().call('papers.add', { identifiers }));
    if (ctx.json) {
      const { paperIds, ...rest } = report;
      printJson(ctx, { ...rest, ids: paperIds });
    } else {
      ctx.io.stdout(
        `${report.added} added, ${report.merged} merged, ${report.skipped} already in the library` +
          `${report.failed > 0 ? `, ${report.failed} not found` : ''}\n`,
      );
      for (const e of report.errors) ctx.io.stderr(`${e.file}: ${e.message}\n`);
    }
    if (report.added + report.merged + report.skipped === 0) {
      if (ctx.json) ctx.io.stderr(`${report.errors[0]?.file}: ${report.errors[0]?.message}\n`);
      return 1;
    }
    return 0;
  },
};

export const enrichCommand: Command = {
  name: 'enrich',
  summary: 'find the arXiv id or DOI of papers that lack one, by title',
  usage: `lectern enrich [query] [--limit N] [--json]

Looks up papers that have neither an arXiv id nor a DOI (those matching the query, if given; at most --limit, default
100) by title, on arXiv then Crossref. A match is taken only when it is unambiguous: the normalized title is equal, or
near-identical with the same first author. Empty fields are filled from it; status, tags, star and note stay. One undo
step.

${NETWORK_HELP}`,
  flags: { limit: { value: true } },
  async run(ctx) {
    if (ctx.args.positionals.length > 1) throw new UsageError('enrich takes one query (quote it)');
    const limit = parseLimit(flag(ctx.args, 'limit'));
    const query = ctx.args.positionals[0] ?? '';
    // arXiv's pace is one call every three seconds: on a terminal, show how far the look-ups have come.
    const tty = ctx.io.isTTY && !ctx.json;
    const report = await enrichPapers(ctx.library(), query, remoteServices(), {
      ...(limit ? { limit } : {}),
      onProgress: (done, total) => {
        if (tty) ctx.io.stderr(`\renrich: ${done}/${total} papers looked up`);
      },
    });
    if (tty) ctx.io.stderr('\r\x1b[K');
    if (ctx.json) {
      printJson(ctx, report);
      return;
    }
    for (const e of report.enriched) {
      ctx.io.stdout(
        `${e.id}: ${e.arxiv ? `arXiv:${e.arxiv}` : ''}${e.arxiv && e.doi ? ' ' : ''}${e.doi ? `doi:${e.doi}` : ''} (${e.via})\n`,
      );
    }
    for (const a of report.ambiguous) ctx.io.stderr(`${a.id}: ambiguous (${a.candidates.join(', ')}); left alone\n`);
    for (const c of report.conflicts) {
      ctx.io.stderr(`${c.id}: ${c.identifier} is already paper ${c.existing}; see lectern duplicates\n`);
    }
    ctx.io.stdout(
      `${report.checked} checked, ${report.enriched.length} enriched, ${report.ambiguous.length} ambiguous, ` +
        `${report.notFound.length} not found\n`,
    );
  },
};
