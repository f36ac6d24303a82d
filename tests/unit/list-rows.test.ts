/**
 * A listed row is its paper, field for field, with its score and snippet: the listing reads rows as arrays of
 * values (PaperRowValues, in PAPER_COLUMNS order) where `get` reads them as objects, so a column out of place would
 * show here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../electron/library';
import { TRENDING, tempLibrary } from './helpers';

describe('listed rows', () => {
  let library: Library;
  let ids: number[];

  beforeAll(() => {
    library = tempLibrary().library;
    ids = library.importFile(TRENDING).paperIds;
    const [a, b, c] = ids as [number, number, number];
    // Every field away from its default somewhere: identifiers, venue, unknown year, an author list only the JSON
    // form holds (a name with ";"), given-less and literal authors, status, star, tags, notes.
    library.update(a, {
      doi: '10.1000/xyz',
      url: 'https://example.org/a',
      venue: 'NeurIPS',
      citekey: 'doe2024a',
      year: null,
      authors: [{ family: 'Doe; Jr.', given: 'Jane' }, { literal: 'The Consortium' }],
    });
    library.update(b, { abstract: null, authors: [{ family: 'Solo' }, { given: 'Ada', family: 'Lovelace' }] });
    library.setStatus([a, c], 'reading');
    library.setStarred([b, c], true);
    library.tag([a, b], ['zeta', 'Alpha'], []);
    library.setNote(c, 'A note, with ☃ and "quotes".');
  });

  afterAll(() => library.close());

  it('gives each paper exactly as get() does, plus its score and snippet', () => {
    for (const sort of ['added', 'title'] as const) {
      const page = library.list({ query: '', sort, offset: 0, limit: 1000, snippets: false });
      expect(page.rows.length).toBe(ids.length);
      for (const row of page.rows) {
        const { score, snippet, ...paper } = row;
        expect(score).toBeNull();
        expect(snippet).toBeNull();
        expect(paper).toEqual(library.get(row.id));
        expect(Object.keys(row)).toEqual([...Object.keys(library.get(row.id)), 'score', 'snippet']);
      }
    }
    const ranked = library.list({ query: 'model', sort: 'relevance', offset: 0, limit: 20, snippets: true });
    expect(ranked.rows.length).toBeGreaterThan(0);
    for (const row of ranked.rows) {
      const { score, snippet, ...paper } = row;
      expect(typeof score).toBe('number');
      expect(typeof snippet).toBe('string');
      expect(paper).toEqual(library.get(row.id));
    }
  });
});
