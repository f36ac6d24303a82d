/** Recognizing a paper already in the library, and merging an incoming copy into it without losing user state. */
import type { Paper, PaperDraft } from '../../../shared/types';
import { authorFamily, normalizeTitle } from '../../../shared/normalize';
import type { Db } from '../db/open';
import { cached } from '../db/statements';

/** The id of the library paper that `draft` is a copy of: same arXiv id or DOI, else same title (year and first
 *  author must not disagree where both sides know them). */
export function findDuplicate(db: Db, draft: PaperDraft): number | null {
  if (draft.arxiv) {
    const row = cached(db, 'SELECT id FROM papers WHERE arxiv = ? LIMIT 1').get(draft.arxiv) as { id: number } | undefined;
    if (row) return row.id;
  }
  if (draft.doi) {
    const row = cached(db, 'SELECT id FROM papers WHERE doi = ? LIMIT 1').get(draft.doi) as { id: number } | undefined;
    if (row) return row.id;
  }
  const key = normalizeTitle(draft.title);
  if (!key) return null;
  const candidates = cached(db, 'SELECT id, year, first_author, arxiv, doi FROM papers WHERE title_key = ? LIMIT 20').all(
    key,
  ) as { id: number; year: number | null; first_author: string; arxiv: string | null; doi: string | null }[];
  const family = normalizeTitle(authorFamily(draft.authors[0]));
  for (const c of candidates) {
    if (draft.arxiv && c.arxiv && draft.arxiv !== c.arxiv) continue;
    if (draft.doi && c.doi && draft.doi !== c.doi) continue;
    if (draft.year !== null && c.year !== null && Math.abs(draft.year - c.year) > 1) continue;
    const theirs = normalizeTitle(c.first_author);
    if (family && theirs && family !== theirs) continue;
    return c.id;
  }
  return null;
}

/** The library paper with empty fields filled from the draft; the user's status, star, tags and note always kept. */
export function mergeDraft(existing: Paper, draft: PaperDraft): Paper {
  const fill = <T>(mine: T | null, theirs: T | null): T | null => (mine === null || mine === '' ? theirs : mine);
  const tags = [...existing.tags];
  for (const t of draft.tags ?? []) if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
  return {
    ...existing,
    authors: existing.authors.length > 0 ? existing.authors : draft.authors,
    year: fill(existing.year, draft.year),
    date: fill(existing.date, draft.date),
    venue: fill(existing.venue, draft.venue),
    abstract: fill(existing.abstract, draft.abstract),
    arxiv: fill(existing.arxiv, draft.arxiv),
    doi: fill(existing.doi, draft.doi),
    url: fill(existing.url, draft.url),
    citekey: fill(existing.citekey, draft.citekey),
    extra: { ...draft.extra, ...existing.extra },
    tags,
    note: existing.note || draft.note || '',
  };
}

/** True when a merge would change nothing the user could see. */
export function sameContent(a: Paper, b: Paper): boolean {
  const strip = (p: Paper) => JSON.stringify({ ...p, updatedAt: '' });
  return strip(a) === strip(b);
}
