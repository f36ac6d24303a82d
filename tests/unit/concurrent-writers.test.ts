import { spawn } from 'node:child_process';
import path from 'node:path';
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
