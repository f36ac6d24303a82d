/**
 * A listing's total: its first page counts afresh, the pages after it take the total the first page found while the
 * library is unchanged, and any change to the library (through it, or by another process) makes the next page count
 * again.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../electron/library';
import { rememberedTotal, rememberTotal } from '../../electron/library/search/remembered';
import { TRENDING, tempLibrary } from './helpers';

describe('a listing total', () => {
  let library: Library;
  let file: string;
  let ids: number[];
  const query = 'model';
  const page = (offset: number) =>
    library.list({ query, sort: 'relevance', offset, limit: 10, snippets: offset === 0 });

  beforeAll(() => {
    ({ library, file } = tempLibrary());
    ids = library.importFile(TRENDING).paperIds;
  });

  afterAll(() => library.close());

  it('is counted by the first page and remembered for the pages after it', () => {
    const first = page(0);
    expect(first.total).toBeGreaterThan(10);
    expect(rememberedTotal(library.db, query)).toBe(first.total);
    // A remembered total that differs from the count shows which one a page took.
    rememberTotal(library.db, query, first.total + 1000);
    expect(page(10).total).toBe(first.total + 1000);
    // The first page of a listing never takes it from memory.
    expect(page(0).total).toBe(first.total);
    expect(page(10).total).toBe(first.total);
  });

  it('is counted again after the library changes', () => {
    const before = page(0).total;
    rememberTotal(library.db, query, before + 1000);
    library.setStatus([ids[0]!], 'reading');
    expect(page(10).total).toBe(before);

    rememberTotal(library.db, query, before + 1000);
    const matching = ids.find(
      (id) =>
        !library.list({ query, sort: 'added', offset: 0, limit: 1000, snippets: false }).rows.some((r) => r.id === id),
    );
    expect(matching).toBeDefined();
    library.update(matching!, { title: 'A model of everything' });
    expect(page(10).total).toBe(before + 1);
  });

  it('is counted again after another process changes the library', () => {
    const before = page(0).total;
    rememberTotal(library.db, query, before + 1000);
    const other = new Database(file);
    try {
      other.prepare('UPDATE papers SET starred = 1 WHERE id = ?').run(ids[1]);
    } finally {
      other.close();
    }
    expect(page(10).total).toBe(before);
  });
});
