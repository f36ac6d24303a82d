import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRouter, openLibrary } from '../../electron/library';
import type { Result } from '../../shared/contract';
import type { Paper } from '../../shared/types';
import { generatedPage } from '../safety/crash';
import { ROOT, tempDir } from './helpers';

const WRITER = path.join(ROOT, 'tests/safety/writer.ts');
const BIN = path.join(ROOT, 'bin/lectern.mjs');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A child process; `opened` resolves when it says it has the library open (or when it ends). */
function run(args: string[], input = ''): { opened: Promise<void>; done: Promise<Finished> } {
  const child = spawn(process.execPath, args, { cwd: ROOT });
  child.stdin.end(input);
  let stdout = '';
  let stderr = '';
  let signal: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (signal = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('opened')) signal();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.on('exit', (code) => {
      signal();
      resolve({ code, stdout: stdout.replace('opened\n', ''), stderr });
    }),
  );
  return { opened, done };
}

describe('several processes writing one library at once', () => {
  it('never fail with "database is locked" and lose no write', async () => {
    const dir = tempDir('lectern-concurrent-');
    const file = path.join(dir, 'library.sqlite');
    const window = openLibrary({ path: file });
    window.importText('seed.txt', generatedPage(20, 'Seed'));
    const router = createRouter(window);
    const writers = [2, 3, 4, 5];
    const edits = 60;
    const imported = 1500;
    const children = [
      ...writers.map((w) => run(['--import', 'tsx', WRITER, file, String(w), String(edits)])),
      // A big import holds the write lock for a while in the middle of it all.
      run([BIN, 'import', '-', '--library', file], generatedPage(imported, 'Imported')),
      run([BIN, 'tag', '6', '7', '8', '+from-cli', '--library', file]),
    ];
    // The window writes too, through the contract, from when the first writer is in until the last one is done.
    await Promise.race(children.slice(0, writers.length).map((c) => c.opened));
    let running = true;
    const results = Promise.all(children.map((c) => c.done)).then((r) => {
      running = false;
      return r;
    });
    const windowResults: Result<Paper>[] = [];
    while (running && windowResults.length < 500) {
      const i: number = windowResults.length;
      windowResults.push(await router.call('papers.setNote', { id: 9, note: `window:${i}`, mode: 'append' }));
      // Let the children's exit events in between writes.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const finished = await results;
    for (const r of finished) expect(r.stderr).not.toMatch(/locked|busy/i);
    for (const r of finished) expect(r.code, r.stderr).toBe(0);
    expect(windowResults.filter((r) => !r.ok)).toEqual([]);
    for (const line of finished.slice(0, writers.length)) {
      expect(JSON.parse(line.stdout)).toMatchObject({ done: edits, errors: [] });
    }
    for (const w of writers) {
      const expected = Array.from({ length: edits }, (_, i) => `w${w}:${i}`).join('\n\n');
      expect(window.get(w).note).toBe(expected);
    }
    const windowLines = Array.from({ length: windowResults.length }, (_, i) => `window:${i}`);
    expect(window.get(9).note).toBe(windowLines.join('\n\n'));
    expect(window.counts().all).toBe(20 + imported);
    expect(window.tags()).toEqual([{ name: 'from-cli', count: 3 }]);
    console.info('concurrent writes', { writers: writers.length * edits, window: windowResults.length });
    expect(window.check()).toEqual({ ok: true, problems: [] });
    window.close();
  }, 180_000);
});

describe('a long write by someone else never makes an ordinary change fail', () => {
  it('the window (router) waits out a write lock held far longer than its busy timeout, without blocking', async () => {
    const dir = tempDir('lectern-busy-');
    const file = path.join(dir, 'library.sqlite');
    const window = openLibrary({ path: file });
    try {
      window.importText('seed.txt', generatedPage(5, 'Seed'));
      window.setBusyTimeout(20);
      // Another process's long import: a connection holding the write lock for 1.5 s (75 busy timeouts).
      const other = new Database(file);
      other.prepare('BEGIN IMMEDIATE').run();
      other.prepare("UPDATE papers SET venue = 'held' WHERE id = 1").run();
      let released = false;
      setTimeout(() => {
        other.prepare('COMMIT').run();
        other.close();
        released = true;
      }, 1500);
      const router = createRouter(window);
      // The event loop stays free meanwhile: a timer fires while the change is waiting.
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 50);
      const result = await router.call('papers.setStatus', { ids: [2], status: 'read' });
      clearInterval(ticker);
      expect(result.ok).toBe(true);
      expect(released).toBe(true);
      expect(ticks).toBeGreaterThan(10);
      expect(window.get(2).status).toBe('read');
      expect(window.get(1).venue).toBe('held');
    } finally {
      window.close();
    }
  });

  it('a change made while the window imports is applied after the import instead of failing', async () => {
    const dir = tempDir('lectern-busy-');
    const file = path.join(dir, 'library.sqlite');
    const window = openLibrary({ path: file });
    try {
      window.importText('seed.txt', generatedPage(3, 'Seed'));
      window.setBusyTimeout(1);
      const router = createRouter(window);
      const importing = router.call('import.text', { name: 'big.txt', text: generatedPage(3000, 'Big') });
      const change = router.call('papers.setStatus', { ids: [1], status: 'reading' });
      const [imported, changed] = await Promise.all([importing, change]);
      expect(imported.ok && imported.value.added).toBe(3000);
      expect(changed.ok).toBe(true);
      expect(window.get(1).status).toBe('reading');
      // Applied after the import landed: the newest history entry is the status change.
      expect(window.history(2).map((h) => h.label)).toEqual([
        'Set status to reading',
        expect.stringMatching(/^Import/),
      ]);
    } finally {
      window.close();
    }
  });

  it('the CLI waits for a write lock held longer than its 10 s busy timeout, says so, and then writes', async () => {
    const dir = tempDir('lectern-busy-');
    const file = path.join(dir, 'library.sqlite');
    const seed = openLibrary({ path: file });
    seed.importText('seed.txt', generatedPage(3, 'Seed'));
    seed.close();
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.prepare('BEGIN IMMEDIATE').run();
    holder.prepare("UPDATE papers SET venue = 'held' WHERE id = 1").run();
    const child = spawn(process.execPath, [BIN, 'status', '2', 'read', '--library', file], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Held until the CLI has given up once on its own 10 s busy timeout and says it is waiting.
    const since = Date.now();
    while (!stderr.includes('waiting') && Date.now() - since < 45_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stderr).toMatch(/another Lectern is writing the library .*waiting/);
    expect(Date.now() - since).toBeGreaterThan(9_000);
    holder.prepare('COMMIT').run();
    holder.close();
    expect(await exited).toBe(0);
    const after = openLibrary({ path: file });
    expect(after.get(2).status).toBe('read');
    expect(after.get(1).venue).toBe('held');
    after.close();
  }, 90_000);
});
