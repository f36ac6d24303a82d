/**
 * Which papers an export covers: the ones matching a query (all papers for an empty query), or the given ids (the
 * window's selection) — both given means the selected papers that match the query. Papers come in the order they
 * were added (ties by id), or in the order of `ids`, so an unchanged library exports identical bytes.
 */
import type { Paper } from '../../../shared/types';
import { LibraryError } from '../errors';
import type { Library } from '../library';
import { getPapers } from '../papers';

export interface Selection {
  query?: string | undefined;
  ids?: number[] | undefined;
}

const PAGE = 1000;

function matching(library: Library, query: string): Paper[] {
  const out: Paper[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = library.list({ query, sort: 'added', direction: 'asc', offset, limit: PAGE, snippets: false });
    out.push(...page.rows);
    if (page.rows.length < PAGE || out.length >= page.total) return out;
  }
}

export function selectPapers(library: Library, selection: Selection): Paper[] {
  const query = selection.query?.trim() ?? '';
  if (!selection.ids) return matching(library, query);
  const ids = [...new Set(selection.ids)];
  const papers = getPapers(library.db, ids);
  if (papers.length !== ids.length) {
    const found = new Set(papers.map((p) => p.id));
    throw new LibraryError('not-found', `no paper with id ${ids.filter((id) => !found.has(id)).join(', ')}`);
  }
  if (!query) return papers;
  const allowed = new Set(matching(library, query).map((p) => p.id));
  return papers.filter((p) => allowed.has(p.id));
}
