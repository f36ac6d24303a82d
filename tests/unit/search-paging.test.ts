/**
 * The fast listing plans (remembered positions for deep pages, newest-first text hits by id, counting and ranking in
 * the index) must give exactly what the plain SQL gives. Each test compares them with a straightforward query over
 * the same real library: 753 papers from a Hugging Face scrape, so pages go past the 512-row positions.
 */
import { describe, expect, it } from 'vitest';
import { compileUserQuery, countWhere, listRows } from '../../electron/library/search/list';
import { signature } from '../../electron/library/search/page-index';
import { annotationsFirst } from '../../electron/library/search/ranked';
import { rememberedCount } from '../../electron/library/search/match-count';
import { remembered } from '../../electron/library/search/remembered';
import { ownScoresApart } from '../../electron/library/search/own-scores';
import { tempLibrary } from './helpers';
import { cslPapers, rng } from './annotation-helpers';

import {
  paging,
  usePagingLibrary,
  referencePage,
  page,
  exactTop50,
  exactRanking,
  expectAddedPagesExact,
  REFERENCE_KEY,
  SCRAPE,
  type Sort,
} from './search-paging-helpers';

usePagingLibrary();

describe('pages of the whole library', () => {
  it('has enough papers to page past the remembered positions', () => {
    expect(paging.total).toBeGreaterThan(700);
  });

  it('gives every page in every order exactly as OFFSET does, at every depth', () => {
    const offsets = [0, 100, 511, 512, 513, 600, 1023, paging.total - 100, paging.total - 1, paging.total + 5];
    for (const sort of Object.keys(REFERENCE_KEY) as Sort[]) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const offset of offsets) {
          expect(page('', sort, dir, offset, 100), `${sort} ${dir} @${offset}`).toEqual(
            referencePage('1', [], sort, dir, offset, 100),
          );
        }
      }
    }
  });

  it('stays exact after a change moves papers between pages', () => {
    expect(page('', 'status', 'asc', 600, 50)).toEqual(referencePage('1', [], 'status', 'asc', 600, 50));
    const moved = paging.library.db.prepare('SELECT id FROM papers ORDER BY id LIMIT 200').pluck().all() as number[];
    paging.library.setStatus(moved, 'skipped');
    expect(page('', 'status', 'asc', 600, 50)).toEqual(referencePage('1', [], 'status', 'asc', 600, 50));
    expect(countWhere(paging.library.db, compileUserQuery(''))).toBe(paging.total);
    paging.library.undo();
    expect(page('', 'status', 'asc', 600, 50)).toEqual(referencePage('1', [], 'status', 'asc', 600, 50));
  });
});

