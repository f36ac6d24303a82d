import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../electron/library';
import {
  authorsText,
  decodeAuthors,
  encodeAuthors,
  indexedAuthors,
  titleHash,
} from '../../electron/library/db/columns';
import { migrations } from '../../electron/library/db/migrations';
import { PAGE_SIZE } from '../../electron/library/db/open';
import { listDuplicates } from '../../electron/library/duplicates/list';
import { authorName, normalizeTitle } from '../../shared/normalize';
import type { Author } from '../../shared/types';
import { tempDir, tempLibrary } from './helpers';

let open: Library[] = [];
afterEach(() => {
  for (const l of open) l.close();
  open = [];
});

describe('title hash', () => {
  it('is pinned: libraries store it, so it may never change', () => {
    expect(titleHash('')).toMatchInlineSnapshot(`3338908027751811`);
    expect(titleHash('attention is all you need')).toBe(titleHash('attention is all you need'));
    expect(titleHash('attention is all you need')).toMatchInlineSnapshot(`396473037467310`);
    expect(titleHash('größe über ünïcode 量子')).toMatchInlineSnapshot(`8355814034165008`);
  });

  it('is a non-negative safe integer, and tells close titles apart', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const h = titleHash(s);
        expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
      }),
    );
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) seen.add(titleHash(`a study of method ${i} on benchmark ${i % 97}`));
    expect(seen.size).toBe(50_000);
  });
});

describe('authors column', () => {
  const name = fc.oneof(fc.string(), fc.constantFrom('van der Berg', 'Smith; Jones', '[x]', 'Ünal', 'a\u001fb', ''));
  const author = fc
    .oneof(
      fc.record({ family: name, given: name }),
      fc.record({ family: name }),
      fc.record({ literal: name }),
      fc.record({ given: name }),
      fc.record({ family: name, given: name, literal: name }, { requiredKeys: [] }),
    )
    .map((a): Author => ({ ...a }));

  /** The tokens FTS5 (with the library's tokenizer) makes of each text, in order. */
  function tokenize(texts: string[]): string[][] {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2')");
    db.exec("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')");
    const insert = db.prepare('INSERT INTO t(rowid, x) VALUES (?, ?)');
    texts.forEach((text, i) => insert.run(i + 1, text));
    const rows = db.prepare('SELECT doc, term, offset FROM v ORDER BY doc, offset').all() as {
      doc: number;
      term: string;
    }[];
    db.close();
    return texts.map((_, i) => rows.filter((r) => r.doc === i + 1).map((r) => r.term));
  }

  it('gives back exactly the authors it stored; the index reads the same words, and snippets the same text', () => {
    const db = new Database(':memory:');
    const shown = db.prepare(`SELECT ${authorsText()} FROM (SELECT ? AS authors, ? AS authors_text)`).pluck();
    const indexed = db.prepare(`SELECT ${indexedAuthors()} FROM (SELECT ? AS authors, ? AS authors_text)`).pluck();
    fc.assert(
      fc.property(fc.array(author, { maxLength: 6 }), (authors: Author[]) => {
        const [stored, text] = encodeAuthors(authors);
        expect(decodeAuthors(stored)).toStrictEqual(authors);
        const plain = authors.map(authorName).join('; ');
        expect(shown.get(stored, text)).toBe(plain);
        const [a, b] = tokenize([indexed.get(stored, text) as string, plain]);
        expect(a).toEqual(b);
      }),
      { numRuns: 300 },
    );
    db.close();
  });

  it('stores common names as one short text, the rest as shortened JSON with their text; reads the older form', () => {
    const common: Author[] = [{ family: 'Vaswani', given: 'Ashish' }, { family: 'Plato' }, { literal: 'OpenAI Team' }];
    expect(encodeAuthors(common)).toEqual(['Ashish\u001fVaswani; \u001fPlato; OpenAI Team', '']);
    expect(encodeAuthors([])).toEqual(['', '']);
    const odd: Author[] = [...common, { given: 'Madonna' }];
    expect(encodeAuthors(odd)).toEqual([
      '[["Vaswani","Ashish"],["Plato"],"OpenAI Team",{"given":"Madonna"}]',
      'Ashish Vaswani; Plato; OpenAI Team; Madonna',
    ]);
    expect(decodeAuthors(JSON.stringify(odd))).toStrictEqual(odd);
    expect(decodeAuthors('[]')).toStrictEqual([]);
  });
});

