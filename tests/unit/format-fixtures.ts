/**
 * The real fixtures of the non-BibTeX import formats, from SOURCES.json, with the format each must be recognized as
 * and the number of papers and errors it must give (SOURCES' rough count, or a documented deviation).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './helpers';

export interface Source {
  dest: string;
  n: number | null;
}

const FOLDERS = ['hf-papers', 'ris', 'csl-json', 'arxiv', 'medline', 'wos', 'endnote', 'zotero'];

/** The format a fixture must be recognized as, from where it sits; null for files that must be refused. */
export function expectedFormat(dest: string): string | null {
  const ext = path.extname(dest).slice(1);
  const [folder, sub] = dest.split('/');
  if (dest.endsWith('trending-page.txt')) return 'hf-trending';
  if (folder === 'hf-papers') return 'hf-json';
  if (folder === 'ris') return sub === 'ovid-embase' ? 'ovid' : 'ris';
  if (folder === 'csl-json') return dest.includes('Hayagriva') ? null : ext === 'json' ? 'csl-json' : 'csl-yaml';
  // Recorded HTTP exchanges (JSON wrapping a response) are test data for a replay server, not import files.
  if (folder === 'arxiv') return ext === 'json' ? null : sub === 'rss' ? 'arxiv-rss' : 'arxiv-atom';
  if (folder === 'medline') return ext === 'xml' ? 'pubmed-xml' : 'medline';
  if (folder === 'wos') return 'wos';
  if (folder === 'endnote') return ext === 'xml' ? 'endnote-xml' : 'endnote';
  // Bibliontology RDF and Markdown notes are not import formats (yet): they must be refused, not misread.
  if (folder === 'zotero') {
    if (sub === 'rdf') return dest.includes('bibliontology') ? null : 'zotero-rdf';
    return sub === 'csl-yaml' ? 'csl-yaml' : sub === 'bbt-json' ? 'bbt-json' : null;
  }
  return null;
}

/** Where the papers found differ from SOURCES.json's rough count, and why. */
export const DEVIATIONS: Record<string, { papers: number; errors: number; why: string }> = {
  'ris/zotero-translators/RIS-case05.ris': {
    papers: 38,
    errors: 1,
    why: 'the last record (PCOMM) is a template with placeholders and no title anywhere: reported, not imported',
  },
  'csl-json/citation-js/core-data.json': {
    papers: 6,
    errors: 6,
    why: 'citation-js test data: SOURCES counts its 5 groups; they hold 12 items, 6 of them without a title',
  },
  'csl-json/citation-js/plugin-bibjson-data.json': {
    papers: 9,
    errors: 1,
    why: 'BibJSON test data: SOURCES counts its 3 groups; they hold 10 records, one (a collection) without a title',
  },
  'csl-json/bbt/Export of creator-type fields from embedded CSL variables #365 uppercase DOI #825.csl.json': {
    papers: 6,
    errors: 1,
    why: 'the item "emptybook" has no title',
  },
  'endnote/zotero-translators/ReferBibIX-case04.txt': {
    papers: 1,
    errors: 0,
    why: 'one record whose type is given twice ("%0 Serial", "%0 Audio"); SOURCES counts the %0 lines',
  },
  'zotero/bbt-json/accord-better-bibtex-json.json': {
    papers: 535,
    errors: 0,
    why: 'SOURCES counts 536 items; one is a standalone note, which is not a paper',
  },
  "zotero/bbt-json/import-result-Import error with character '+' in BibTeX field name #2660.json": {
    papers: 214,
    errors: 69,
    why: 'the result of a failed BibTeX import: 69 of its 283 items have no title, each reported',
  },
  'zotero/rdf/accord-zotero.rdf': {
    papers: 535,
    errors: 0,
    why: 'SOURCES counts 587 item types; 51 are attachments and 1 a standalone note, which are not papers',
  },
  'hf-papers/trending-page.txt': { papers: 84, errors: 0, why: 'SOURCES gives no count; the page lists 84 papers' },
};

/**
 * SOURCES.json counts every `PubmedArticle` of a PubMed XML file twice (the files hold half its number); the one
 * `PubmedBookArticle` file (count 1) is counted right.
 */
export function expectedCount(s: Source): { papers: number; errors: number } {
  const deviation = DEVIATIONS[s.dest];
  if (deviation) return deviation;
  if (expectedFormat(s.dest) === 'pubmed-xml' && s.n! > 1) return { papers: s.n! / 2, errors: 0 };
  return { papers: s.n!, errors: 0 };
}

export const sources = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'SOURCES.json'), 'utf8')) as Source[]).filter(
  (s) => FOLDERS.includes(s.dest.split('/')[0]!),
);

export const supported = sources.filter((s) => expectedFormat(s.dest) !== null);
export const refused = sources.filter((s) => expectedFormat(s.dest) === null);

/** The supported fixtures of the given top-level folders. */
export function inFolders(folders: string[]): Source[] {
  return supported.filter((s) => folders.includes(s.dest.split('/')[0]!));
}
