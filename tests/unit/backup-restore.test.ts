import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRouter, openLibrary } from '../../electron/library';
import { backupLibrary, backupProblem, backupsFolder, KEEP_BACKUPS, listBackups } from '../../electron/library/backup';
import { restoreLibrary } from '../../electron/library/restore';
import { LATEST_VERSION, migrations } from '../../electron/library/db/migrations';
import { ROOT, tempDir, TRENDING } from './helpers';

const BIN = path.join(ROOT, 'bin/lectern.mjs');

function lectern(lib: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--library', lib], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function freshLibrary(): { dir: string; file: string } {
  const dir = tempDir('lectern-backup-');
  const file = path.join(dir, 'library.sqlite');
  const lib = openLibrary({ path: file });
  lib.importFile(TRENDING);
  lib.close();
  return { dir, file };
}

/** Renames a backup as if it had been taken `days` ago. */
function age(file: string, days: number): void {
  const at = new Date(Date.now() - days * 86_400_000).toISOString().replace(/[:.]/g, '-');
  fs.renameSync(file, path.join(path.dirname(file), `library-${at}.sqlite`));
}

describe('automatic backups', () => {
  it('backs up an existing library on open once a day, with SQLite, keeping the newest ten', () => {
    const { file } = freshLibrary();
    // The very first open created the library: nothing to back up yet.
    expect(listBackups(file)).toHaveLength(0);
    openLibrary({ path: file }).close();
    const first = listBackups(file);
    expect(first).toHaveLength(1);
    expect(backupProblem(first[0]!.file, true)).toBeNull();
    const copy = new Database(first[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM papers').get()).toEqual({ n: 84 });
    copy.close();
    openLibrary({ path: file }).close();
    expect(listBackups(file)).toHaveLength(1);

    age(first[0]!.file, 2);
    openLibrary({ path: file }).close();
    expect(listBackups(file)).toHaveLength(2);

    for (let i = 0; i < KEEP_BACKUPS + 3; i++) {
      age(listBackups(file)[0]!.file, 3 + i);
      openLibrary({ path: file }).close();
    }
    const kept = listBackups(file);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(Date.now() - Date.parse(kept[0]!.at)).toBeLessThan(86_400_000);
  });

  it('backs up before every migration, and the backup holds the schema as it was', () => {
    const older = migrations.filter((m) => m.version < LATEST_VERSION);
    expect(older.length).toBeGreaterThan(0);
    const dir = tempDir('lectern-migrate-');
    const file = path.join(dir, 'library.sqlite');
    const db = new Database(file);
    for (const m of older) db.exec(m.up);
    db.pragma(`user_version = ${LATEST_VERSION - 1}`);
    db.close();
    const lib = openLibrary({ path: file });
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    lib.close();
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    const before = new Database(backups[0]!.file, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1);
    before.close();
  });

  it('clears scratch files an interrupted backup left behind, and only old ones', () => {
    const { file } = freshLibrary();
    openLibrary({ path: file }).close();
    const dir = backupsFolder(file);
    const stale = path.join(dir, 'library-2026-01-01T00-00-00-000Z.sqlite.partial-0123456789ab');
    const fresh = path.join(dir, 'library-2026-01-01T00-00-00-000Z.sqlite.partial-ba9876543210');
    const foreign = path.join(dir, 'notes.txt.partial-0123456789ab');
    for (const f of [stale, fresh, foreign]) fs.writeFileSync(f, 'half a backup');
    const old = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(stale, old, old);
    fs.utimesSync(foreign, old, old);
    age(listBackups(file)[0]!.file, 2);
    openLibrary({ path: file }).close();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(foreign)).toBe(true);
  });

  it('never writes through a backups folder that is a link to somewhere else', () => {
    const { dir, file } = freshLibrary();
    const elsewhere = tempDir('lectern-elsewhere-');
    fs.symlinkSync(elsewhere, backupsFolder(file));
    openLibrary({ path: file }).close();
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    const r = lectern(file, 'backup');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a folder/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['backups', 'library.sqlite']);
  });
});