describe('migration 006 (compact columns) and the page size', () => {
  it('creates new libraries with 16 KiB pages', () => {
    const { library } = tempLibrary();
    open.push(library);
    expect(library.db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
  });

  it('converts a version-5 library: hashes the titles, shortens the authors, keeps every paper as it was', () => {
    const file = path.join(tempDir(), 'library.sqlite');
    const old = new Database(file);
    for (const m of migrations.filter((m) => m.version <= 5)) old.exec(m.up);
    old.pragma('user_version = 5');
    const insert = old.prepare(
      `INSERT INTO papers (title, title_key, authors, authors_text, first_author, year, abstract, added_at, updated_at,
         status_changed_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z',
         '2025-01-01T00:00:00.000Z', ?)`,
    );
    const papers: { title: string; authors: Author[]; year: number }[] = [];
    for (let i = 0; i < 2_500; i++) {
      const authors: Author[] =
        i % 7 === 0
          ? [{ literal: `Consortium ${i}` }]
          : [{ given: `Given${i}`, family: `Family${i % 50}` }, { family: 'Solo' }];
      papers.push({ title: `The {Ü}ber study, part ${i % 1_200}!`, authors, year: 2000 + (i % 20) });
    }
    old.transaction(() => {
      for (const [i, p] of papers.entries()) {
        insert.run(
          p.title,
          normalizeTitle(p.title),
          JSON.stringify(p.authors),
          p.authors.map(authorName).join('; '),
          p.authors[0]!.family ?? p.authors[0]!.literal ?? '',
          p.year,
          `abstract ${i}`,
          i % 3 === 0 ? 'read' : 'new',
        );
      }
    })();
    old.close();

    const library = openLibrary({ path: file });
    open.push(library);
    const columns = (library.db.pragma('table_info(papers)') as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('title_hash');
    expect(columns).not.toContain('title_key');
    const rows = library.db.prepare('SELECT id, title, title_hash, authors FROM papers ORDER BY id').all() as {
      id: number;
      title: string;
      title_hash: number;
      authors: string;
    }[];
    expect(rows).toHaveLength(papers.length);
    for (const [i, row] of rows.entries()) {
      expect(row.title_hash).toBe(titleHash(normalizeTitle(papers[i]!.title)));
      expect(row.authors.length).toBeLessThan(JSON.stringify(papers[i]!.authors).length);
      expect(library.get(row.id).authors).toStrictEqual(papers[i]!.authors);
    }
    expect(rows.filter((r) => !r.authors.startsWith('['))).toHaveLength(papers.length);
    expect(library.db.prepare("SELECT count(*) FROM papers WHERE authors_text <> ''").pluck().get()).toBe(0);
    // The index still agrees with the text it is read from (FTS5's own check), and finds names as phrases.
    expect(() =>
      library.db.exec("INSERT INTO papers_fts(papers_fts, rank) VALUES ('integrity-check', 1)"),
    ).not.toThrow();
    expect(library.check().ok).toBe(true);
    const list = (query: string) => library.list({ query, sort: 'added', offset: 0, limit: 5, snippets: true });
    expect(list('author:"Given8 Family8"').total).toBe(1);
    expect(list('"Given8 Family8 Solo"').rows[0]!.snippet).toMatch(/Given8\W+Family8; \W*Solo/);
    expect(library.list({ query: 'author:Family7', sort: 'added', offset: 0, limit: 5, snippets: false }).total).toBe(
      papers.filter((p) => p.authors[0]!.family === 'Family7').length,
    );

    // Duplicate detection finds papers through the hash: the same title, first author and year merges.
    const again = papers[3]!;
    const report = library.importText(
      'again.json',
      JSON.stringify([
        {
          title: again.title,
          authors: again.authors.map((a) => ({ family: a.family, given: a.given })),
          issued: { 'date-parts': [[again.year]] },
          DOI: '10.1234/again',
        },
      ]),
      'csl-json',
    );
    expect(report).toMatchObject({ added: 0, merged: 1 });
    expect(library.get(rows[3]!.id).doi).toBe('10.1234/again');
    // And the duplicates finder pairs the papers that share a normalized title, first author and year.
    const pairs = listDuplicates(library.db, 100_000);
    const expected = new Set<string>();
    const byKey = new Map<string, number[]>();
    for (const [i, p] of papers.entries()) {
      const key = `${normalizeTitle(p.title)}|${p.authors[0]!.family ?? p.authors[0]!.literal}|${p.year}`;
      byKey.set(key, [...(byKey.get(key) ?? []), rows[i]!.id]);
    }
    for (const ids of byKey.values()) {
      for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) expected.add(`${ids[a]}-${ids[b]}`);
    }
    const found = new Set(
      pairs.filter((p) => p.reason === 'same-title-author-year').map((p) => `${p.ids[0]}-${p.ids[1]}`),
    );
    expect(expected.size).toBeGreaterThan(0);
    expect(found).toEqual(expected);
  });
});
