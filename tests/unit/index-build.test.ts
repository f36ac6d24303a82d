/**
 * A first big import builds its full-text index on a worker thread and copies it in (import/index-build.ts). The
 * copied index must be the index: FTS5's own integrity check against the papers passes, searches find what a
 * library indexed the ordinary way finds, and the same connection keeps it right through later changes. Papers a
 * later duplicate changed after they were handed over, a library that is not empty, a cancelled import and a
 * scratch file left by a killed one are covered too.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importStreaming, ImportCancelled } from '../../electron/library/jobs/import-stream';
import { indexBuildStats, PARALLEL_INDEX_MIN_BYTES } from '../../electron/library/import/index-build';
import { scratchFiles, scratchPrefix } from '../../electron/library/import/index-scratch';
import { openLibrary, type Library } from '../../electron/library';
import { tempLibrary } from './helpers';
import { expectIndexesInStep, rng, words, VOCAB, pick } from './annotation-helpers';

/** CSL-JSON papers with long abstracts, enough text for the parallel build; `extra` items go at given places. */
function bigImport(seed: number, n: number, extra: Map<number, object> = new Map()): string {
  const random = rng(seed);
  const items: object[] = [];
  for (let i = 0; i < n; i++) {
    const at = extra.get(i);
    if (at) items.push(at);
    items.push({
      id: `p${i}`,
      type: 'article-journal',
      title: `${words(random, 3 + Math.floor(random() * 4)).join(' ')} ${i}`,
      author: [{ family: pick(random, VOCAB), given: pick(random, VOCAB) }],
      abstract: words(random, 150).join(' '),
      issued: { 'date-parts': [[2000 + (i % 20)]] },
    });
  }
  return JSON.stringify(items);
}

const ids = (library: Library, query: string) =>
  library
    .list({ query, sort: 'relevance', offset: 0, limit: 5000, snippets: false })
    .rows.map((r) => r.id)
    .sort((a, b) => a - b);

