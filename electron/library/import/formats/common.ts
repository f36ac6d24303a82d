/**
 * Small helpers the import formats share: an empty draft, loose date reading, type names, and identifier fishing.
 * Kept free of per-format knowledge so each format module stays one concept.
 */
import type { Author, PaperDraft } from '../../../../shared/types';
import { normalizeArxivId, normalizeDoi, parsePersonName } from '../../../../shared/normalize';

export function blankDraft(title: string, line?: number): PaperDraft {
  return {
    title,
    authors: [],
    year: null,
    date: null,
    venue: null,
    abstract: null,
    entryType: 'article',
    arxiv: null,
    doi: null,
    url: null,
    citekey: null,
    extra: {},
    line,
  };
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  spr: 3, sum: 6, fal: 9, aut: 9, win: 12,
}; // prettier-ignore

export interface LooseDate {
  year: number | null;
  /** ISO YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
}

const NO_DATE: LooseDate = { year: null, date: null };
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function isoOf(year: number, month: number | null, day: number | null): LooseDate {
  if (year < 1000 || year > 2999) return NO_DATE;
  if (month === null || month < 1 || month > 12) return { year, date: String(year) };
  if (day === null || day < 1 || day > 31) return { year, date: `${year}-${pad(month)}` };
  return { year, date: `${year}-${pad(month)}-${pad(day)}` };
}

function monthOf(word: string | undefined): number | null {
  if (!word) return null;
  if (/^\d{1,2}$/.test(word)) return Number(word);
  return MONTHS[word.slice(0, 3).toLowerCase()] ?? null;
}

/**
 * Reads the dates real exports write: ISO ("2012-04-02T12:38:54Z"), RIS slashes ("1991///", "2013/07/22/",
 * "2015/october"), MEDLINE ("2019 Mar 12", "2018 Spring", "2019 Jan-Feb"), and falls back to the first plausible year.
 */
export function parseLooseDate(value: string | null | undefined): LooseDate {
  if (!value) return NO_DATE;
  const v = value.trim();
  let m = /^(\d{4})\s+([A-Za-z]+)(?:\s+(\d{1,2}))?/.exec(v);
  if (m) return isoOf(Number(m[1]), monthOf(m[2]), m[3] ? Number(m[3]) : null);
  m = /^(\d{4})(?:[-/.](\d{1,2}|[A-Za-z]+)?(?:[-/.](\d{1,2})?)?)?/.exec(v);
  if (m) return isoOf(Number(m[1]), monthOf(m[2]), m[3] ? Number(m[3]) : null);
  // "27 Apr 2026", "Mon, 27 Apr 2026 00:00:00 -0400" (RSS), "April 2019"
  m = /(?:(\d{1,2})\s+)?([A-Za-z]{3,})\.?\s+(\d{4})\b/.exec(v);
  if (m && monthOf(m[2]) !== null) return isoOf(Number(m[3]), monthOf(m[2]), m[1] ? Number(m[1]) : null);
  m = /\b(1\d{3}|2\d{3})\b/.exec(v);
  return m ? isoOf(Number(m[1]), null, null) : NO_DATE;
}

/** Names of entry types, in BibTeX's words, from the type vocabularies of RIS, CSL and the tagged formats. */
const TYPE_WORDS: [RegExp, string][] = [
  [
    /^(jour|ejour|jfull|mgzn|news|article|article-journal|article-magazine|article-newspaper|journal article)/i,
    'article',
  ],
  [/^(conf|cpaper|paper-conference|proceedings|inproceedings|conference)/i, 'inproceedings'],
  [/^(chap|chapter|incollection|book section|inbook)/i, 'incollection'],
  [/^(book|ebook|edbook)/i, 'book'],
  [/^(thes|thesis|dissertation)/i, 'phdthesis'],
  [/^(rprt|report)/i, 'techreport'],
  [/^(elec|web|webpage|post|post-weblog|blog)/i, 'online'],
];

export function entryTypeOf(word: string | null | undefined): string {
  if (!word) return 'misc';
  const w = word.trim();
  for (const [re, type] of TYPE_WORDS) if (re.test(w)) return type;
  return 'misc';
}

const DOI_IN_TEXT = /\b(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;)\]])/;

