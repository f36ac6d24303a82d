/** Text normalization shared by importers, duplicate detection and display. Pure functions. */
import type { Author } from './types';

/** A title reduced to lower-case letters and digits, for recognizing the same paper across sources. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** DOI in lower case without resolver prefix or "doi:"; null when it does not look like a DOI. */
export function normalizeDoi(value: string | null | undefined): string | null {
  if (!value) return null;
  let doi = value.trim();
  doi = doi.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  doi = doi.trim().toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}

const NEW_ARXIV = /(\d{4}\.\d{4,5})(?:v\d+)?/;
const OLD_ARXIV = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/i;

/** arXiv id without version from an id, "arXiv:" reference or arxiv.org URL; null when none is found. */
export function normalizeArxivId(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim().replace(/^arxiv:\s*/i, '');
  const urlMatch = /arxiv\.org\/(?:abs|pdf|html)\/([^\s?#]+?)(?:\.pdf)?(?:[?#].*)?$/i.exec(text);
  const candidate = urlMatch ? urlMatch[1]! : text;
  const modern = new RegExp(`^${NEW_ARXIV.source}$`).exec(candidate);
  if (modern) return modern[1]!;
  const old = new RegExp(`^${OLD_ARXIV.source}$`, 'i').exec(candidate);
  if (old) return old[1]!.toLowerCase();
  return null;
}

/** "Given Family" or the literal name. */
export function authorName(author: Author): string {
  if (author.literal) return author.literal;
  return [author.given, author.family].filter(Boolean).join(' ');
}

/** The family name (or literal) that sorts and cites a paper's first author. */
export function authorFamily(author: Author | undefined): string {
  if (!author) return '';
  return author.family ?? author.literal ?? author.given ?? '';
}

/** "Vaswani et al." style short credit line for tables. */
export function shortAuthors(authors: Author[]): string {
  if (authors.length === 0) return '';
  const first = authorFamily(authors[0]);
  if (authors.length === 1) return first;
  if (authors.length === 2) return `${first} & ${authorFamily(authors[1])}`;
  return `${first} et al.`;
}

/** Splits "Given Middle Family" or "Family, Given" into parts; used where a source gives a plain name string. */
export function parsePersonName(name: string): Author {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) return { literal: '' };
  const comma = clean.indexOf(',');
  if (comma > 0) {
    const family = clean.slice(0, comma).trim();
    const given = clean.slice(comma + 1).trim();
    return given ? { family, given } : { family };
  }
  const parts = clean.split(' ');
  if (parts.length === 1) return { family: parts[0]! };
  const family = parts.pop()!;
  return { family, given: parts.join(' ') };
}
