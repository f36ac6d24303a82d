/**
 * A full disk and a read-only library folder: a clear error, and the library exactly as it was.
 * The suite may run as root (CI does), where permission bits do not stop writes. What each case could use here is
 * decided at run time and printed: a real tiny tmpfs (needs mount rights), the immutable attribute (chattr, root on
 * ext4), permission bits (non-root), and always SQLite's own page limit (`max_page_count`) for a full disk.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryError, openLibrary } from '../../electron/library';
import { generatedPage } from '../safety/crash';
import { sha256 } from '../safety/damage';
import { ROOT, tempDir, TRENDING } from './helpers';

const BIN = path.join(ROOT, 'bin/lectern.mjs');
const isRoot = process.getuid?.() === 0;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function lectern(lib: string, args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args, '--library', lib], { encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tryRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A tiny filesystem of its own, if this machine lets us mount one. */
function tinyDisk(bytes: number): string | null {
  const dir = tempDir('lectern-tiny-');
  if (!tryRun('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir])) return null;
  cleanups.push(() => tryRun('umount', [dir]));
  return dir;
}

/** Makes `paths` unwritable by the means this machine offers; returns the name of the means. */
function makeReadOnly(paths: string[]): string | null {
  if (!isRoot) {
    for (const p of paths) fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o555 : 0o444);
    cleanups.push(() => paths.forEach((p) => fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644)));
    return 'permission bits';
  }
  if (paths.every((p) => tryRun('chattr', ['+i', p]))) {
    cleanups.push(() => paths.forEach((p) => tryRun('chattr', ['-i', p])));
    return 'immutable attribute (chattr +i)';
  }
  paths.forEach((p) => tryRun('chattr', ['-i', p]));
  return null;
}

function trendingLibrary(dir: string): string {
  const file = path.join(dir, 'library.sqlite');
  const lib = openLibrary({ path: file });
  lib.importFile(TRENDING);
  lib.close();
  return file;
}

describe('a full disk', () => {
  it("stops an import with a clear error and leaves the library as it was (SQLite's page limit)", () => {
    const file = trendingLibrary(tempDir('lectern-full-'));
    const lib = openLibrary({ path: file });
    const before = lib.list({ query: '', sort: 'added', offset: 0, limit: 1000, snippets: false });
    const pages = lib.db.pragma('page_count', { simple: true }) as number;
    lib.db.pragma(`max_page_count = ${pages + 2}`);
    let error: unknown;
    try {
      lib.importText('big.txt', generatedPage(2000, 'Overflow'));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as Error).message).toMatch(/disk is full.*library is as it was/);
    expect(lib.list({ query: '', sort: 'added', offset: 0, limit: 1000, snippets: false })).toEqual(before);
    expect(lib.check()).toEqual({ ok: true, problems: [] });
    lib.close();
  });

  it('on a real tiny disk: the CLI says the disk is full, the library still passes check with every paper', () => {
    const disk = tinyDisk(4 * 1024 * 1024);
    console.info('full disk on a real filesystem:', disk ? 'tmpfs of 4 MiB' : 'not possible here (no mount rights)');
    if (!disk) return;
    const file = trendingLibrary(disk);
    const listed = lectern(file, ['list', '--json']).stdout;
    // Fill what is left of the disk.
    const filler = path.join(disk, 'filler');
    const fd = fs.openSync(filler, 'w');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(16 * 1024));
    } catch {
      // ENOSPC: the disk is full now.
    }
    fs.closeSync(fd);
    const r = lectern(file, ['import', '-'], generatedPage(3000, 'Overflow'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/disk is full|disk reported an error/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    fs.rmSync(filler);
    expect(lectern(file, ['list', '--json']).stdout).toBe(listed);
    expect(lectern(file, ['check']).code).toBe(0);
  });
});

describe('a read-only library', () => {
  it('refuses changes with a clear error and leaves the file untouched', () => {
    const dir = tempDir('lectern-ro-');
    const file = trendingLibrary(dir);
    const bytes = sha256(file);
    const means = makeReadOnly([file, dir]);
    console.info('read-only library made with:', means ?? 'nothing available here');
    if (!means) return;
    const r = lectern(file, ['tag', '1', '+x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/read-only/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(sha256(file)).toBe(bytes);
  });

  it('opened read-only (what works everywhere, root or not), refuses a change clearly', () => {
    const file = trendingLibrary(tempDir('lectern-roopen-'));
    const bytes = sha256(file);
    const lib = openLibrary({ path: file, readonly: true });
    expect(lib.counts().all).toBe(84);
    expect(() => lib.tag([1], ['x'], [])).toThrow(/read-only.*library is as it was/);
    lib.close();
    expect(sha256(file)).toBe(bytes);
  });

  it('with only the file read-only still lists, and refuses a change clearly', () => {
    const dir = tempDir('lectern-rofile-');
    const file = trendingLibrary(dir);
    const bytes = sha256(file);
    const means = makeReadOnly([file]);
    console.info('read-only file made with:', means ?? 'nothing available');
    if (!means) return;
    const listed = lectern(file, ['list', '--limit', '1']);
    expect(listed.code).toBe(0);
    const r = lectern(file, ['status', '1', 'read']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/read-only.*library is as it was/);
    expect(sha256(file)).toBe(bytes);
  });
});
