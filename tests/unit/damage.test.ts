import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/library';
import { listBackups } from '../../electron/library/backup';
import { checkLibraryFile } from '../../electron/library/check-file';
import { restoreLibrary } from '../../electron/library/restore';
import { dropIndexRows, overwriteRootPage, sha256, truncateTo } from '../safety/damage';
import { trendingLibrary, openError } from './damage-helpers';
import { ROOT, tempDir, TRENDING } from './helpers';

describe('a damaged library', () => {
  it('is refused on open, never written, named with its newest good backup, and restorable', async () => {
    const { dir, file } = trendingLibrary('lectern-damage-', true);
    overwriteRootPage(file, 'papers_title_hash');
    const bytes = sha256(file);
    const backup = listBackups(file)[0]!.file;
    const err = openError(file);
    expect(err.message).toMatch(/is damaged/);
    expect(err.message).toContain(`lectern restore "${backup}"`);
    expect(err.message).not.toContain('\n');
    expect(err.backup).toBe(backup);
    expect(sha256(file)).toBe(bytes);

    // The CLI says the same in one line, exit 1, and still does not touch the file.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/lectern.mjs'), 'list', '--library', file], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain('lectern restore');
    expect(sha256(file)).toBe(bytes);

    const report = checkLibraryFile(file, false);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/papers_title_hash|malformed/);
    expect(sha256(file)).toBe(bytes);

    const result = await restoreLibrary(file, backup);
    expect(result.keptCurrentAs).toMatch(/library-damaged-.*\.sqlite$/);
    expect(sha256(result.keptCurrentAs!)).toBe(bytes);
    const lib = openLibrary({ path: file });
    expect(lib.counts().all).toBe(84);
    expect(lib.get(2).note).toBe('read the appendix');
    lib.close();
    expect(fs.readdirSync(dir).filter((f) => /^library-damaged-.*\.sqlite$/.test(f))).toHaveLength(1);
  });

  it('with a damaged index is rebuilt by check --repair, every paper kept, the damaged file kept', () => {
    const { dir, file } = trendingLibrary('lectern-damage-', true);
    overwriteRootPage(file, 'papers_sort_title');
    const bytes = sha256(file);
    const report = checkLibraryFile(file, true);
    expect(report.problems.some((p) => p.startsWith('repaired: sqlite:'))).toBe(true);
    expect(report.ok).toBe(true);
    const kept = fs.readdirSync(dir).find((f) => /^library-damaged-.*\.sqlite$/.test(f));
    expect(kept && sha256(path.join(dir, kept))).toBe(bytes);
    expect(checkLibraryFile(file, false)).toEqual({ ok: true, problems: [] });
    const lib = openLibrary({ path: file });
    expect(lib.counts().all).toBe(84);
    expect(lib.tags()).toEqual([{ name: 'survey', count: 3 }]);
    expect(lib.list({ query: 'appendix', sort: 'relevance', offset: 0, limit: 10, snippets: false }).total).toBe(1);
    lib.close();
  });

  it('cut in half is refused, cannot be rebuilt, and says which backup to restore', () => {
    const { file } = trendingLibrary('lectern-damage-', true);
    truncateTo(file, 0.5);
    const bytes = sha256(file);
    const err = openError(file);
    expect(err.backup).toBe(listBackups(file)[0]!.file);
    expect(() => checkLibraryFile(file, true)).toThrow(/lectern restore/);
    expect(sha256(file)).toBe(bytes);
  });

  it('with papers missing from the search index opens, is found by check and repaired', () => {
    const { file } = trendingLibrary('lectern-damage-', true);
    dropIndexRows(file, [1, 2, 5]);
    const lib = openLibrary({ path: file });
    const before = lib.check();
    expect(before.ok).toBe(false);
    expect(before.problems.join('\n')).toMatch(/search index out of step/);
    const repaired = lib.check({ repair: true });
    expect(repaired.ok).toBe(true);
    expect(lib.check()).toEqual({ ok: true, problems: [] });
    expect(lib.list({ query: 'appendix', sort: 'relevance', offset: 0, limit: 10, snippets: false }).total).toBe(1);
    lib.close();
  });

  it('with a stale tag mirror and orphan undo records is found and repaired', () => {
    const { file } = trendingLibrary('lectern-damage-', true);
    const lib = openLibrary({ path: file });
    lib.db.pragma('foreign_keys = OFF');
    lib.db.prepare("UPDATE papers SET tags_text = 'ghost' WHERE id = 4").run();
    lib.db.prepare('INSERT INTO history_papers (history_id, paper_id, state) VALUES (999, 1, NULL)').run();
    const found = lib.check();
    expect(found.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/stale tag index/), expect.stringMatching(/orphan undo/)]),
    );
    expect(lib.check({ repair: true }).ok).toBe(true);
    expect(lib.list({ query: 'tag:ghost', sort: 'relevance', offset: 0, limit: 10, snippets: false }).total).toBe(0);
    lib.close();
  });

  it('is not what a crash mid-write leaves: a hot rollback journal is rolled back on open, the change is gone', async () => {
    const dir = tempDir('lectern-hot-');
    const file = path.join(dir, 'library.sqlite');
    const lib = openLibrary({ path: file });
    lib.importFile(TRENDING);
    lib.close();
    const old = new Database(file);
    old.pragma('journal_mode = DELETE');
    old.close();
    // A writer that is killed while its transaction is open, after it wrote into the file: a hot journal stays.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)});
         db.pragma('cache_size = 1'); db.exec('BEGIN IMMEDIATE');
         db.prepare("UPDATE papers SET note = ?").run('x'.repeat(5000));
         process.stdout.write('ready\\n'); setInterval(() => {}, 1000);`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => writer.stdout.on('data', () => resolve()));
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.on('exit', resolve));
    expect(fs.existsSync(`${file}-journal`)).toBe(true);
    const reopened = openLibrary({ path: file });
    expect(reopened.counts().all).toBe(84);
    expect(reopened.get(1).note).toBe('');
    expect(reopened.check()).toEqual({ ok: true, problems: [] });
    reopened.close();
  });
});
