/**
 * The annotation index (migration 004): tags and notes have their own FTS5 index, `notes_fts`, apart from the papers'
 * own text in `papers_fts`, and searching means what it meant with one index. Every listing plan (count, relevance,
 * newest first, any other order) is compared with a brute-force evaluation in JavaScript of the parsed query over
 * the papers' text, on random libraries and random queries; random tag and note edits, undo and redo, merges and
 * deletes must keep both indexes exactly in step (FTS5's own integrity-check, and `notes_fts` holding exactly the
 * annotated papers); and a version-3 library upgraded on open finds exactly what it found before.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../electron/library';
import { migrations } from '../../electron/library/db/migrations';
import { compileUserQuery } from '../../electron/library/search/list';
import { importStreaming } from '../../electron/library/jobs/import-stream';
import { DEFERRED_INDEX_MIN_BYTES, withDeferredIndex } from '../../electron/library/import/deferred-index';
import { insertPaper, writePaper } from '../../electron/library/papers';
import { importDrafts } from './duplicates-helpers';
import { tempDir, tempLibrary } from './helpers';
import {
  VOCAB,
  rng,
  pick,
  words,
  cslPapers,
  bruteForce,
  randomQuery,
  listAll,
  expectIndexesInStep,
  expectSameAsBruteForce,
} from './annotation-helpers';

describe('search across the paper text and the annotations', () => {
  let library: Library;
  let ids: number[];

  beforeAll(() => {
    library = tempLibrary().library;
    const paper = (id: string, title: string, abstract: string) => ({
      id,
      type: 'article-journal',
      title,
      abstract,
      author: [{ family: 'Okafor', given: 'Ada' }],
      issued: { 'date-parts': [[2024]] },
    });
    ids = library.importText(
      'papers.json',
      JSON.stringify([
        paper('a', 'Sparse attention kernels', 'We study kernels.'),
        paper('b', 'Graph networks', 'Message passing on graphs.'),
        paper('c', 'Protein folding', 'Attention to residues helps.'),
        paper('d', 'Attention is what you need', 'Transformers.'),
      ]),
    ).paperIds;
    library.tag([ids[1]!], ['quokka'], []);
    library.setNote(ids[2]!, 'Reread the wombat section.');
    library.tag([ids[0]!], ['graphs'], []);
  });
  afterAll(() => library.close());

  const found = (query: string) => {
    const page = library.list({ query, sort: 'relevance', offset: 0, limit: 50, snippets: true });
    expect(page.total, query).toBe(page.rows.length);
    return page.rows.map((r) => r.id);
  };

  it('finds a paper by a word only in a tag, or only in its note', () => {
    expect(found('quokka')).toEqual([ids[1]]);
    expect(found('wombat')).toEqual([ids[2]]);
    expect(found('wom*')).toEqual([ids[2]]);
  });

  it('finds a paper with one word in its title and the other in a tag', () => {
    expect(found('sparse graphs')).toEqual([ids[0]]);
    expect(found('graph quokka')).toEqual([ids[1]]);
    expect(found('protein wombat')).toEqual([ids[2]]);
    expect(found('protein quokka')).toEqual([]);
  });

  it('keeps note: to the note and title: to the title', () => {
    expect(found('note:wombat')).toEqual([ids[2]]);
    expect(found('note:protein')).toEqual([]);
    expect(found('title:quokka')).toEqual([]);
    expect(found('title:graph')).toEqual([ids[1]]);
    expect(found('title:sparse note:wombat')).toEqual([]);
  });

  it('excludes and ORs across both indexes', () => {
    expect(new Set(found('graph*'))).toEqual(new Set([ids[0], ids[1]]));
    expect(found('graph* -quokka')).toEqual([ids[0]]);
    expect(new Set(found('quokka OR wombat'))).toEqual(new Set([ids[1], ids[2]]));
    expect(found('attention -wombat').sort()).toEqual([ids[0]!, ids[3]!].sort());
  });

  it('ranks a title match above an abstract match, and shows a snippet from the note when only it matches', () => {
    const rows = library.list({ query: 'attention', sort: 'relevance', offset: 0, limit: 10, snippets: true }).rows;
    expect(rows.map((r) => r.id).indexOf(ids[2]!)).toBe(2);
    const wombat = library.list({ query: 'wombat', sort: 'relevance', offset: 0, limit: 10, snippets: true }).rows[0]!;
    expect(wombat.snippet).toContain('wombat');
    expect(wombat.score).not.toBeNull();
  });
});

describe('random queries over a random library', () => {
  let library: Library;

  beforeAll(() => {
    const random = rng(20260601);
    library = tempLibrary().library;
    const ids = library.importText('random.json', cslPapers(random, 120)).paperIds;
    for (const id of ids) {
      if (random() < 0.2) library.tag([id], words(random, 1 + Math.floor(random() * 3)), []);
      if (random() < 0.15) library.setNote(id, words(random, 3 + Math.floor(random() * 6)).join(' '));
      if (random() < 0.2) library.setStatus([id], 'to-read');
      if (random() < 0.1) library.setStarred([id], true);
    }
  });
  afterAll(() => library.close());

  it('lists and counts exactly the papers the query means, in every plan', () => {
    const random = rng(7);
    let throughAnnotations = 0;
    // Four or more words that can be in an annotation take the per-term check instead of the pieces.
    const many = ['alpha bravo delta golf', 'alpha bravo delta golf hotel', 'ki* lima note:oscar tango zulu'];
    for (let i = 0; i < 300 + many.length; i++) {
      const query = i < many.length ? many[i]! : randomQuery(random);
      const expected = bruteForce(library, query);
      const pure = compileUserQuery(query).pureText;
      if (pure?.pAll) {
        const own = library.db
          .prepare('SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?')
          .pluck()
          .get(pure.pAll);
        if (expected.length > (own as number)) throughAnnotations++;
      }
      for (const sort of ['relevance', 'added', 'title'] as const) {
        const { ids, total } = listAll(library, query, sort);
        expect(total, `${query} (${sort}) count`).toBe(expected.length);
        expect(
          [...ids].sort((a, b) => a - b),
          `${query} (${sort})`,
        ).toEqual(expected);
      }
      // The first hits while typing, newest first, are the newest of exactly those papers.
      const newest = library.list({ query, sort: 'added', direction: 'desc', offset: 0, limit: 7, snippets: false });
      expect(
        newest.rows.map((r) => r.id),
        `${query} newest`,
      ).toEqual([...expected].sort((a, b) => b - a).slice(0, 7));
    }
    // The random queries do reach the papers only their annotations match.
    expect(throughAnnotations).toBeGreaterThan(20);
  });

  it('keeps both indexes in step through random tag and note edits, undo, redo, merges and deletes', () => {
    const random = rng(99);
    const alive = () => library.db.prepare('SELECT id FROM papers').pluck().all() as number[];
    for (let step = 0; step < 150; step++) {
      const some = alive().filter(() => random() < 0.1);
      const one = pick(random, alive());
      const r = random();
      if (r < 0.2) library.tag(some, words(random, 1 + Math.floor(random() * 2)), []);
      else if (r < 0.3) library.tag(some, [], words(random, 2));
      else if (r < 0.45) library.setNote(one, random() < 0.3 ? '' : words(random, 4).join(' '));
      else if (r < 0.5) library.setNote(one, words(random, 2).join(' '), 'append');
      else if (r < 0.62) library.undo();
      else if (r < 0.7) library.redo();
      else if (r < 0.74) library.update(one, { title: words(random, 3).join(' ') });
      else if (r < 0.78 && some.length > 0) library.delete(some.slice(0, 2));
      else if (r < 0.82) {
        const tags = library.tags().map((t) => t.name);
        if (tags.length >= 2) library.mergeTags([tags[0]!], tags[1]!);
      } else if (r < 0.86) {
        const tags = library.tags().map((t) => t.name);
        if (tags.length > 0) library.renameTag(tags[0]!, `${pick(random, VOCAB)}${step}`);
      } else if (r < 0.9) {
        // The same paper again with a tag and a note: merged into the one already there.
        const paper = library.get(one);
        importDrafts(library, [
          {
            title: paper.title,
            authors: paper.authors,
            year: paper.year,
            date: paper.date,
            venue: paper.venue,
            abstract: paper.abstract,
            entryType: paper.entryType,
            arxiv: paper.arxiv,
            doi: paper.doi,
            url: paper.url,
            citekey: null,
            extra: {},
            tags: words(random, 1),
            note: words(random, 3).join(' '),
          },
        ]);
      } else if (r < 0.94)
        library.deleteTag(
          pick(
            random,
            library
              .tags()
              .map((t) => t.name)
              .concat(['none']),
          ),
        );
      else library.importText(`more${step}.json`, cslPapers(random, 3));
      if (step % 10 === 9) expectIndexesInStep(library, `after step ${step}`);
    }
    expectIndexesInStep(library, 'at the end');
    const queryRandom = rng(3);
    for (let i = 0; i < 60; i++) {
      expectSameAsBruteForce(library, randomQuery(queryRandom));
    }
  });

  it('finds a check --repair fixes an annotation index out of step', () => {
    const annotated = library.db.prepare("SELECT id FROM papers WHERE tags_text <> '' LIMIT 1").pluck().get() as number;
    library.db
      .prepare(
        "INSERT INTO notes_fts(notes_fts, rowid, tags, note) SELECT 'delete', id, tags_text, note FROM papers WHERE id = ?",
      )
      .run(annotated);
    const report = library.check();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/tag and note index/);
    expect(library.check({ repair: true }).ok).toBe(true);
    expectIndexesInStep(library, 'after repair');
  });
});

describe('upgrading a version-3 library', () => {
  it('builds the annotation index on open and finds exactly what the single index found', () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite');
    const random = rng(42);
    // A version-3 library as the older Lectern left it: one index over all five fields.
    const old = new Database(file);
    for (const m of migrations.filter((m) => m.version <= 3)) old.exec(m.up);
    old.pragma('user_version = 3');
    const insert = old.prepare(
      `INSERT INTO papers (title, title_key, authors_text, abstract, added_at, updated_at, status_changed_at, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const tagId = old.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING');
    const tagOf = old.prepare('SELECT id FROM tags WHERE name = ?').pluck();
    const paperTag = old.prepare('INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) VALUES (?, ?)');
    old.transaction(() => {
      for (let i = 0; i < 200; i++) {
        const at = new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
        const title = words(random, 3).join(' ');
        const id = Number(
          insert.run(
            title,
            title,
            words(random, 2).join(' '),
            words(random, 10).join(' '),
            at,
            at,
            at,
            random() < 0.2 ? words(random, 4).join(' ') : '',
          ).lastInsertRowid,
        );
        if (random() < 0.3) {
          for (const t of words(random, 2)) {
            tagId.run(t);
            paperTag.run(id, tagOf.get(t));
          }
        }
      }
    })();
    const queries = ['alpha', 'alpha bravo', 'note:golf', 'title:tango', '"kilo zulu"', 'ro*', 'papa note:lima'];
    const expressions = [
      '"alpha"',
      '"alpha" AND "bravo"',
      'note : "golf"',
      'title : "tango"',
      '"kilo zulu"',
      '"ro"*',
      '"papa" AND note : "lima"',
    ];
    const before = expressions.map(
      (e) =>
        old.prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid').pluck().all(e) as number[],
    );
    old.close();

    const library = openLibrary({ path: file });
    try {
      expect(library.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
      expectIndexesInStep(library, 'after the upgrade');
      queries.forEach((query, i) => {
        expect(before[i]!.length, query).toBeGreaterThan(0);
        for (const sort of ['relevance', 'added', 'year'] as const) {
          const { ids, total } = listAll(library, query, sort);
          expect(total, query).toBe(before[i]!.length);
          expect(
            [...ids].sort((a, b) => a - b),
            `${query} (${sort})`,
          ).toEqual(before[i]);
        }
      });
    } finally {
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a big import fills both indexes at the end', () => {
  it('keeps updates to papers that were there in step, and indexes one inserted again under its old id', () => {
    const { library } = tempLibrary();
    try {
      const random = rng(9);
      const ids = library.importText('first.json', cslPapers(random, 6)).paperIds;
      library.tag([ids[0]!, ids[1]!], ['earlier'], []);
      const gone = library.get(ids[2]!);
      const edited = library.get(ids[0]!);
      library.delete([gone.id]);
      const db = library.db;
      db.transaction(() =>
        withDeferredIndex(db, DEFERRED_INDEX_MIN_BYTES, () => {
          // What a merge does to a paper that was there, and (never done by an import, but possible) a paper put
          // back with its old id, beside new papers.
          writePaper(db, { ...edited, title: 'Quixotic merged title', note: 'kelp', tags: ['later'] });
          writePaper(db, { ...gone, title: 'Zanzibar returns' });
          for (let i = 0; i < 30; i++) {
            const draft = {
              ...gone,
              title: `Fresh paper ${i} about yonder`,
              arxiv: null,
              doi: null,
              tags: [],
              note: '',
            };
            insertPaper(db, draft, 'x', library.now());
          }
        }),
      )();
      expectIndexesInStep(library, 'after the deferred import');
      const total = (query: string) =>
        library.list({ query, sort: 'relevance', offset: 0, limit: 50, snippets: false }).total;
      expect(total('zanzibar')).toBe(1);
      expect(total('quixotic')).toBe(1);
      expect(total('yonder')).toBe(30);
      expect(total('tag:later note:kelp')).toBe(1);
    } finally {
      library.close();
    }
  });

  it('indexes the imported tags apart, only for the papers that have them', () => {
    const { library } = tempLibrary();
    try {
      const random = rng(5);
      library.tag(library.importText('first.json', cslPapers(random, 5)).paperIds.slice(0, 2), ['earlier'], []);
      // Enough text that the import sets the triggers aside and indexes everything at once.
      const text = cslPapers(random, 2600, 150);
      expect(text.length).toBeGreaterThan(DEFERRED_INDEX_MIN_BYTES);
      const { report } = importStreaming(library, [{ name: 'big.json', text }]);
      expect(report.added).toBeGreaterThan(2000);
      expectIndexesInStep(library, 'after the import');
      const triggers = library.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%' ORDER BY name")
        .pluck()
        .all();
      expect(triggers).toEqual([
        'notes_fts_ad',
        'notes_fts_ai',
        'notes_fts_au',
        'papers_fts_ad',
        'papers_fts_ai',
        'papers_fts_au',
      ]);
      for (const query of ['earlier', 'alpha', 'tango golf', 'note:alpha']) expectSameAsBruteForce(library, query);
      // The triggers are back: an edit after the import is indexed.
      const last = library.db.prepare('SELECT max(id) FROM papers').pluck().get() as number;
      library.setNote(last, 'zzyzx');
      expect(library.list({ query: 'zzyzx', sort: 'relevance', offset: 0, limit: 5, snippets: false }).total).toBe(1);
      library.undo();
      expectIndexesInStep(library, 'after undoing a note');
    } finally {
      library.close();
    }
  });
});
