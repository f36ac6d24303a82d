/**
 * Recognizing a paper already in the library, and merging another copy of it (an incoming draft, or a second library
 * paper) without losing the user's state.
 *
 * The rule: the same paper when the DOI or the arXiv id match; else when the normalized title, the first author's
 * family name and the year match. A side that does not know the first author or the year (the Hugging Face page gives
 * neither) cannot disagree on it, so the title alone then decides.
 */
import type { Paper, PaperDraft, ReadingStatus } from '../../../shared/types';
import { authorFamily, normalizeTitle } from '../../../shared/normalize';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { titleHash } from '../db/columns';

interface Candidate {
  id: number;
  year: number | null;
  first_author: string;
  arxiv: string | null;
  doi: string | null;
}

/** A family name reduced like a title, so "Müller" and "Muller", "de Vries" and "De Vries" agree. */
export function familyKey(family: string | null | undefined): string {
  return family ? normalizeTitle(family) : '';
}

/** True when two papers with the same normalized title are the same paper by the rule above. */
export function sameByTitle(
  a: { year: number | null; family: string; arxiv: string | null; doi: string | null },
  b: { year: number | null; family: string; arxiv: string | null; doi: string | null },
): boolean {
  // Different identifiers of the same kind name different works (an erratum, a second part, a reprint).
  if (a.arxiv && b.arxiv && a.arxiv !== b.arxiv) return false;
  if (a.doi && b.doi && a.doi !== b.doi) return false;
  if (a.year !== null && b.year !== null && a.year !== b.year) return false;
  if (a.family && b.family && a.family !== b.family) return false;
  return true;
}

/**
 * The id of the library paper that `draft` is a copy of, or null. `draft` is already cleaned (see `cleanDraft`);
 * `titleKey` is its normalized title, when the caller has it already.
 */
export function findDuplicate(db: Db, draft: PaperDraft, titleKey = normalizeTitle(draft.title)): number | null {
  if (draft.doi) {
    const row = cached(db, 'SELECT id FROM papers WHERE doi = ? ORDER BY id LIMIT 1').get(draft.doi) as
      { id: number } | undefined;
    if (row) return row.id;
  }
  if (draft.arxiv) {
    const row = cached(db, 'SELECT id FROM papers WHERE arxiv = ? ORDER BY id LIMIT 1').get(draft.arxiv) as
      { id: number } | undefined;
    if (row) return row.id;
  }
  const key = titleKey;
  if (!key) return null;
  // Papers whose normalized title has the same hash; a collision is told apart by the title itself.
  const candidates = (
    cached(
      db,
      'SELECT id, title, year, first_author, arxiv, doi FROM papers WHERE title_hash = ? ORDER BY id LIMIT 50',
    ).all(titleHash(key)) as (Candidate & { title: string })[]
  ).filter((c) => normalizeTitle(c.title) === key);
  const incoming = {
    year: draft.year,
    family: familyKey(authorFamily(draft.authors[0])),
    arxiv: draft.arxiv,
    doi: draft.doi,
  };
  for (const c of candidates) {
    if (sameByTitle(incoming, { year: c.year, family: familyKey(c.first_author), arxiv: c.arxiv, doi: c.doi }))
      return c.id;
  }
  return null;
}

const fill = <T>(mine: T | null, theirs: T | null): T | null => (mine === null || mine === '' ? theirs : mine);

function unionTags(mine: string[], theirs: string[]): string[] {
  const tags = [...mine];
  for (const t of theirs) if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
  return tags;
}

/** Bibliographic fields of `mine` with the empty ones filled from `theirs`; `mine` wins wherever it has a value. */
function fillFields<P extends Paper>(mine: P, theirs: PaperDraft | Paper): P {
  return {
    ...mine,
    authors: mine.authors.length > 0 ? mine.authors : theirs.authors,
    year: fill(mine.year, theirs.year),
    date: fill(mine.date, theirs.date),
    venue: fill(mine.venue, theirs.venue),
    abstract: fill(mine.abstract, theirs.abstract),
    arxiv: fill(mine.arxiv, theirs.arxiv),
    doi: fill(mine.doi, theirs.doi),
    url: fill(mine.url, theirs.url),
    citekey: fill(mine.citekey, theirs.citekey),
    // Mine first, then only the keys it lacks: the key order stays put, so a merge that adds nothing compares equal.
    extra: { ...mine.extra, ...Object.fromEntries(Object.entries(theirs.extra).filter(([k]) => !(k in mine.extra))) },
  };
}

/**
 * The library paper with empty fields filled from an incoming draft. The user's status, star and note are kept as
 * they are; tags the draft carries (e.g. BibTeX keywords) are added beside the user's, never replacing them; a note
 * from the draft is used only when the user has written none.
 */
export function mergeDraft(existing: Paper, draft: PaperDraft): Paper {
  return {
    ...fillFields(existing, draft),
    tags: unionTags(existing.tags, draft.tags ?? []),
    note: existing.note || draft.note || '',
  };
}

/**
 * How far along a status is, for merging two copies of a paper the user triaged differently: reading beats planning
 * to read, and any decision (even "skipped") beats "new", which is no decision at all.
 */
const STATUS_RANK: Record<ReadingStatus, number> = { new: 0, skipped: 1, 'to-read': 2, reading: 3, read: 4 };

/**
 * Two library papers merged into `keep` (whose id survives): empty fields filled from `drop`, tags united, notes
 * concatenated (once when they are equal), starred when either is, the more advanced status (with the time it was
 * set), and the earlier date added.
 */
export function mergePapers(keep: Paper, drop: Paper): Paper {
  const a = keep.note.trim();
  const b = drop.note.trim();
  const note = a && b && a !== b ? `${keep.note.replace(/\n*$/, '')}\n\n${drop.note}` : a ? keep.note : drop.note;
  const statusFrom = STATUS_RANK[drop.status] > STATUS_RANK[keep.status] ? drop : keep;
  return {
    ...fillFields(keep, drop),
    tags: unionTags(keep.tags, drop.tags),
    note,
    starred: keep.starred || drop.starred,
    status: statusFrom.status,
    statusChangedAt: statusFrom.statusChangedAt,
    addedAt: drop.addedAt < keep.addedAt ? drop.addedAt : keep.addedAt,
  };
}

/** True when a merge would change nothing the user could see. */
export function sameContent(a: Paper, b: Paper): boolean {
  const strip = (p: Paper) => JSON.stringify({ ...p, updatedAt: '' });
  return strip(a) === strip(b);
}
