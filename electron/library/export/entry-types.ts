/**
 * Entry types between Lectern's vocabulary (BibTeX's words, as the importers write them: article, inproceedings,
 * incollection, book, phdthesis, techreport, online, misc, …) and each export format's.
 */
import type { Paper } from '../../../shared/types';

const BIBTEX_TYPES = new Set([
  'article',
  'book',
  'booklet',
  'inbook',
  'incollection',
  'inproceedings',
  'manual',
  'mastersthesis',
  'misc',
  'phdthesis',
  'proceedings',
  'techreport',
  'unpublished',
]);

/** Classic BibTeX knows thirteen types; anything else becomes the nearest one. */
export function bibtexType(paper: Paper): string {
  const t = paper.entryType.toLowerCase();
  if (t === 'conference') return 'inproceedings';
  if (t === 'report') return 'techreport';
  if (t === 'thesis') return 'phdthesis';
  if (t === 'article' && !paper.venue) return 'misc';
  return BIBTEX_TYPES.has(t) ? t : 'misc';
}

const BIBLATEX_TYPES: Record<string, string> = {
  article: 'article',
  book: 'book',
  booklet: 'booklet',
  inbook: 'inbook',
  incollection: 'incollection',
  inproceedings: 'inproceedings',
  conference: 'inproceedings',
  manual: 'manual',
  mastersthesis: 'mastersthesis',
  phdthesis: 'phdthesis',
  thesis: 'thesis',
  proceedings: 'proceedings',
  techreport: 'report',
  report: 'report',
  online: 'online',
  unpublished: 'unpublished',
  misc: 'misc',
};

export function biblatexType(paper: Paper): string {
  const t = paper.entryType.toLowerCase();
  if (t === 'article' && !paper.venue) return paper.arxiv ? 'online' : 'misc';
  return BIBLATEX_TYPES[t] ?? 'misc';
}

/** The field a venue goes in, by BibTeX type. */
export function venueField(type: string, dialect: 'bibtex' | 'biblatex'): string {
  if (['inproceedings', 'incollection', 'inbook'].includes(type)) return 'booktitle';
  // What importers call a book's venue is its series (CSL collection/container title, RIS T2/T3).
  if (type === 'book' || type === 'proceedings') return 'series';
  if (['phdthesis', 'mastersthesis', 'thesis'].includes(type)) return 'school';
  if (type === 'techreport' || type === 'report') return 'institution';
  if (type === 'article') return dialect === 'biblatex' ? 'journaltitle' : 'journal';
  return 'howpublished';
}

const RIS_TYPES: Record<string, string> = {
  article: 'JOUR',
  inproceedings: 'CPAPER',
  conference: 'CPAPER',
  proceedings: 'CONF',
  incollection: 'CHAP',
  inbook: 'CHAP',
  book: 'BOOK',
  phdthesis: 'THES',
  mastersthesis: 'THES',
  thesis: 'THES',
  techreport: 'RPRT',
  report: 'RPRT',
  online: 'ELEC',
  unpublished: 'UNPB',
  manual: 'GEN',
  misc: 'GEN',
};

export function risType(paper: Paper): string {
  const t = paper.entryType.toLowerCase();
  if (t === 'article' && !paper.venue) return 'GEN';
  return RIS_TYPES[t] ?? 'GEN';
}

const CSL_TYPES: Record<string, string> = {
  article: 'article-journal',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  proceedings: 'book',
  incollection: 'chapter',
  inbook: 'chapter',
  book: 'book',
  booklet: 'pamphlet',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
  online: 'webpage',
  manual: 'report',
  unpublished: 'manuscript',
  misc: 'article',
};

export function cslType(paper: Paper): string {
  const t = paper.entryType.toLowerCase();
  // A preprint with no journal is CSL's generic "article" (what Zotero writes for arXiv preprints).
  if (t === 'article' && !paper.venue) return 'article';
  return CSL_TYPES[t] ?? 'article';
}
