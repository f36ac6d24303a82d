/**
 * How two of a paper's values are stored, compactly (migration 006): the database is kept near the size of the text
 * it holds (issue 6 budgets 2.2× the text).
 *
 * - The normalized title that duplicate detection looks papers up by is not stored: its 53-bit hash is, and the
 *   papers found under a hash are checked against the title itself (`import/dedupe.ts`), so a collision only costs a
 *   comparison. The key text and its index took 18% of a library's size.
 * - Authors are stored once, as a text the full-text index reads directly ("Given␟Family; Literal Name"), instead
 *   of as JSON objects beside a "Given Family; …" copy for the index (`encodeAuthors`); the few lists that text
 *   cannot hold exactly stay JSON, shortened, with the copy. Reading accepts every form, the older one included.
 */
import { authorName } from '../../../shared/normalize';
import type { Author } from '../../../shared/types';

/**
 * A 53-bit hash of a normalized title (two 32-bit multiplicative hashes of its UTF-16 code units, mixed): the same in
 * every process and version, since libraries store it. Fits a JavaScript number exactly and an SQLite integer.
 */
export function titleHash(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

type StoredAuthor = string | [string] | [string, string] | Author;

/** Between a person's given and family name in the text form; unicode61 tokenizes it as a separator. */
const GIVEN_END = '\u001f';
const AUTHOR_END = '; ';

/** An author the text form holds exactly: a literal name, or a family name with or without a given name. */
function simple(a: Author): boolean {
  const keys = Object.keys(a);
  const clean = (v: unknown) =>
    typeof v === 'string' && v !== '' && !v.includes(GIVEN_END) && !v.includes(';') && !v.startsWith('[');
  if (keys.length === 1) return clean(a.literal) || clean(a.family);
  return keys.length === 2 && clean(a.family) && clean(a.given);
}

/**
 * The authors and authors_text columns for these authors.
 *
 * Usually one text holds both what the paper's authors are and what the full-text index reads: "Given␟Family; Other
 * Literal Name" (␟ the unit separator), which tokenizes exactly as "Given Family; Other Literal Name" does, so
 * authors_text is left empty. Authors it cannot hold exactly (an empty part, a name with ";") are stored as compact
 * JSON with their "Given Family" text in authors_text, as before. The text form never starts with "[".
 */
export function encodeAuthors(authors: readonly Author[]): [authors: string, authorsText: string] {
  if (authors.every(simple)) {
    return [
      authors
        .map((a) =>
          a.literal !== undefined
            ? a.literal
            : a.given === undefined
              ? GIVEN_END + a.family
              : `${a.given}${GIVEN_END}${a.family}`,
        )
        .join(AUTHOR_END),
      '',
    ];
  }
  return [encodeAuthorsJson(authors), authors.map(authorName).join(AUTHOR_END)];
}

/** The compact JSON form: `["Family", "Given"]` or `["Family"]` for a person, a string for a literal name. */
export function encodeAuthorsJson(authors: readonly Author[]): string {
  const stored: StoredAuthor[] = authors.map((a) => {
    const keys = Object.keys(a);
    if (keys.length === 1 && typeof a.literal === 'string') return a.literal;
    if (keys.length === 1 && typeof a.family === 'string') return [a.family];
    if (keys.length === 2 && typeof a.family === 'string' && typeof a.given === 'string') return [a.family, a.given];
    return a;
  });
  return JSON.stringify(stored);
}

/** The authors an authors column holds (text form, compact JSON, or the JSON objects of libraries before 005). */
export function decodeAuthors(text: string): Author[] {
  if (text === '') return [];
  if (!text.startsWith('[')) {
    return text.split(AUTHOR_END).map((part) => {
      const at = part.indexOf(GIVEN_END);
      if (at < 0) return { literal: part };
      return at === 0 ? { family: part.slice(1) } : { family: part.slice(at + 1), given: part.slice(0, at) };
    });
  }
  const stored = JSON.parse(text) as StoredAuthor[];
  return stored.map((s) => {
    if (typeof s === 'string') return { literal: s };
    if (Array.isArray(s)) return s.length > 1 ? { family: s[0], given: s[1] } : { family: s[0] };
    return s;
  });
}

/**
 * SQL for the text the full-text index reads as a paper's authors, over `papers` columns prefixed by `row` ("new.",
 * "old." or ""): the text form itself (its separators tokenize as the "; " and spaces of the names they stand for),
 * or authors_text beside the JSON form. Migration 006 writes the same expression into the index's triggers.
 */
export const indexedAuthors = (row = '') =>
  `CASE WHEN substr(${row}authors, 1, 1) = '[' THEN ${row}authors_text ELSE ${row}authors END`;

/** SQL for the authors as "Given Family; Literal Name", for showing (snippets): the text form with its marks spelled out. */
export const authorsText = (row = '') =>
  `CASE WHEN substr(${row}authors, 1, 1) = '[' THEN ${row}authors_text ELSE ` +
  `replace(replace(ltrim(${row}authors, char(31)), '; ' || char(31), '; '), char(31), ' ') END`;