describe('lectern backup and restore', () => {
  it('restores a library exactly as it was after changes, keeping the changed one as a backup', () => {
    const { dir, file } = freshLibrary();
    expect(lectern(file, 'status', '3', 'read').code).toBe(0);
    expect(lectern(file, 'tag', '3', '5', '+survey').code).toBe(0);
    const before = lectern(file, 'list', '--json');
    expect(before.code).toBe(0);
    const out = path.join(dir, 'before.sqlite');
    const made = lectern(file, 'backup', '--out', out, '--json');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ file: out });

    expect(lectern(file, 'note', '3', '--set', 'changed after the backup').code).toBe(0);
    expect(lectern(file, 'tag', '7', '+later', '-survey').code).toBe(0);
    expect(lectern(file, 'star', '9').code).toBe(0);
    expect(lectern(file, 'import', path.join(ROOT, 'package.json')).code).toBe(1);
    const changed = lectern(file, 'list', '--json').stdout;
    expect(changed).not.toBe(before.stdout);

    const restored = lectern(file, 'restore', out, '--json');
    expect(restored.code).toBe(0);
    const result = JSON.parse(restored.stdout) as { restoredFrom: string; keptCurrentAs: string };
    expect(result.restoredFrom).toBe(out);
    expect(lectern(file, 'list', '--json').stdout).toBe(before.stdout);
    expect(lectern(file, 'check').code).toBe(0);
    // The library as it was before the restore is one restore away.
    expect(lectern(file, 'restore', result.keptCurrentAs).code).toBe(0);
    expect(lectern(file, 'list', '--json').stdout).toBe(changed);
  });

  it('refuses files that are not sound Lectern libraries, changing nothing', async () => {
    const { dir, file } = freshLibrary();
    const listed = lectern(file, 'list', '--json').stdout;
    const cases: [string, (f: string) => void, RegExp][] = [
      ['missing.sqlite', () => undefined, /no such backup/],
      ['text.sqlite', (f) => fs.writeFileSync(f, 'not a database at all\n'.repeat(100)), /cannot be restored/],
      ['other.sqlite', (f) => new Database(f).exec('CREATE TABLE t (x)').close(), /not a Lectern library/],
      [
        'future.sqlite',
        (f) => {
          fs.copyFileSync(file, f);
          const db = new Database(f);
          db.pragma(`user_version = ${LATEST_VERSION + 1}`);
          db.close();
        },
        /newer Lectern/,
      ],
    ];
    for (const [name, make, message] of cases) {
      const candidate = path.join(dir, name);
      make(candidate);
      await expect(restoreLibrary(file, candidate), name).rejects.toThrow(message);
    }
    // The CLI says it in one line, exit 1.
    const r = lectern(file, 'restore', path.join(dir, 'future.sqlite'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer Lectern/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(lectern(file, 'list', '--json').stdout).toBe(listed);
  });

  it('never overwrites an existing file or writes through a link with --out', async () => {
    const { dir, file } = freshLibrary();
    const target = path.join(tempDir('lectern-target-'), 'precious.txt');
    fs.writeFileSync(target, 'keep me');
    const link = path.join(dir, 'backup.sqlite');
    fs.symlinkSync(target, link);
    const lib = openLibrary({ path: file });
    for (const out of [target, link, file]) {
      await expect(backupLibrary(lib.db, file, out), out).rejects.toThrow(/already exists|library itself/);
    }
    lib.close();
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    // `..` in the chosen name lands exactly where the name says, and nowhere else.
    const sub = path.join(dir, 'sub');
    fs.mkdirSync(sub);
    expect(lectern(file, 'backup', '--out', path.join(sub, '..', 'up.sqlite')).code).toBe(0);
    expect(fs.readdirSync(sub)).toEqual([]);
    expect(backupProblem(path.join(dir, 'up.sqlite'), true)).toBeNull();
  });
});

describe('backup and restore through the contract (the window)', () => {
  it('backs up, lists and restores by name while the library stays open', async () => {
    const { file } = freshLibrary();
    const lib = openLibrary({ path: file });
    const router = createRouter(lib);
    const events: string[][] = [];
    lib.onEvent((_e, payload) => events.push([...(payload as { tables: string[] }).tables]));
    const made = await router.call('library.backup', {});
    expect(made.ok).toBe(true);
    const name = made.ok ? made.value.name : '';
    const listed = await router.call('library.backups', {});
    expect(listed.ok && listed.value.map((b) => b.name)).toContain(name);
    const before = lib.list({ query: '', sort: 'added', offset: 0, limit: 1000, snippets: false });
    lib.delete([1, 2, 3]);
    lib.setNote(4, 'after');
    const restored = await router.call('library.restore', { name });
    expect(restored).toMatchObject({ ok: true, value: { restoredFrom: name } });
    // The same open connection sees the restored library.
    expect(lib.list({ query: '', sort: 'added', offset: 0, limit: 1000, snippets: false })).toEqual(before);
    expect(lib.check().ok).toBe(true);
    expect(events.at(-1)).toContain('papers');
    for (const bad of ['../library.sqlite', file, 'library-nope.sqlite']) {
      const r = await router.call('library.restore', { name: bad });
      expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    lib.close();
  });

  it('restores over a library that is missing', async () => {
    const { dir, file } = freshLibrary();
    const out = path.join(dir, 'copy.sqlite');
    const lib = openLibrary({ path: file });
    await createRouter(lib).call('library.backup', {});
    lib.close();
    const backup = listBackups(file)[0]!.file;
    fs.copyFileSync(backup, out);
    const other = path.join(tempDir('lectern-new-'), 'library.sqlite');
    expect(await restoreLibrary(other, out)).toEqual({ restoredFrom: out, keptCurrentAs: null });
    const restored = openLibrary({ path: other });
    expect(restored.counts().all).toBe(84);
    restored.close();
  });
});
