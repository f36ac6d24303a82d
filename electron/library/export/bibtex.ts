/**
 * BibTeX and BibLaTeX writers. Both write braced field values; BibTeX escapes every non-ASCII letter to a LaTeX
 * command (see latex.ts), BibLaTeX keeps Unicode and uses its own field names (journaltitle, date, eprinttype).
 * Identifiers (doi, url, eprint) are verbatim fields in both, so they are written as they are.
 */
import type { Author, Paper } from '../../../shared/types';
import { bibtexType, biblatexType, venueField } from './entry-types';
import { biblatexEscape, bibtexEscape, protectCase, verbatimValue } from './latex';
import { extraText } from './fields';

export type BibDialect = 'bibtex' | 'biblatex';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One name in BibTeX's "Family, Given" form, braced where BibTeX's name splitter would misread it. */
export function bibName(author: Author, escape: (s: string) => string): string {
  if (author.literal) return `{${escape(author.literal)}}`;
  const family = author.family ? escape(author.family) : '';
  const given = author.given ? escape(author.given) : '';
  if (!family) return `{${given}}`;
  // A comma or a standalone "and" inside a part would split the name list or the name itself.
  const guard = (part: string) => (/,|\band\b/i.test(part) ? `{${part}}` : part);
  return given ? `${guard(family)}, ${guard(given)}` : guard(family);
}

interface Field {
  name: string;
  /** The value as it goes between the braces (already escaped), or a bare macro (month). */
  value: string;
  bare?: boolean;
}

function fieldsOf(paper: Paper, dialect: BibDialect, type: string): Field[] {
  const esc = dialect === 'bibtex' ? bibtexEscape : biblatexEscape;
  const out: Field[] = [];
  const put = (name: string, value: string | null | undefined, raw = false) => {
    if (value === null || value === undefined || value === '') return;
    out.push({ name, value: raw ? value : esc(value) });
  };
  out.push({ name: 'title', value: protectCase(esc(paper.title)) });
  if (paper.authors.length > 0) put('author', paper.authors.map((a) => bibName(a, esc)).join(' and '), true);
  if (paper.venue) put(venueField(type, dialect), paper.venue);
  const [, month, day] = (paper.date ?? '').split('-').map(Number);
  if (dialect === 'biblatex') {
    put('date', paper.date ?? (paper.year !== null ? String(paper.year) : null), true);
  } else {
    if (paper.year !== null) put('year', String(paper.year), true);
    if (month && month >= 1 && month <= 12) out.push({ name: 'month', value: MONTHS[month - 1]!, bare: true });
    // Not a classic BibTeX field (styles ignore it), but BibLaTeX and most readers keep the day with it.
    if (month && day && day >= 1 && day <= 31) put('day', String(day), true);
  }
  put('volume', extraText(paper, 'volume'));
  put('number', extraText(paper, 'issue') ?? extraText(paper, 'number'));
  put('pages', extraText(paper, 'pages')?.replace(/\s*[-\u2013\u2014]+\s*/g, '--'));
  put('publisher', extraText(paper, 'publisher'));
  put('doi', paper.doi ? verbatimValue(paper.doi) : null, true);
  if (paper.arxiv) {
    put('eprint', verbatimValue(paper.arxiv), true);
    if (dialect === 'biblatex') put('eprinttype', 'arxiv', true);
    else put('archiveprefix', 'arXiv', true);
  }
  put('url', paper.url ? verbatimValue(paper.url) : null, true);
  put('abstract', paper.abstract);
  if (paper.tags.length > 0) put('keywords', paper.tags.join(', '));
  return out;
}

/** One entry. The paper must have a citation key (see citekey.ts). */
export function bibEntry(paper: Paper, dialect: BibDialect): string {
  const type = dialect === 'bibtex' ? bibtexType(paper) : biblatexType(paper);
  const key = paper.citekey ?? `paper${paper.id}`;
  const lines = fieldsOf(paper, dialect, type).map((f) => `  ${f.name} = ${f.bare ? f.value : `{${f.value}}`},`);
  return `@${type}{${key},\n${lines.join('\n')}\n}\n`;
}

/** A whole file: entries separated by blank lines. No header with a date, so unchanged papers give unchanged bytes. */
export function bibFile(papers: Paper[], dialect: BibDialect): string {
  return papers.map((p) => bibEntry(p, dialect)).join('\n');
}