/** The papers whose indexed text has `word` (as a whole word, case-insensitively), found without the index. */
function scanned(library: Library, word: string): number[] {
  const rows = library.db.prepare('SELECT id, title, authors_text, authors, abstract FROM papers').all() as {
    id: number;
    title: string;
    authors_text: string;
    authors: string;
    abstract: string | null;
  }[];
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${word}([^\\p{L}\\p{N}]|$)`, 'iu');
  return rows
    .filter((r) => re.test(r.title) || re.test(r.authors) || re.test(r.authors_text) || re.test(r.abstract ?? ''))
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

describe('the index of a first big import, built on a worker thread', () => {
  it('is copied in whole and right, and stays right through later changes on the same connection', () => {
    const { library, file } = tempLibrary();
    try {
      // A paper without an abstract early on, and the same paper (same DOI) with one much later: the merge changes
      // a paper that was handed over already.
      const first = { id: 'early', type: 'article-journal', title: 'Kelp forests of the north', DOI: '10.1/kelp' };
      const again = { ...first, id: 'late', abstract: 'Zyzzogeton larvae and nothing else of note.' };
      const text = bigImport(
        1,
        9000,
        new Map([
          [5, first],
          [8500, again],
        ]),
      );
      expect(text.length).toBeGreaterThan(PARALLEL_INDEX_MIN_BYTES);
      // The window searches the empty library first: FTS5 has its (empty) index's structure cached.
      expect(library.list({ query: 'kelp', sort: 'relevance', offset: 0, limit: 5, snippets: true }).total).toBe(0);
      const before = { ...indexBuildStats };
      const { report } = importStreaming(library, [{ name: 'big.json', text }]);
      expect(report.added).toBe(9001);
      expect(report.merged).toBe(1);
      expect(indexBuildStats.copied).toBe(before.copied + 1);
      expect(scratchFiles(file)).toEqual([]);
      expectIndexesInStep(library, 'after the import');
      const kelp = ids(library, 'zyzzogeton');
      expect(kelp).toHaveLength(1);
      expect(ids(library, 'kelp')).toEqual(kelp);
      for (const word of ['forests', '17', '4321', '8999']) {
        expect(ids(library, word), word).toEqual(scanned(library, word));
      }
      for (const word of [VOCAB[3]!, VOCAB[VOCAB.length - 1]!]) {
        const { total } = library.list({ query: word, sort: 'added', offset: 0, limit: 1, snippets: false });
        expect(total, word).toBeGreaterThan(100);
      }

      // The same connection, after the copy: a new paper, an edit and a delete go into the index it copied.
      const added = library.importText(
        'one.json',
        JSON.stringify([
          {
            ...first,
            id: 'n',
            DOI: undefined,
            title: 'Quillwort survey',
            author: [{ family: 'Okafor', given: 'Ada' }],
            issued: { 'date-parts': [[2024]] },
          },
        ]),
      );
      expect(ids(library, 'quillwort')).toEqual(added.paperIds);
      library.update(kelp[0]!, { title: 'Wrack lines of the south' });
      expect(ids(library, 'kelp')).toEqual([]);
      expect(ids(library, 'wrack')).toEqual(kelp);
      const gone = ids(library, '4321');
      expect(gone).toHaveLength(1);
      library.delete(gone);
      expect(ids(library, '4321')).toEqual([]);
      expect(ids(library, 'forests')).toEqual(scanned(library, 'forests'));
      expectIndexesInStep(library, 'after later changes');
    } finally {
      library.close();
    }
  });

  it('is not used when the library has papers already, which are indexed the ordinary way', () => {
    const { library } = tempLibrary();
    try {
      library.importText('first.json', bigImport(2, 3));
      const before = { ...indexBuildStats };
      importStreaming(library, [{ name: 'big.json', text: bigImport(3, 9000) }]);
      expect(indexBuildStats.copied).toBe(before.copied);
      expect(indexBuildStats.started).toBe(before.started);
      expectIndexesInStep(library, 'after the second import');
    } finally {
      library.close();
    }
  });

  it('removes, when the library is opened, the scratch file of an import whose process is gone, and only that', () => {
    const { library, file } = tempLibrary();
    library.close();
    // Process ids above the kernel's maximum (4,194,304 on Linux) are never running.
    const dead = `${scratchPrefix(file)}.99999999.1`;
    const alive = `${scratchPrefix(file)}.${process.pid}.7`;
    fs.writeFileSync(dead, 'left by a killed import');
    fs.writeFileSync(alive, 'an import of this process, still going');
    const again = openLibrary({ path: file });
    try {
      expect(scratchFiles(file)).toEqual([alive]);
    } finally {
      again.close();
      fs.rmSync(alive);
    }
  });

  it('leaves nothing behind when cancelled, and clears a scratch file a killed import left', () => {
    const { library, file } = tempLibrary();
    try {
      fs.writeFileSync(`${scratchPrefix(file)}.123.1`, 'left by an import that was killed');
      expect(scratchFiles(file)).toHaveLength(1);
      let asked = 0;
      expect(() =>
        importStreaming(library, [{ name: 'big.json', text: bigImport(4, 9000) }], {
          cancelled: () => ++asked > 100,
        }),
      ).toThrow(ImportCancelled);
      expect(asked).toBeGreaterThan(100);
      expect(scratchFiles(file)).toEqual([]);
      expect(library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0);
      expectIndexesInStep(library, 'after the cancel');
      const before = { ...indexBuildStats };
      const { report } = importStreaming(library, [{ name: 'big.json', text: bigImport(4, 9000) }]);
      expect(report.added).toBe(9000);
      expect(indexBuildStats.copied).toBe(before.copied + 1);
      expectIndexesInStep(library, 'after the import');
    } finally {
      library.close();
    }
  });
});
