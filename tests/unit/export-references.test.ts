import { parse } from '@retorquere/bibtex-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../electron/library';
import { exportText } from '../../electron/library/export';
import { markdownLink } from '../../electron/library/export/text';
import type { Paper } from '../../shared/types';
import { HF_DAILY, libraryFrom, ZOTERO_CSL_YAML } from './export-helpers';

let library: Library;
let papers: Paper[];
/** A sample for the third-party parser (slow on large files): every paper with accents, and a spread of others. */
let sample: number[];

beforeAll(() => {
  ({ library } = libraryFrom(ZOTERO_CSL_YAML, HF_DAILY));
  papers = library.list({ query: '', sort: 'added', direction: 'asc', offset: 0, limit: 1000, snippets: false }).rows;
  const accented = papers.filter((p) => /[À-ɏ]/.test(p.title + JSON.stringify(p.authors)));
  sample = [...new Set([...accented, ...papers.filter((_, i) => i % 40 === 0)].map((p) => p.id))];
});

const nfc = (s: string | undefined) => s?.normalize('NFC');

const NO_CASE = { sentenceCase: false, english: false, caseProtection: false } as const;

describe('BibTeX and BibLaTeX export (a real Zotero group library and Hugging Face papers)', () => {
  it('BibTeX is read back by Better BibTeX’s parser without errors, one entry per paper, unique keys', () => {
    const { text, count } = exportText(library, { format: 'bibtex', ids: sample });
    expect(count).toBe(sample.length);
    const bib = parse(text, NO_CASE);
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(sample.length);
    const keys = bib.entries.map((e) => e.key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    // Non-ASCII only inside braces LaTeX cannot name (e.g. CJK), never as raw accented Latin letters.
    expect(text).not.toMatch(/[À-ɏ]/);
    const byTitle = new Map(bib.entries.map((e) => [nfc(e.fields.title), e]));
    const withAccents = papers.filter((p) => /[À-ɏ]/.test(p.title));
    expect(withAccents.length).toBeGreaterThan(0);
    for (const p of withAccents) expect(byTitle.has(nfc(p.title))).toBe(true);
  });

  it('BibLaTeX keeps Unicode and uses BibLaTeX fields', () => {
    const { text } = exportText(library, { format: 'biblatex', ids: sample });
    const bib = parse(text, NO_CASE);
    expect(bib.errors).toEqual([]);
    const accented = papers.find((p) => p.authors.some((a) => /[À-ɏ]/.test(a.family ?? '')))!;
    expect(text).toContain(accented.authors.find((a) => /[À-ɏ]/.test(a.family ?? ''))!.family);
    expect(text).toMatch(/eprinttype = \{arxiv\}/);
    expect(text).toMatch(/^ {2}date = \{\d{4}(-\d\d){0,2}\},$/m);
    expect(text).not.toMatch(/\\"\{?[aou]/);
  });

  it('keeps authors, years and identifiers', () => {
    const bib = parse(exportText(library, { format: 'bibtex', ids: sample }).text, NO_CASE);
    const byKey = new Map(bib.entries.map((e) => [e.key, e]));
    const exported = sample.map((id) => library.get(id));
    expect(exported.filter((p) => p.doi).length).toBeGreaterThan(5);
    expect(exported.filter((p) => p.arxiv).length).toBeGreaterThan(1);
    for (const p of exported) {
      const e = byKey.get(p.citekey!)!;
      expect(e.fields.doi?.toLowerCase() ?? null).toBe(p.doi);
      expect(e.fields.eprint ?? null).toBe(p.arxiv);
      expect(e.fields.year ?? null).toBe(p.year === null ? null : String(p.year));
      expect((e.fields.author ?? []).length).toBe(p.authors.length);
    }
  });
});

describe('RIS and CSL-JSON export', () => {
  it('RIS has one TY..ER record per paper with CRLF line ends and single-line values', () => {
    const { text, count } = exportText(library, { format: 'ris' });
    expect(text.match(/^TY {2}- /gm)).toHaveLength(count);
    expect(text.match(/^ER {2}- $/gm)).toHaveLength(count);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    const arxivPaper = papers.find((p) => p.arxiv)!;
    expect(text).toContain(`UR  - https://arxiv.org/abs/${arxivPaper.arxiv}`);
  });

  it('CSL-JSON is JSON with Unicode kept, ids equal to the citation keys', () => {
    const { text } = exportText(library, { format: 'csl-json' });
    const items = JSON.parse(text) as Record<string, unknown>[];
    expect(items).toHaveLength(papers.length);
    const keyed = library.list({
      query: '',
      sort: 'added',
      direction: 'asc',
      offset: 0,
      limit: 1000,
      snippets: false,
    }).rows;
    expect(items.map((i) => i['id'])).toEqual(keyed.map((p) => p.citekey));
    expect(items.map((i) => i['title'])).toEqual(keyed.map((p) => p.title));
    expect(text).not.toMatch(/\\u00[c-f][0-9a-f]/i);
  });

  it('a selection by ids comes in the order given; ids with a query keep the matching ones', () => {
    const ids = [papers[5]!.id, papers[2]!.id];
    const items = JSON.parse(exportText(library, { format: 'csl-json', ids }).text) as { title: string }[];
    expect(items.map((i) => i.title)).toEqual([papers[5]!.title, papers[2]!.title]);
    const year = papers[5]!.year;
    const filtered = exportText(library, { format: 'csl-json', ids, query: `year:${year}` });
    expect(filtered.count).toBe(ids.filter((id) => papers.find((p) => p.id === id)!.year === year).length);
  });
});

describe('Markdown links', () => {
  it('link the title to the paper, with a short citation', () => {
    const p = { ...papers.find((x) => x.arxiv)!, url: null, doi: null };
    const line = markdownLink(p);
    expect(line).toMatch(/^\[.+\]\(https:\/\/arxiv\.org\/abs\/[\d.]+\) \(.+, \d{4}\)$/);
    const odd = { ...p, title: 'A [bracketed] title', url: 'https://x.org/a (b)' };
    expect(markdownLink(odd)).toMatch(/^\[A \\\[bracketed\\\] title\]\(<https:\/\/x\.org\/a%20\(b\)>\)/);
  });
});