/** The first DOI found in any of the texts (a field, a URL, a note), normalized. */
export function findDoi(...texts: (string | null | undefined)[]): string | null {
  for (const t of texts) {
    if (!t) continue;
    const direct = normalizeDoi(t);
    if (direct) return direct;
    const m = DOI_IN_TEXT.exec(t);
    if (m) return normalizeDoi(m[1]);
  }
  return null;
}

const ARXIV_IN_TEXT = /(?:arxiv\.org\/(?:abs|pdf)\/|arxiv:\s*)([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/i;

/** The first arXiv id mentioned as an arxiv.org link or "arXiv:" reference in any of the texts. */
export function findArxiv(...texts: (string | null | undefined)[]): string | null {
  for (const t of texts) {
    if (!t) continue;
    const m = ARXIV_IN_TEXT.exec(t);
    if (m) return normalizeArxivId(m[1]);
  }
  return null;
}

/** Words that start a family name ("Adrian Del Maestro", "Jason de Koning") when they are not the first word. */
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'van',
  'von',
  'la',
  'le',
  'ten',
  'ter',
]);

/**
 * A person from a "Family, Given" or "Given Family" string; empty names give null. Runs for every author of a
 * million-paper import, so the common case (single spaces, no comma) avoids regular expressions.
 */
export function personOf(name: string | null | undefined): Author | null {
  if (!name) return null;
  let clean = name.trim();
  if (/\s\s|[\t\n\r\u00a0]/.test(clean)) clean = clean.replace(/\s+/g, ' ');
  const lastChar = clean.charCodeAt(clean.length - 1);
  if (lastChar === 44 || lastChar === 59) clean = clean.slice(0, -1).trim();
  if (!clean) return null;
  if (clean.includes(',')) return parsePersonName(clean);
  const last = clean.lastIndexOf(' ');
  if (last < 0) return { family: clean };
  const first = clean.indexOf(' ');
  if (first !== last) {
    const words = clean.split(' ');
    for (let i = 1; i < words.length - 1; i++) {
      const w = words[i]!;
      // Cheap first-letter test before the set lookup: particles start with d, l, t or v.
      if (w.length <= 5 && /^[dltvDLTV]/.test(w) && PARTICLES.has(w.toLowerCase())) {
        return { family: words.slice(i).join(' '), given: words.slice(0, i).join(' ') };
      }
    }
  }
  return { family: clean.slice(last + 1), given: clean.slice(0, last) };
}

/** "Behan L.", "van Raaij MJ", "Lucas J.S.": MEDLINE and Ovid write the family name first and initials last. */
export function personFamilyFirst(name: string | null | undefined): Author | null {
  if (!name) return null;
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.includes(',')) return personOf(clean);
  const words = clean.split(' ');
  const last = words[words.length - 1]!;
  if (words.length > 1 && /^(?:\p{Lu}[.-]?){1,4}$/u.test(last)) {
    return { family: words.slice(0, -1).join(' '), given: last };
  }
  return { literal: clean };
}

/** CSL rich text and feed titles carry a little inline HTML (`<i>`, `<span class="nocase">`); the text is kept. */
export function stripMarkup(text: string | null): string | null {
  if (!text || !text.includes('<')) return text;
  return text.replace(/<\/?(?:span|i|b|em|strong|sup|sub|sc|p)\b[^>]*>/gi, '');
}

/** Text with the hard line wraps of an export joined into spaces. */
export function unwrap(text: string | null | undefined): string | null {
  if (!text) return null;
  if (!text.includes('\n')) return text.trim() || null;
  // A split-and-join is about three times faster than a `\s*\n\s*` replace on a million abstracts.
  const parts = text.split('\n');
  let out = parts[0]!.trim();
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!.trim();
    if (part) out = out ? `${out} ${part}` : part;
  }
  return out || null;
}

/** Text lines of a file, BOM removed, for any line ending. */
export function linesOf(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
}

/** Puts `value` in `extra[key]` only when there is something to keep. */
export function keep(extra: Record<string, unknown>, key: string, value: unknown): void {
  if (value === null || value === undefined || value === '') return;
  if (Array.isArray(value) && value.length === 0) return;
  extra[key] = value;
}
