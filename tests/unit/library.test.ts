import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../electron/library';
import { LATEST_VERSION, migrations } from '../../electron/library/db/migrations';
import { tempDir, tempLibrary, TRENDING } from './helpers';

let open: Library[] = [];
function lib() {
  const t = tempLibrary();
  open.push(t.library);
  return t;
}
afterEach(() => {
  for (const l of open) l.close();
  open = [];
});

describe('database and migrations', () => {
  it('creates a fresh library at the latest schema, in WAL mode with foreign keys', () => {
    const { library } = lib();
    expect(library.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(library.counts().all).toBe(0);
  });

  it('applies every migration on a fresh database, each leaving a working schema', () => {
    for (const m of migrations) {
      const db = new Database(':memory:');
      for (const earlier of migrations.filter((x) => x.version <= m.version)) {
        db.exec(earlier.up);
        earlier.run?.(db);
      }
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'papers'").get()).toEqual({ n: 1 });
      db.close();
    }
  });

  it('refuses a database written by a newer Lectern and does not modify it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.exec('CREATE TABLE future_things (x)');
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openLibrary({ path: file })).toThrow(/newer Lectern/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an SQLite file that is not a Lectern library', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE customers (name)');
    db.close();
    expect(() => openLibrary({ path: file })).toThrow(/not a Lectern library/);
  });

  it('reopens an existing library without migrating again', () => {
    const { library, file } = lib();
    library.importFile(TRENDING);
    library.close();
    const again = openLibrary({ path: file });
    open.push(again);
    expect(again.counts().all).toBe(84);
  });
});

