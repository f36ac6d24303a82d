/**
 * CSL-JSON writer: the format Pandoc, Zotero and citeproc read. Unicode is kept as it is. The citation key is both
 * `id` (what Pandoc cites by) and `citation-key` (CSL 1.0.2). arXiv preprints follow Zotero's convention:
 * `number: "arXiv:<id>"` and `publisher: "arXiv"`.
 */
import type { Author, Paper } from '../../../shared/types';
import { cslType } from './entry-types';
import { extraText } from './fields';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export type CslItem = Record<string, unknown>;

function cslName(a: Author): CslName {
  if (a.literal) return { literal: a.literal };
  const out: CslName = {};
  if (a.family) out.family = a.family;
  if (a.given) out.given = a.given;
  return out;
}

function dateParts(paper: Paper): number[] | null {
  if (paper.date) {
    const parts = paper.date.split('-').map(Number);
    if (parts.every((n) => Number.isInteger(n))) return parts;
  }
  return paper.year !== null ? [paper.year] : null;
}

export function cslItem(paper: Paper): CslItem {
  const item: CslItem = { id: paper.citekey ?? `paper${paper.id}`, type: cslType(paper) };
  if (paper.citekey) item['citation-key'] = paper.citekey;
  item['title'] = paper.title;
  if (paper.authors.length > 0) item['author'] = paper.authors.map(cslName);
  const parts = dateParts(paper);
  if (parts) item['issued'] = { 'date-parts': [parts] };
  if (paper.venue) item['container-title'] = paper.venue;
  const put = (name: string, value: string | null) => {
    if (value) item[name] = value;
  };
  put('volume', extraText(paper, 'volume'));
  put('issue', extraText(paper, 'issue'));
  put('page', extraText(paper, 'pages'));
  put('publisher', extraText(paper, 'publisher') ?? (paper.arxiv && !paper.venue ? 'arXiv' : null));
  if (paper.arxiv) item['number'] = `arXiv:${paper.arxiv}`;
  put('DOI', paper.doi);
  put('URL', paper.url);
  put('abstract', paper.abstract);
  if (paper.tags.length > 0) item['keyword'] = paper.tags.join(', ');
  return item;
}

/** A JSON array, two-space indented, ending in a newline: stable bytes for unchanged papers. */
export function cslJsonFile(papers: Paper[]): string {
  return `${JSON.stringify(papers.map(cslItem), null, 2)}\n`;
}
