/**
 * The round trip the issue asks for: a library built from real exports (a Zotero group library as CSL-YAML, a Zotero
 * RIS export, Hugging Face daily papers) is exported in each format and imported into an empty library; the papers
 * must come back the same — titles, authors, years and identifiers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../electron/library';
import { exportText } from '../../electron/library/export';
import { authorName } from '../../shared/normalize';
import type { Paper } from '../../shared/types';
import { HF_DAILY, libraryFrom, ZOTERO_CSL_YAML, ZOTERO_RIS } from './export-helpers';
import { tempLibrary } from './helpers';

let source: Library;
let papers: Paper[];

const all = (library: Library): Paper[] =>
  library.list({ query: '', sort: 'added', direction: 'asc', offset: 0, limit: 5000, snippets: false }).rows;

beforeAll(() => {
  ({ library: source } = libraryFrom(ZOTERO_CSL_YAML, ZOTERO_RIS, HF_DAILY));
  papers = all(source);
});

/**
 * The words of a name, in any order: RIS has no way to mark a corporate author ("buildingSmart Regulatory Room"
 * comes back split into given and family) and real libraries hold names as literals ("Cavieres, Andres").
 */
const nameWords = (a: Paper['authors'][number]) =>
  authorName(a)
    .split(/[\s,]+/)
    .filter(Boolean)
    .sort()
    .join(' ');

/** What must survive: exactly, or for RIS the authors as the same words in the same order of authors. */
function essentials(p: Paper, authorsAsNames: boolean) {
  return {
    title: p.title.normalize('NFC'),
    authors: authorsAsNames ? p.authors.map(nameWords) : p.authors,
    year: p.year,
    doi: p.doi,
    arxiv: p.arxiv,
  };
}

describe('export then import gives the same papers', () => {
  it('has a varied library to start from', () => {
    expect(papers.length).toBeGreaterThan(900);
    expect(papers.filter((p) => p.doi).length).toBeGreaterThan(100);
    expect(papers.filter((p) => p.arxiv).length).toBeGreaterThanOrEqual(30);
    expect(papers.filter((p) => /[^\p{ASCII}]/u.test(p.title + JSON.stringify(p.authors))).length).toBeGreaterThan(20);
    expect(papers.filter((p) => p.authors.some((a) => a.literal)).length).toBeGreaterThan(5);
  });

  for (const format of ['bibtex', 'biblatex', 'csl-json', 'ris'] as const) {
    it(format, () => {
      const { text, count } = exportText(source, { format });
      expect(count).toBe(papers.length);
      const { library: target } = tempLibrary();
      const report = target.importText(`library.${format === 'csl-json' ? 'json' : format}`, text);
      expect(report).toMatchObject({ added: papers.length, failed: 0, errors: [] });
      const back = all(target);
      const namesOnly = format === 'ris';
      expect(back.map((p) => essentials(p, namesOnly))).toEqual(all(source).map((p) => essentials(p, namesOnly)));
      if (format !== 'ris') expect(back.map((p) => p.citekey)).toEqual(all(source).map((p) => p.citekey));
      target.close();
    });
  }
});
