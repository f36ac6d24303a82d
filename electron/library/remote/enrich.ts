/**
 * `lectern enrich`: papers without an arXiv id or DOI (a pasted listing gives neither) are looked up by title, first
 * on arXiv, then in Crossref. A match is taken only when it is unambiguous: exactly one result whose normalized title
 * equals the paper's, or is near-identical with the same first author. Empty fields are filled from it, the user's
 * status, tags, star and note untouched; all of it one undo step, written after every look-up is done.
 */
import type { EnrichReport, Paper, PaperDraft } from '../../../shared/types';
import { authorFamily, normalizeTitle } from '../../../shared/normalize';
import { cached } from '../db/statements';
import type { Library } from '../library';
import { getPaper, writePaper } from '../papers';
import { familyKey, mergeDraft } from '../import/dedupe';
import { cleanDraft } from '../import/run';
import { nearlySameTitle } from '../duplicates/similar';
import { compileUserQuery } from '../search/list';
import { arxivTitleSearch } from './arxiv';
import type { RemoteServices } from './config';
import { crossrefSearch } from './crossref';

export interface EnrichOptions {
  /** At most this many papers are looked up (arXiv's pace is one call every three seconds). */
  limit?: number;
  onProgress?: (done: number, total: number) => void;
}

type Match = { kind: 'one'; draft: PaperDraft } | { kind: 'many'; candidates: string[] } | { kind: 'none' };

const identity = (d: PaperDraft) => d.arxiv ?? d.doi ?? normalizeTitle(d.title);

/** The one result that is surely this paper, or why there is none. */
export function pickMatch(paper: Pick<Paper, 'title' | 'authors'>, results: PaperDraft[]): Match {
  const key = normalizeTitle(paper.title);
  const family = familyKey(authorFamily(paper.authors[0]));
  const hits = new Map<string, PaperDraft>();
  for (const d of results) {
    const theirs = normalizeTitle(d.title);
    const sameTitle = theirs === key;
    const near = !sameTitle && family !== '' && nearlySameTitle(theirs, key);
    const sameAuthor = family !== '' && d.authors.some((a) => familyKey(authorFamily(a)) === family);
    if (sameTitle || (near && sameAuthor)) hits.set(identity(d), d);
  }
  if (hits.size === 1) return { kind: 'one', draft: [...hits.values()][0]! };
  if (hits.size > 1) return { kind: 'many', candidates: [...hits.keys()] };
  return { kind: 'none' };
}

function papersToEnrich(library: Library, query: string, limit: number): Paper[] {
  const compiled = compileUserQuery(query);
  const ids = cached(
    library.db,
    `SELECT p.id FROM papers p WHERE (${compiled.where}) AND p.arxiv IS NULL AND p.doi IS NULL ORDER BY p.id LIMIT ?`,
  )
    .pluck()
    .all(...compiled.params, limit) as number[];
  return ids.map((id) => getPaper(library.db, id)!);
}

async function lookUp(remote: RemoteServices, paper: Paper): Promise<{ match: Match; via: 'arxiv' | 'crossref' }> {
  const { config } = remote;
  const onArxiv = pickMatch(paper, await arxivTitleSearch(remote.arxiv, config.arxivApi, paper.title));
  if (onArxiv.kind !== 'none') return { match: onArxiv, via: 'arxiv' };
  const family = authorFamily(paper.authors[0]);
  const text = family ? `${paper.title} ${family}` : paper.title;
  return { match: pickMatch(paper, await crossrefSearch(remote.crossref, config.crossrefApi, text)), via: 'crossref' };
}

function holder(library: Library, column: 'arxiv' | 'doi', value: string | null, self: number): number | null {
  if (!value) return null;
  const row = cached(library.db, `SELECT id FROM papers WHERE ${column} = ? AND id <> ? LIMIT 1`).get(value, self) as
    { id: number } | undefined;
  return row?.id ?? null;
}

export async function enrichPapers(
  library: Library,
  query: string,
  remote: RemoteServices,
  options: EnrichOptions = {},
): Promise<EnrichReport> {
  const papers = papersToEnrich(library, query, options.limit ?? 100);
  const report: EnrichReport = { checked: papers.length, enriched: [], ambiguous: [], notFound: [], conflicts: [] };
  const found: { paper: Paper; draft: PaperDraft; via: 'arxiv' | 'crossref' }[] = [];
  for (const [i, paper] of papers.entries()) {
    const { match, via } = await lookUp(remote, paper);
    if (match.kind === 'one') found.push({ paper, draft: cleanDraft(match.draft), via });
    else if (match.kind === 'many') report.ambiguous.push({ id: paper.id, candidates: match.candidates });
    else report.notFound.push(paper.id);
    options.onProgress?.(i + 1, papers.length);
  }
  // Checked and written with no await in between: nothing else can change the library meanwhile in this process.
  const apply = found.filter(({ paper, draft }) => {
    const current = getPaper(library.db, paper.id);
    if (!current || current.arxiv || current.doi) return false;
    const other = holder(library, 'arxiv', draft.arxiv, paper.id) ?? holder(library, 'doi', draft.doi, paper.id);
    if (other !== null)
      report.conflicts.push({ id: paper.id, identifier: (draft.arxiv ?? draft.doi)!, existing: other });
    return other === null;
  });
  if (apply.length === 0) return report;
  library.change(`Enrich ${apply.length === 1 ? 'paper' : `${apply.length} papers`}`, ['papers'], (rec, now) => {
    for (const { paper, draft, via } of apply) {
      const current = getPaper(library.db, paper.id)!;
      rec.touch(paper.id);
      const merged = mergeDraft(current, { ...draft, tags: [], note: '' });
      writePaper(library.db, { ...merged, updatedAt: now });
      report.enriched.push({ id: paper.id, arxiv: merged.arxiv, doi: merged.doi, via });
    }
  });
  return report;
}
