/** The arXiv API: papers by id, and title search. Its Atom answers are read by the arXiv Atom import format. */
import type { PaperDraft } from '../../../shared/types';
import { LibraryError } from '../errors';
import { arxivAtomEntries } from '../import/formats/arxiv-atom';
import type { Service } from './http';

/** arXiv answers at most this many ids per call without paging. */
export const ARXIV_BATCH = 50;
/**
 * Up to this many ids are asked one per call: arXiv reports an id it cannot read as an error feed that fails the
 * whole call, so single calls keep one bad id from hiding the others. Batching pays only for long lists.
 */
export const ARXIV_SINGLE_MAX = 10;

async function query(service: Service, api: string, params: Record<string, string>): Promise<PaperDraft[]> {
  const url = new URL(api);
  // The parameters in the order (and with the defaults) of the widely used arxiv.py client, so a request is
  // byte-for-byte the one its recordings were made with.
  const all = { search_query: '', id_list: '', sortBy: 'relevance', sortOrder: 'descending', start: '0', ...params };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  const res = await service.get(url, 'application/atom+xml');
  if (res.status !== 200) throw new LibraryError('unavailable', `${url.host} answered HTTP ${res.status}`);
  const drafts: PaperDraft[] = [];
  for (const entry of arxivAtomEntries(res.text)) {
    if (entry.ok) drafts.push({ ...entry.draft, line: undefined });
    // The API reports a bad request (a malformed id, a bad query) as an error entry in the feed.
    else throw new LibraryError('bad-input', `${url.host}: ${entry.message}`);
  }
  return drafts;
}

/** The papers with these ids (a version, "2104.12255v1", asks for that version), by id without version. */
export async function arxivPapers(service: Service, api: string, ids: string[]): Promise<Map<string, PaperDraft>> {
  const found = new Map<string, PaperDraft>();
  const size = ids.length <= ARXIV_SINGLE_MAX ? 1 : ARXIV_BATCH;
  for (let i = 0; i < ids.length; i += size) {
    const batch = ids.slice(i, i + size);
    const drafts = await query(service, api, { id_list: batch.join(','), max_results: '100' });
    for (const d of drafts) if (d.arxiv) found.set(d.arxiv, d);
  }
  return found;
}

/** Papers whose title contains the words of `title` as a phrase, best first. */
export async function arxivTitleSearch(service: Service, api: string, title: string, max = 5): Promise<PaperDraft[]> {
  // Quotes make a phrase; characters the query language reads as syntax are dropped.
  const words = title
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!words) return [];
  return query(service, api, { search_query: `ti:"${words}"`, max_results: String(max) });
}
