import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Library } from '../../electron/library';
import { MATCH_END, MATCH_START } from '../../shared/types';
import { tempLibrary, TRENDING } from './helpers';

let library: Library;
let ids: number[];
const list = (query: string, extra: Partial<Parameters<Library['list']>[0]> = {}) =>
  library.list({ query, sort: 'relevance', offset: 0, limit: 100, snippets: false, ...extra });
const titles = (query: string) => list(query).rows.map((r) => r.title);

beforeAll(() => {
  library = tempLibrary().library;
  ids = library.importFile(TRENDING).paperIds;
  library.update(ids[0]!, {
    authors: [
      { given: 'Rasool', family: 'Fakoor' },
      { given: 'Taesup', family: 'Kim' },
    ],
    year: 2021,
  });
  library.update(ids[1]!, { authors: [{ given: 'Nadine', family: 'Chang' }], year: 2023 });
  library.update(ids[2]!, { year: 2018 });
  library.setStatus([ids[1]!, ids[2]!], 'to-read');
  library.tag([ids[1]!, ids[3]!], ['survey'], []);
  library.tag([ids[3]!], ['nas'], []);
  library.setStarred([ids[3]!], true);
  library.setNote(ids[4]!, 'Compare with **DARTS** and mixture models.');
});
afterAll(() => library.close());

describe('ranked full-text search', () => {
  it('ranks the title match first', () => {
    expect(titles('quantile regression')[0]).toBe('Flexible Model Aggregation for Quantile Regression');
  });

  it('ranks a title match above an abstract-only match', () => {
    // "survey" is in several titles and in more abstracts; every title hit must come before abstract-only hits.
    const rows = list('pruning').rows;
    const inTitle = rows.map((r) => /pruning/i.test(r.title));
    expect(inTitle[0]).toBe(true);
    expect(inTitle.indexOf(false)).toBeGreaterThan(inTitle.lastIndexOf(true));
  });

  it('returns snippets with the matched words marked, for the page only', () => {
    const rows = list('quantile', { snippets: true, limit: 2 }).rows;
    expect(rows[0]!.snippet).toContain(`${MATCH_START}`);
    expect(rows[0]!.snippet).toMatch(new RegExp(`${MATCH_START}[Qq]uantiles?${MATCH_END}`));
    expect(list('quantile').rows[0]!.snippet).toBeNull();
  });

  it('matches words regardless of case and accents, and stems', () => {
    expect(list('QUANTILE').total).toBe(list('quantile').total);
    expect(list('quantilé').total).toBe(list('quantile').total);
    expect(list('regressions').total).toBe(list('regression').total);
  });
});

describe('query language', () => {
  it('ANDs words, and an empty query lists everything', () => {
    expect(list('').total).toBe(84);
    const both = list('quantile regression').total;
    expect(both).toBeLessThanOrEqual(list('quantile').total);
    expect(both).toBeGreaterThan(0);
  });

  it('supports "exact phrase", prefix*, -word and OR', () => {
    expect(titles('"quantile regression"')).toContain('Flexible Model Aggregation for Quantile Regression');
    expect(list('"regression quantile"').total).toBeLessThan(list('quantile regression').total);
    expect(list('quant*').total).toBeGreaterThanOrEqual(list('quantile').total);
    const all = list('survey').total;
    const without = list('survey -pruning').total;
    expect(without).toBeLessThan(all);
    expect(list('survey -pruning').rows.some((r) => /pruning/i.test(r.title + r.abstract))).toBe(false);
    expect(list('quantile OR pruning').total).toBe(
      list('quantile').total + list('pruning').total - list('quantile pruning').total,
    );
  });

  it('filters by title:, author:, tag:, status:, year:, is:starred and has:note', () => {
    expect(titles('title:quantile')).toEqual(['Flexible Model Aggregation for Quantile Regression']);
    expect(titles('author:fakoor')).toEqual(['Flexible Model Aggregation for Quantile Regression']);
    expect(list('tag:survey').total).toBe(2);
    expect(list('tag:SURVEY').total).toBe(2);
    expect(list('status:to-read').total).toBe(2);
    expect(list('status:to-read tag:survey').rows.map((r) => r.id)).toEqual([ids[1]]);
    expect(list('year:2021').rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(list('year:2019..2023').total).toBe(2);
    expect(list('year:..2020').rows.map((r) => r.id)).toEqual([ids[2]]);
    expect(list('is:starred').rows.map((r) => r.id)).toEqual([ids[3]]);
    expect(list('has:note').rows.map((r) => r.id)).toEqual([ids[4]]);
    expect(list('darts').rows.map((r) => r.id)).toContain(ids[4]);
    expect(list('-status:new').total).toBe(2);
    expect(list('tag:survey OR is:starred').total).toBe(2);
    expect(list('tag:nas OR quantile').total).toBe(1 + list('quantile -tag:nas').total);
  });

  it('reports a syntax error with its position, never an SQL error', () => {
    expect(() => list('"unterminated')).toThrow(expect.objectContaining({ code: 'query-syntax', position: 0 }));
    expect(() => list('a (b')).toThrow(expect.objectContaining({ code: 'query-syntax' }));
    expect(() => list('status:unknown')).toThrow(expect.objectContaining({ code: 'query-syntax', position: 7 }));
    expect(() => list('year:2024..2019')).toThrow(expect.objectContaining({ code: 'query-syntax' }));
  });

  it('treats pasted titles with punctuation as words', () => {
    expect(titles('What comes after transformers? -- A selective survey')[0]).toBe(
      'What comes after transformers? -- A selective survey connecting ideas in deep learning',
    );
    expect(list('DeepSeek-VL: Towards Real-World').total).toBeGreaterThan(0);
    expect(list(': , . ; ?').total).toBe(84);
  });
});

describe('paging and sorting', () => {
  it('pages through a sorted listing with a stable total, without overlap', () => {
    const seen = new Set<number>();
    let offset = 0;
    for (;;) {
      const page = library.list({ query: '', sort: 'title', offset, limit: 10, snippets: false });
      expect(page.total).toBe(84);
      for (const r of page.rows) seen.add(r.id);
      offset += page.rows.length;
      if (page.rows.length < 10) break;
    }
    expect(seen.size).toBe(84);
  });

  it('sorts by title, author, year, added and status in both directions', () => {
    const by = (sort: 'title' | 'year' | 'added' | 'status' | 'author', direction: 'asc' | 'desc') =>
      library.list({ query: '', sort, direction, offset: 0, limit: 100, snippets: false }).rows;
    const t = by('title', 'asc').map((r) => r.title.toLowerCase());
    expect(t).toEqual([...t].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(by('title', 'desc')[0]!.title).toBe(by('title', 'asc').at(-1)!.title);
    expect(by('year', 'desc')[0]!.year).toBe(2023);
    expect(by('author', 'desc')[0]!.authors[0]!.family).toBe('Fakoor');
    expect(by('status', 'desc')[0]!.status).toBe('to-read');
    expect(by('added', 'asc')[0]!.id).toBe(ids[0]);
  });
});

describe('a library with nothing in it', () => {
  it('lists nothing and searches nothing without error', () => {
    const empty = tempLibrary().library;
    expect(empty.list({ query: 'anything', sort: 'relevance', offset: 0, limit: 10, snippets: true })).toEqual({
      rows: [],
      total: 0,
      offset: 0,
    });
    empty.close();
  });
});
