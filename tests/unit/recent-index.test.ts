/**
 * The index of the newest papers (migration 007, search/recent.ts): it must hold exactly the papers above its window's
 * threshold through small imports (its triggers), big ones (set aside and caught up at the end), edits, deletes and
 * undo, and the first hits of a prefix it gives must be those of the whole index.
 */
import { describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../electron/library';
import { importStreaming } from '../../electron/library/jobs/import-stream';
import { DEFERRED_INDEX_MIN_BYTES } from '../../electron/library/import/deferred-index';
import { compileUserQuery, listRows } from '../../electron/library/search/list';
import { newestInWindow, RECENT_WINDOW } from '../../electron/library/search/recent';
import { tempLibrary } from './helpers';
import { rng, words, pick, VOCAB } from './annotation-helpers';

function papers(seed: number, n: number, abstractWords: number): string {
  const random = rng(seed);
  return JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      id: `s${seed}-${i}`,
      type: 'article-journal',
      title: `${words(random, 3).join(' ')} ${seed}x${i}`,
      author: [{ family: pick(random, VOCAB), given: pick(random, VOCAB) }],
      abstract: words(random, abstractWords).join(' '),
      issued: { 'date-parts': [[2000 + (i % 20)]] },
    })),
  );
}

/** The window's threshold and its entries; the entries must be exactly the papers above the threshold. */
function expectWindowExact(library: Library, when: string): number {
  const db = library.db;
  const threshold = db.prepare('SELECT threshold FROM papers_recent_window').pluck().get() as number;
  const inWindow = db.prepare('SELECT id FROM papers_recent_fts_docsize ORDER BY id').pluck().all();
  const above = db.prepare('SELECT id FROM papers WHERE id > ? ORDER BY id').pluck().all(threshold);
  expect(inWindow, when).toEqual(above);
  expect(library.check(), when).toEqual({ ok: true, problems: [] });
  return threshold;
}

/** For each prefix: the window's first k by id, when it answers, are the whole index's; and the listing is exact. */
function expectPrefixesExact(library: Library, when: string): number {
  let answered = 0;
  // Letters (common), title numbers split by the window ('2x24': ids 1825 and 2041-2050 of batch 2) and none ('qu').
  const letters = ['a', 'b', 'c', 'd', 'e', 'g', 'k', 'm', 'z', '2x24', '5x8', 'qu'];
  for (const prefix of letters) {
    const match = compileUserQuery(`${prefix}*`).pureText!.pAll!;
    const whole = library.db
      .prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid DESC LIMIT ?')
      .pluck()
      .all(match, 50);
    const fromWindow = newestInWindow(library.db, match, 50);
    if (fromWindow !== null) {
      answered++;
      expect(fromWindow, `${prefix}* ${when}`).toEqual(whole);
    }
    const rows = listRows(library.db, compileUserQuery(`${prefix}*`), {
      query: `${prefix}*`,
      sort: 'added',
      offset: 0,
      limit: 50,
      snippets: false,
    });
    const reference = library.db
      .prepare(
        `SELECT p.id FROM papers p WHERE p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)
           OR p.id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)
         ORDER BY p.added_at DESC, p.id DESC LIMIT 50`,
      )
      .pluck()
      .all(match, match);
    expect(
      rows.map((r) => r.id),
      `${prefix}* listed ${when}`,
    ).toEqual(reference);
  }
  return answered;
}

describe('the index of the newest papers', () => {
  it('is made by migration 007 for a library that has papers: the newest RECENT_WINDOW of them', () => {
    const { library, file } = tempLibrary();
    library.importText('some.json', papers(3, 3000, 8));
    // The library as version 6 left it: without the index, its window and triggers.
    library.db.exec(`
      DROP TRIGGER papers_recent_ai; DROP TRIGGER papers_recent_au; DROP TRIGGER papers_recent_ad;
      DROP TABLE papers_recent_fts; DROP VIEW papers_recent_source; DROP TABLE papers_recent_window;
      PRAGMA user_version = 6;`);
    library.close();
    const again = openLibrary({ path: file });
    try {
      expect(again.db.pragma('user_version', { simple: true })).toBe(7);
      expect(expectWindowExact(again, 'after the migration')).toBe(3000 - RECENT_WINDOW);
      expect(expectPrefixesExact(again, 'after the migration')).toBeGreaterThanOrEqual(4);
    } finally {
      again.close();
    }
  });

  it('holds exactly the papers above its threshold, moving on as papers come, and answers prefixes exactly', () => {
    const { library } = tempLibrary();
    try {
      expect(expectWindowExact(library, 'empty')).toBe(0);
      // Small imports: the triggers keep the window, which moves on once it holds twice RECENT_WINDOW papers.
      let threshold = 0;
      for (let batch = 0; batch < 6; batch++) {
        const text = papers(batch, 900, 12);
        expect(text.length).toBeLessThan(DEFERRED_INDEX_MIN_BYTES);
        library.importText(`batch-${batch}.json`, text);
        threshold = expectWindowExact(library, `after batch ${batch}`);
      }
      expect(threshold).toBeGreaterThan(0);
      const total = library.db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
      expect(total - threshold).toBeGreaterThanOrEqual(RECENT_WINDOW);
      expect(total - threshold).toBeLessThanOrEqual(2 * RECENT_WINDOW);
      expect(expectPrefixesExact(library, 'after the small imports')).toBeGreaterThanOrEqual(4);

      // Edits and deletes inside and outside the window.
      const newest = library.db.prepare('SELECT max(id) FROM papers').pluck().get() as number;
      library.update(newest, { title: 'Zygomorphic quince orchards' });
      library.update(threshold, { title: 'Zygomorphic lilies' });
      library.delete([newest - 1, threshold - 1]);
      expectWindowExact(library, 'after edits and deletes');
      const zygo = compileUserQuery('zygo*').pureText!.pAll!;
      expect(newestInWindow(library.db, zygo, 1)).toEqual([newest]);

      // A big import (its triggers set aside) moves the window on at the end; undoing it empties the window's top.
      const big = papers(7, 9000, 40);
      expect(big.length).toBeGreaterThan(DEFERRED_INDEX_MIN_BYTES);
      importStreaming(library, [{ name: 'big.json', text: big }]);
      const moved = expectWindowExact(library, 'after the big import');
      expect(moved).toBeGreaterThan(threshold);
      expect(expectPrefixesExact(library, 'after the big import')).toBeGreaterThanOrEqual(4);
      library.undo();
      expectWindowExact(library, 'after undoing the big import');
      expectPrefixesExact(library, 'after undoing the big import');
    } finally {
      library.close();
    }
  });

  it('is caught up by a big import into an empty library too (the index built on a second thread)', () => {
    const { library } = tempLibrary();
    try {
      importStreaming(library, [{ name: 'big.json', text: papers(9, 12000, 60) }]);
      const threshold = expectWindowExact(library, 'after the import');
      expect(threshold).toBe(12000 - RECENT_WINDOW);
      expect(expectPrefixesExact(library, 'after the import')).toBeGreaterThanOrEqual(4);
    } finally {
      library.close();
    }
  });
});
