/**
 * RIS writer: `TY  - ` opens a record, one tag per line, `ER  - ` closes it; CRLF line ends as the RIS specification
 * asks. Values are single lines (line breaks become spaces). arXiv has no RIS tag, so an arXiv paper carries its
 * arxiv.org link as a `UR` line, which Zotero, EndNote and Lectern all read back.
 */
import type { Author, Paper } from '../../../shared/types';
import { arxivUrl, extraText } from './fields';
import { risType } from './entry-types';

function risName(a: Author): string {
  if (a.literal) return a.literal;
  return a.given ? `${a.family ?? ''}, ${a.given}` : (a.family ?? '');
}

function oneLine(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .trim();
}

/** The date as RIS writes it: `YYYY/MM/DD/` with missing parts left empty. */
function risDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y ?? ''}/${m ?? ''}/${d ?? ''}/`;
}

export function risRecord(paper: Paper): string {
  const lines: string[] = [];
  const put = (tag: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    const v = oneLine(value);
    if (v) lines.push(`${tag}  - ${v}`);
  };
  const type = risType(paper);
  put('TY', type);
  put('ID', paper.citekey);
  put('TI', paper.title);
  for (const a of paper.authors) put('AU', risName(a));
  if (paper.year !== null) put('PY', String(paper.year));
  if (paper.date && paper.date.length > 4) put('DA', risDate(paper.date));
  if (paper.venue) put(['BOOK', 'THES', 'RPRT'].includes(type) ? 'PB' : 'T2', paper.venue);
  put('VL', extraText(paper, 'volume'));
  put('IS', extraText(paper, 'issue') ?? extraText(paper, 'number'));
  const pages = extraText(paper, 'pages')?.split(/\s*[-\u2013\u2014]+\s*/);
  if (pages) {
    put('SP', pages[0]);
    if (pages.length > 1) put('EP', pages[pages.length - 1]);
  }
  if (!(['BOOK', 'THES', 'RPRT'].includes(type) && paper.venue)) put('PB', extraText(paper, 'publisher'));
  put('AB', paper.abstract);
  for (const t of paper.tags) put('KW', t);
  put('DO', paper.doi);
  put('UR', paper.url);
  if (paper.arxiv && !paper.url?.includes('arxiv.org/')) put('UR', arxivUrl(paper.arxiv));
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}

export function risFile(papers: Paper[]): string {
  return papers.map(risRecord).join('\r\n');
}
