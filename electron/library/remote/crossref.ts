/** Crossref's REST API: one work by DOI, and title search. Its JSON is mapped to a paper draft here. */
import type { Author, PaperDraft } from '../../../shared/types';
import { normalizeDoi } from '../../../shared/normalize';
import { LibraryError } from '../errors';
import type { Service } from './http';

interface CrossrefDate {
  'date-parts'?: (number | null)[][];
}

/** The fields of a Crossref work that Lectern reads (Crossref sends many more). */
export interface CrossrefWork {
  DOI?: string;
  type?: string;
  title?: string[];
  subtitle?: string[];
  author?: { given?: string; family?: string; name?: string }[];
  issued?: CrossrefDate;
  'published-print'?: CrossrefDate;
  'published-online'?: CrossrefDate;
  created?: CrossrefDate;
  'container-title'?: string[];
  'short-container-title'?: string[];
  abstract?: string;
  URL?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  page?: string;
  ISSN?: string[];
}

const TYPES: Record<string, string> = {
  'journal-article': 'article',
  'proceedings-article': 'inproceedings',
  'book-chapter': 'incollection',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  dissertation: 'phdthesis',
  report: 'techreport',
  'posted-content': 'misc',
  dataset: 'dataset',
};

/** Crossref text may carry JATS or HTML markup (`<jats:p>`, `<i>`) and entities; the words are kept. */
function plain(text: string | undefined): string | null {
  if (!text) return null;
  const t = text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return t || null;
}

function dateOf(work: CrossrefWork): { year: number | null; date: string | null } {
  for (const d of [work.issued, work['published-print'], work['published-online'], work.created]) {
    const parts = d?.['date-parts']?.[0];
    const [y, m, day] = parts ?? [];
    if (typeof y !== 'number' || y < 1000) continue;
    const pad = (n: number) => String(n).padStart(2, '0');
    const date =
      typeof m === 'number' ? (typeof day === 'number' ? `${y}-${pad(m)}-${pad(day)}` : `${y}-${pad(m)}`) : `${y}`;
    return { year: y, date };
  }
  return { year: null, date: null };
}

function authorOf(a: { given?: string; family?: string; name?: string }): Author | null {
  if (a.family) return a.given ? { family: a.family.trim(), given: a.given.trim() } : { family: a.family.trim() };
  if (a.name) return { literal: a.name.trim() };
  return null;
}

export function crossrefWorkToDraft(work: CrossrefWork): PaperDraft {
  const title = plain(work.title?.[0]) ?? '';
  const subtitle = plain(work.subtitle?.[0]);
  const { year, date } = dateOf(work);
  const doi = normalizeDoi(work.DOI);
  const extra: Record<string, unknown> = {};
  const keep = (key: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') extra[key] = value;
  };
  keep('publisher', work.publisher);
  keep('volume', work.volume);
  keep('issue', work.issue);
  keep('pages', work.page);
  keep('issn', work.ISSN?.length ? work.ISSN : undefined);
  keep('shortVenue', work['short-container-title']?.[0]);
  keep('crossrefType', work.type);
  return {
    title: subtitle && !title.toLowerCase().includes(subtitle.toLowerCase()) ? `${title}: ${subtitle}` : title,
    authors: (work.author ?? []).map(authorOf).filter((a): a is Author => a !== null),
    year,
    date,
    venue: plain(work['container-title']?.[0]),
    abstract: plain(work.abstract),
    entryType: TYPES[work.type ?? ''] ?? 'misc',
    arxiv: null,
    doi,
    url: doi ? `https://doi.org/${doi}` : (work.URL ?? null),
    citekey: null,
    extra,
  };
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new LibraryError('unavailable', `Crossref sent something that is not JSON for ${what}`);
  }
}

/** The work with this DOI, or null when Crossref does not know it. */
export async function crossrefWork(service: Service, api: string, doi: string): Promise<PaperDraft | null> {
  // DOIs may hold any character; each path segment is encoded, the slashes between them kept.
  const url = new URL(`${api}/works/${doi.split('/').map(encodeURIComponent).join('/')}`);
  const res = await service.get(url, 'application/json');
  if (res.status === 404) return null;
  if (res.status !== 200) throw new LibraryError('unavailable', `Crossref answered HTTP ${res.status} for ${doi}`);
  const body = parseJson<{ message?: CrossrefWork }>(res.text, doi);
  if (!body.message) return null;
  return crossrefWorkToDraft(body.message);
}

/** Works whose bibliographic data best match `text` (Crossref's own ranking), at most `rows`. */
export async function crossrefSearch(service: Service, api: string, text: string, rows = 5): Promise<PaperDraft[]> {
  const url = new URL(`${api}/works`);
  url.searchParams.set('query.bibliographic', text);
  url.searchParams.set('rows', String(rows));
  const res = await service.get(url, 'application/json');
  if (res.status !== 200) throw new LibraryError('unavailable', `Crossref answered HTTP ${res.status} to a search`);
  const body = parseJson<{ message?: { items?: CrossrefWork[] } }>(res.text, 'a search');
  return (body.message?.items ?? []).map(crossrefWorkToDraft).filter((d) => d.title !== '');
}