describe('status, star, tags and notes', () => {
  it('changes status with its time, stars, tags case-insensitively and notes', () => {
    const { library } = lib();
    const { paperIds } = library.importFile(TRENDING);
    const id = paperIds[11]!;
    const [p] = library.setStatus([id], 'to-read');
    expect(p!.status).toBe('to-read');
    expect(p!.statusChangedAt > p!.addedAt).toBe(true);
    library.tag([id], ['Survey', 'nas'], []);
    library.tag([paperIds[0]!], ['survey'], []);
    expect(library.tags()).toEqual([
      { name: 'nas', count: 1 },
      { name: 'Survey', count: 2 },
    ]);
    library.setStarred([id], true);
    library.setNote(id, 'Compare with **DARTS**.');
    library.setNote(id, 'Second thought.', 'append');
    const after = library.get(id);
    expect(after.starred).toBe(true);
    expect(after.tags).toEqual(['nas', 'Survey']);
    expect(after.note).toBe('Compare with **DARTS**.\n\nSecond thought.');
  });

  it('renames, merges and deletes tags, keeping search in step', () => {
    const { library } = lib();
    const { paperIds } = library.importFile(TRENDING);
    library.tag(paperIds.slice(0, 3), ['nas'], []);
    library.tag(paperIds.slice(2, 5), ['automl'], []);
    library.renameTag('nas', 'architecture-search');
    expect(
      library.list({ query: 'tag:architecture-search', sort: 'added', offset: 0, limit: 50, snippets: false }).total,
    ).toBe(3);
    expect(
      library.list({ query: 'architecture-search', sort: 'relevance', offset: 0, limit: 50, snippets: false }).total,
    ).toBeGreaterThanOrEqual(3);
    library.mergeTags(['automl'], 'architecture-search');
    expect(library.tags()).toEqual([{ name: 'architecture-search', count: 5 }]);
    library.deleteTag('architecture-search');
    expect(library.tags()).toEqual([]);
    expect(library.check().ok).toBe(true);
    library.undo();
    expect(library.tags()).toEqual([{ name: 'architecture-search', count: 5 }]);
  });

  it('reports unknown papers and tags as not found', () => {
    const { library } = lib();
    expect(() => library.get(999)).toThrow(/no paper with id 999/);
    expect(() => library.setStatus([999], 'read')).toThrow(/999/);
    expect(() => library.renameTag('nope', 'yes')).toThrow(/no tag named nope/);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes each kind of change, an import as one step', () => {
    const { library } = lib();
    library.importFile(TRENDING);
    const id = library.list({ query: '', sort: 'title', offset: 0, limit: 1, snippets: false }).rows[0]!.id;
    library.setStatus([id], 'reading');
    library.tag([id], ['x'], []);
    library.setStarred([id], true);
    library.setNote(id, 'hello');
    library.update(id, { title: 'Edited title', year: 2020 });
    expect(library.get(id)).toMatchObject({ title: 'Edited title', year: 2020, note: 'hello', starred: true });

    expect(library.undo()?.label).toBe('Edit paper');
    expect(library.get(id).title).not.toBe('Edited title');
    expect(library.undo()?.label).toBe('Edit note');
    expect(library.get(id).note).toBe('');
    library.undo();
    expect(library.get(id).starred).toBe(false);
    library.undo();
    expect(library.get(id).tags).toEqual([]);
    expect(library.tags()).toEqual([]);
    library.undo();
    expect(library.get(id).status).toBe('new');
    expect(library.undo()?.paperIds.length).toBe(84);
    expect(library.counts().all).toBe(0);
    expect(library.undo()).toBeNull();

    expect(library.redo()?.label).toMatch(/^Import/);
    expect(library.counts().all).toBe(84);
    expect(library.get(id).status).toBe('new');
    library.redo();
    library.redo();
    expect(library.get(id)).toMatchObject({ status: 'reading', tags: ['x'] });
    expect(library.check()).toEqual({ ok: true, problems: [] });
  });

  it('bulk status, star, tag and note changes remember only those fields, and undo/redo restore every paper exactly', () => {
    const { library } = lib();
    const { paperIds } = library.importFile(TRENDING);
    const all = () => paperIds.map((id) => library.get(id));
    const states: ReturnType<typeof all>[] = [all()];
    const some = paperIds.filter((_, i) => i % 3 !== 0);
    library.tag(paperIds.slice(0, 5), ['Keep'], []);
    states.push(all());
    library.setStatus(some, 'to-read');
    states.push(all());
    library.setStarred(paperIds.slice(10, 40), true);
    states.push(all());
    library.tag(some, ['later', 'keep'], []);
    states.push(all());
    library.setNote(paperIds[7]!, 'first thoughts');
    states.push(all());
    library.update(paperIds[7]!, { title: 'A retitled paper' });
    states.push(all());
    library.tag(paperIds.slice(0, 20), [], ['later']);
    states.push(all());

    // A partial snapshot holds a few fields, never the abstract: the whole history stays small.
    const stored = library.db
      .prepare('SELECT state FROM history_papers WHERE state LIKE \'{"$fields"%\'')
      .pluck()
      .all() as string[];
    expect(stored.length).toBeGreaterThan(some.length * 2);
    for (const s of stored) expect(s.length).toBeLessThan(200);

    for (let i = states.length - 1; i > 0; i--) {
      library.undo();
      expect(all()).toEqual(states[i - 1]);
    }
    for (let i = 1; i < states.length; i++) {
      library.redo();
      expect(all()).toEqual(states[i]);
    }
    expect(library.tags().map((t) => [t.name, t.count])).toEqual([
      ['Keep', some.length + paperIds.filter((_, i) => i % 3 === 0 && i < 5).length],
      ['later', some.filter((id) => !paperIds.slice(0, 20).includes(id)).length],
    ]);
    expect(library.check()).toEqual({ ok: true, problems: [] });
  });

  it('a new change after undo drops the redo stack', () => {
    const { library } = lib();
    const { paperIds } = library.importFile(TRENDING);
    library.setStatus([paperIds[0]!], 'read');
    library.undo();
    library.setStarred([paperIds[0]!], true);
    expect(library.redo()).toBeNull();
    expect(library.get(paperIds[0]!).status).toBe('new');
  });

  it('survives a restart', () => {
    const { library, file } = lib();
    const { paperIds } = library.importFile(TRENDING);
    library.setStatus([paperIds[3]!], 'skipped');
    library.close();
    const again = openLibrary({ path: file });
    open.push(again);
    expect(again.undo()?.label).toBe('Set status to skipped');
    expect(again.get(paperIds[3]!).status).toBe('new');
    expect(again.redo()?.label).toBe('Set status to skipped');
  });

  it('keeps at least the last 100 changes', () => {
    const { library } = lib();
    const { paperIds } = library.importFile(TRENDING);
    for (let i = 0; i < 120; i++) library.setStarred([paperIds[0]!], i % 2 === 0);
    let steps = 0;
    while (library.undo()) steps++;
    expect(steps).toBe(121);
    expect(library.counts().all).toBe(0);
  });
});