describe('text queries', () => {
  const queries = [
    'model',
    'language models',
    '"large language"',
    'tran*',
    'title:agent',
    'the',
    'agents',
    'transformers model',
    'note:compared',
    'note:compared model',
    'agent model language tran*',
  ];

  it('lists the first hits newest or oldest first exactly, even for papers whose dates are out of id order', () => {
    for (const q of queries) {
      const compiled = compileUserQuery(q);
      expect(compiled.pureText).not.toBeNull();
      expectAddedPagesExact(q, [
        [0, 50],
        [10, 5],
        [0, 1000],
      ]);
    }
    // The papers given future dates come first for a word they contain.
    const first = page('the', 'added', 'desc', 0, 2);
    expect(paging.library.db.prepare('SELECT added_at FROM papers WHERE id = ?').pluck().get(first[0])).toBe(
      '2099-01-02T00:00:00.000Z',
    );
  });

  it('counts a text query in the index exactly as the join does', () => {
    for (const q of queries) {
      const compiled = compileUserQuery(q);
      const joined = paging.library.db
        .prepare(`SELECT count(*) FROM papers p WHERE ${compiled.where}`)
        .pluck()
        .get(...compiled.params);
      expect(countWhere(paging.library.db, compiled), q).toBe(joined);
    }
  });

  it('ranks a common word among its title, author and annotation matches with the exact top 50', () => {
    // The title-first ranking (ranked.ts) is taken when a word has at least 50 such matches.
    let titleFirst = 0;
    for (const q of ['model', 'language', 'learning', 'models', 'agents', 'video', 'reasoning', 'large']) {
      const compiled = compileUserQuery(q);
      const titled = paging.library.db
        .prepare('SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?')
        .pluck()
        .get(`{title authors} : ${compiled.pureText!.pAll!}`) as number;
      const exact = exactTop50(compiled);
      const rows = page(q, 'relevance' as Sort, 'asc', 0, 50);
      if (titled >= 50) {
        titleFirst++;
        expect(rows, q).toEqual(exact);
      }
      const shared = rows.filter((id) => exact.includes(id)).length;
      expect(shared / exact.length, q).toBeGreaterThanOrEqual(0.9);
    }
    expect(titleFirst).toBeGreaterThanOrEqual(3);
  });

  it('ranks a word by its annotation matches alone when they outweigh any own text, with the exact scores', () => {
    // annotationsFirst (ranked.ts) proves by a bound on bm25 that no other paper can be in the page: it must give
    // the exact ranking, scores included, at every page size it answers (words in more than half the papers).
    let taken = 0;
    for (const q of ['model', 'models', 'agents', 'agent*', 'transformers', 'language', '"language model"', 'large']) {
      const compiled = compileUserQuery(q);
      const match = compiled.pureText!.pAll!;
      const exact = exactRanking(paging.library, match, match, compiled.where, compiled.params, 120);
      for (const k of [1, 10, 50, 120]) {
        const best = annotationsFirst(paging.library.db, match, k);
        if (best === null) continue;
        taken++;
        expect(best, `${q}, top ${k}`).toEqual(exact.slice(0, k));
      }
    }
    // Three of them (each in more than half of these papers) have enough strong annotation matches for 1 and 10.
    expect(taken).toBeGreaterThanOrEqual(6);
  });

  it('scores a few papers apart from the index exactly as bm25() on the index does, bit for bit', () => {
    const ids = paging.library.db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[];
    const some = ids.filter((_, i) => i % 9 === 4).slice(0, 80);
    for (const q of ['language', 'model*', '"language model"', 'video', 'reasoning', 'agent*', 'diffusion']) {
      const match = compileUserQuery(q).pureText!.pAll!;
      const n = paging.library.db
        .prepare('SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?')
        .pluck()
        .get(match);
      const apart = ownScoresApart(paging.library.db, match, some, n as number);
      const fromIndex = paging.library.db
        .prepare(
          `SELECT rowid AS id, bm25(papers_fts, 10.0, 4.0, 1.0) AS score FROM papers_fts
           WHERE papers_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
        )
        .all(match, JSON.stringify(some)) as { id: number; score: number }[];
      expect(fromIndex.length, q).toBeGreaterThan(0);
      expect(apart, q).toEqual(new Map(fromIndex.map((r) => [r.id, r.score])));
    }
  });

  it('ranks by annotation matches alone when many of them tie, scanning the index for their own text', () => {
    // 150 papers with the same one tag tie on its score: more than are scored apart, so the index is scanned.
    const own = tempLibrary().library;
    try {
      const ids = own.importFile(SCRAPE).paperIds;
      own.tag(ids.slice(150), ['misc'], []);
      own.tag(ids.slice(0, 150), ['language'], []);
      const compiled = compileUserQuery('language');
      const match = compiled.pureText!.pAll!;
      const exact = exactRanking(own, match, match, 'r.rid IS NOT NULL OR a.rid IS NOT NULL', [], 60);
      for (const k of [10, 60]) expect(annotationsFirst(own.db, match, k), `top ${k}`).toEqual(exact.slice(0, k));
    } finally {
      own.close();
    }
  });

  it('ranks by annotation matches alone when more of them tie than are read first', () => {
    // About 1,400 papers with the same one tag tie on its score, past the best k + 1000 annotation matches read
    // first: the tied ones are then read by the bound, and ranked by their own text. The word is in most papers'
    // own text, and the other papers' tag keeps its idf in the annotations above the floor.
    const own = tempLibrary().library;
    try {
      const ids = own.importText('many.json', cslPapers(rng(7), 6000)).paperIds;
      own.tag(ids.slice(0, 2000), ['alpha'], []);
      own.tag(ids.slice(2000), ['misc'], []);
      ids.slice(2000, 2030).forEach((id, i) => own.setNote(id, 'alpha '.repeat(1 + (i % 3)).trim()));
      const match = compileUserQuery('alpha').pureText!.pAll!;
      const scores = own.db
        .prepare('SELECT bm25(notes_fts, 3.0, 2.0) FROM notes_fts WHERE notes_fts MATCH ? ORDER BY 1')
        .pluck()
        .all(match) as number[];
      const exact = exactRanking(own, match, match, 'r.rid IS NOT NULL OR a.rid IS NOT NULL', [], 200);
      for (const k of [200, 60, 10]) {
        expect(scores.filter((s) => s === scores[k - 1]).length, `ties at ${k}`).toBeGreaterThan(k + 1000);
        // A change drops the ranking remembered for the pages after this one.
        own.setStarred([ids[k]!], true);
        expect(remembered(own.db).rankings.size).toBe(0);
        expect(annotationsFirst(own.db, match, k), `top ${k}`).toEqual(exact.slice(0, k));
      }
      // Every paper tied at the 10th best is within the proof: the next pages are read from the ranking remembered.
      expect(remembered(own.db).rankings.get(match)!.exact).toBe(scores.filter((s) => s <= scores[9]!).length);
      for (const k of [60, 200])
        expect(annotationsFirst(own.db, match, k), `top ${k} again`).toEqual(exact.slice(0, k));
      own.setNote(exact[150]!.id, 'alpha alpha alpha alpha');
      const changed = exactRanking(own, match, match, 'r.rid IS NOT NULL OR a.rid IS NOT NULL', [], 200);
      expect(changed).not.toEqual(exact);
      expect(annotationsFirst(own.db, match, 200)).toEqual(changed);
    } finally {
      own.close();
    }
  });

  it('ranks a word in fewer than half the papers by its annotations only when they outscore any own text', () => {
    // Below half the papers bm25's idf is above its floor, and an own-text score can reach idf * (k1 + 1): the
    // annotation matches give the page only when the k-th best of them scores beyond that (strong, short notes), and
    // annotationsFirst must decline when there are fewer of them than the page or they are weak (a word in a long
    // note). It counts first, once: the count is remembered. Whichever plan answers, the page and the total are
    // exact. Its own library: every paper annotated, a few with the word in a note.
    const own = tempLibrary().library;
    try {
      const ids = own.importFile(SCRAPE).paperIds;
      own.tag(ids, ['misc'], []);
      const word = 'data';
      const matches = own.db
        .prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid')
        .pluck()
        .all(word) as number[];
      expect(matches.length).toBeGreaterThan(ids.length / 4);
      expect(matches.length).toBeLessThan(ids.length / 2);
      const noted = [
        ...matches.filter((_, i) => i % 7 === 0),
        ...ids.filter((id) => !matches.includes(id)).slice(0, 20),
      ];
      noted.forEach((id, i) => own.setNote(id, `${word} `.repeat(1 + (i % 4)).trim()));
      const compiled = compileUserQuery(word);
      const match = compiled.pureText!.pAll!;
      const ranking = exactRanking(own, match, match, 'r.rid IS NOT NULL OR a.rid IS NOT NULL', [], noted.length);
      expect(annotationsFirst(own.db, match, 10)).toEqual(ranking.slice(0, 10));
      expect(rememberedCount(own.db, match)).toBe(matches.length);
      expect(annotationsFirst(own.db, match, noted.length)).toEqual(ranking);
      expect(annotationsFirst(own.db, match, noted.length + 1)).toBeNull();
      const exact = own.db
        .prepare(
          `SELECT p.id FROM papers p
           LEFT JOIN (SELECT rowid AS rid, bm25(papers_fts, 10.0, 4.0, 1.0) AS score
             FROM papers_fts WHERE papers_fts MATCH ?) r ON r.rid = p.id
           LEFT JOIN (SELECT rowid AS rid, bm25(notes_fts, 3.0, 2.0) AS score
             FROM notes_fts WHERE notes_fts MATCH ?) a ON a.rid = p.id
           WHERE r.rid IS NOT NULL OR a.rid IS NOT NULL
           ORDER BY coalesce(r.score, 0) + coalesce(a.score, 0), p.id DESC LIMIT 50`,
        )
        .pluck()
        .all(match, match) as number[];
      const page = listRows(own.db, compiled, { query: word, sort: 'relevance', offset: 0, limit: 50, snippets: true });
      expect(page.map((r) => r.id)).toEqual(exact);
      const all = new Set([...matches, ...noted]);
      expect(countWhere(own.db, compiled)).toBe(all.size);
      // A change is seen: the remembered count is dropped.
      own.setNote(
        ids.find((id) => !all.has(id))!,
        word,
      );
      expect(rememberedCount(own.db, match)).toBeUndefined();
      expect(countWhere(own.db, compiled)).toBe(all.size + 1);
      // The word now in the notes of two papers in three, where its idf is at the floor: too weak to prove the page.
      for (const id of ids.filter((_, i) => i % 3 !== 0)) own.setNote(id, `${word} lorem ipsum`);
      expect(annotationsFirst(own.db, match, 10)).toBeNull();
      const weak = listRows(own.db, compiled, {
        query: word,
        sort: 'relevance',
        offset: 0,
        limit: 50,
        snippets: false,
      });
      const weakExact = exactRanking(own, match, match, 'r.rid IS NOT NULL OR a.rid IS NOT NULL', [], 50);
      const shared = weak.filter((r) => weakExact.some((e) => e.id === r.id)).length;
      expect(shared / weakExact.length).toBeGreaterThanOrEqual(0.9);
    } finally {
      own.close();
    }
  });

  it('ranks a text query in the index exactly as the join does', () => {
    for (const q of queries) {
      const compiled = compileUserQuery(q);
      const joined = exactTop50(compiled);
      const rows = listRows(paging.library.db, compiled, {
        query: q,
        sort: 'relevance',
        offset: 0,
        limit: 50,
        snippets: true,
      });
      expect(
        rows.map((r) => r.id),
        q,
      ).toEqual(joined);
      expect(rows.every((r) => r.score !== null && r.snippet !== null)).toBe(true);
    }
  });

  it('cuts snippets without counting as a change to the paging.library, and still notices a real change', () => {
    // The snippets' scratch index is written on every page with snippets; what is remembered until the library
    // changes (positions of deep pages, annotation-only matches) must survive it.
    const before = signature(paging.library.db);
    const rows = listRows(paging.library.db, compileUserQuery('model'), {
      query: 'model',
      sort: 'relevance',
      offset: 0,
      limit: 50,
      snippets: true,
    });
    expect(rows.every((r) => r.snippet !== null)).toBe(true);
    expect(signature(paging.library.db)).toBe(before);
    const id = rows[0]!.id;
    paging.library.setStarred([id], true);
    expect(signature(paging.library.db)).not.toBe(before);
    paging.library.setStarred([id], false);
    // A change right after snippets is still seen.
    const after = signature(paging.library.db);
    listRows(paging.library.db, compileUserQuery('"language models"'), {
      query: '"language models"',
      sort: 'relevance',
      offset: 0,
      limit: 20,
      snippets: true,
    });
    expect(signature(paging.library.db)).toBe(after);
    paging.library.setNote(id, 'a new note');
    expect(signature(paging.library.db)).not.toBe(after);
    paging.library.setNote(id, '');
  });

  it('counts and lists a tag alone from the tag index, common or rare, exactly', () => {
    const ids = paging.library.db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[];
    paging.library.tag(
      ids.filter((_, i) => i % 5 === 0),
      ['common'],
      [],
    );
    paging.library.tag(
      ids.filter((_, i) => i % 97 === 0),
      ['rare'],
      [],
    );
    for (const q of ['tag:common', 'tag:rare', 'tag:COMMON']) {
      const compiled = compileUserQuery(q);
      expect(compiled.pureTag).not.toBeNull();
      const joined = paging.library.db
        .prepare(`SELECT count(*) FROM papers p WHERE ${compiled.where}`)
        .pluck()
        .get(...compiled.params);
      expect(countWhere(paging.library.db, compiled), q).toBe(joined);
      for (const sort of ['added', 'title'] as const) {
        expect(page(q, sort, 'desc', 0, 50), `${q} ${sort}`).toEqual(
          referencePage(compiled.where, compiled.params, sort, 'desc', 0, 50),
        );
      }
    }
  });

  it('still filters and sorts mixed queries the general way', () => {
    const compiled = compileUserQuery('model status:to-read');
    expect(compiled.pureText).toBeNull();
    expect(page('model status:to-read', 'year', 'desc', 0, 30)).toEqual(
      referencePage(compiled.where, compiled.params, 'year', 'desc', 0, 30),
    );
  });
});
