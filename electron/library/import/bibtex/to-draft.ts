/** A BibTeX/BibLaTeX entry (raw fields, inheritance applied) as a paper draft: decoded text, names, dates, ids. */
import type { PaperDraft } from '../../../../shared/types';
import { normalizeArxivId } from '../../../../shared/normalize';
import { decodeLatex } from './latex';
import { parseNames } from './names';
import type { RawEntry } from './scanner';

/** Fields kept in `extra` as decoded text, under the same names. */
const EXTRA_TEXT = [
  'publisher',
  'volume',
  'number',
  'issue',
  'pages',
  'note',
  'edition',
  'series',
  'address',
  'location',
  'school',
  'institution',
  'organization',
  'howpublished',
  'language',
] as const;
/** Identifier fields kept in `extra`. */
const EXTRA_IDS = ['isbn', 'issn', 'pmid', 'pmcid'] as const;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Inline HTML, MathML and JATS that Crossref metadata carries into titles and abstracts; text, so only tags go. */
const MARKUP =
  /<\/?(?:mml:|jats:)?(?:math|mi|mo|mn|mrow|msub|msup|msubsup|mtext|mfrac|msqrt|mstyle|mspace|i|b|em|strong|sup|sub|inf|sc|span|tt|u|title|formula|tex|p|sec|italic|bold)\b[^>]*>/gi;

/** Paragraph-level tags, which become paragraph breaks in an abstract. */
const BLOCK_MARKUP = /<\/?(?:jats:)?(?:p|sec|title)\b[^>]*>/gi;

/** Decoded text with blanks collapsed; null when empty. */
function text(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let t = decodeLatex(raw);
  if (t.includes('<')) t = t.replace(MARKUP, '');
  t = t.replace(/\s+/g, ' ').trim();
  return t || null;
}

/** An abstract keeps its paragraphs (blank lines); other line breaks are spaces, as in TeX. */
function paragraphs(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let t = decodeLatex(raw);
  if (t.includes('<')) t = t.replace(BLOCK_MARKUP, '\n\n').replace(MARKUP, '');
  const parts = t
    .split(/\n[ \t]*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return parts.length > 0 ? parts.join('\n\n') : null;
}

/** Verbatim fields (url, doi, eprint): braces and `\url{}` wrappers removed, TeX escapes of URL characters undone. */
function verbatim(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const t = raw
    .replace(/\\(?:url|path|detokenize)\s*\{/g, '{')
    .replace(/\\([_%&#$~])/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, '')
    .trim();
  return t || null;
}

function monthNumber(raw: string | undefined): number | null {
  const t = raw?.trim().toLowerCase();
  if (!t) return null;
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : null;
  }
  const i = MONTHS.indexOf(t.slice(0, 3));
  return i >= 0 ? i + 1 : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Year and ISO date from BibLaTeX `date` (a range keeps its start) or BibTeX `year` + `month` + `day`. */
function dates(fields: Record<string, string>): { year: number | null; date: string | null } {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(verbatim(fields['date']) ?? '');
  const yearText = text(fields['year']);
  const yearMatch = /\d{4}/.exec(yearText ?? (iso ? '' : (text(fields['date']) ?? '')));
  const year = yearMatch ? Number(yearMatch[0]) : iso ? Number(iso[1]) : null;
  if (iso && (!yearMatch || Number(iso[1]) === year)) {
    return { year, date: iso[0] };
  }
  if (year === null) return { year, date: null };
  const month = monthNumber(fields['month']);
  if (!month) return { year, date: String(year) };
  const day = /^\d{1,2}$/.test(fields['day']?.trim() ?? '') ? Number(fields['day']) : null;
  return { year, date: day && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}` };
}

const ARXIV_IN_TEXT = /arxiv[:\s/]*(?:abs\/)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})/i;

function arxivId(fields: Record<string, string>, url: string | null): string | null {
  const prefix = (fields['archiveprefix'] ?? fields['eprinttype'] ?? '').replace(/[{}\s]/g, '').toLowerCase();
  const eprint = verbatim(fields['eprint']);
  if (eprint && (prefix === 'arxiv' || (!prefix && normalizeArxivId(eprint)))) {
    const id = normalizeArxivId(eprint);
    if (id) return id;
  }
  const fromField = normalizeArxivId(verbatim(fields['arxivid']) ?? verbatim(fields['arxiv']));
  if (fromField) return fromField;
  if (url && /arxiv\.org\//i.test(url)) return normalizeArxivId(url);
  // Google Scholar writes preprints as journal = {arXiv preprint arXiv:1706.03762}.
  for (const name of ['journal', 'journaltitle', 'note', 'howpublished']) {
    const value = fields[name];
    const m = value ? ARXIV_IN_TEXT.exec(value) : null;
    if (m) return normalizeArxivId(m[1]);
  }
  return null;
}

function tags(raw: string | undefined): string[] {
  const t = text(raw);
  if (!t) return [];
  return [
    ...new Set(
      t
        .split(/[,;]/)
        .map((k) => k.trim())
        .filter((k) => k.length > 0),
    ),
  ];
}

/** The draft for one entry; a string (the reason) when the entry cannot be a paper. */
export function toDraft(entry: RawEntry, fields: Record<string, string>): PaperDraft | string {
  const { type, key, line } = entry;
  const title = text(fields['title']);
  if (!title) return `@${type}{${key}} (line ${line}) has no title`;
  const authorsRaw = fields['author'] ?? fields['editor'];
  const url =
    verbatim(fields['url']) ?? (fields['howpublished']?.includes('\\url') ? verbatim(fields['howpublished']) : null);
  let doi = verbatim(fields['doi']);
  if (!doi && url && /doi\.org\//i.test(url)) doi = url;
  const extra: Record<string, unknown> = {};
  for (const name of EXTRA_TEXT) {
    const value = text(fields[name]);
    if (value !== null) extra[name] = value;
  }
  for (const name of EXTRA_IDS) {
    const value = text(fields[name]);
    if (value !== null) extra[name] = value;
  }
  if (fields['author'] === undefined && fields['editor'] !== undefined) extra['creatorsAreEditors'] = true;
  const { year, date } = dates(fields);
  return {
    title,
    authors: authorsRaw === undefined ? [] : parseNames(authorsRaw),
    year,
    date,
    venue: text(fields['journaltitle'] ?? fields['journal'] ?? fields['booktitle']),
    abstract: paragraphs(fields['abstract']),
    entryType: type,
    arxiv: arxivId(fields, url),
    doi,
    url,
    citekey: key || null,
    extra,
    // Scopus puts the authors' keywords in their own field.
    tags: tags(fields['keywords'] ?? fields['author_keywords']),
    line,
  };
}
