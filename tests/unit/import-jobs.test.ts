import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContractEvents } from '../../shared/contract';
import { createRouter, openLibrary, type Library } from '../../electron/library';
import { importStreaming } from '../../electron/library/jobs/import-stream';
import { ROOT, tempLibrary, TRENDING } from './helpers';
import { bigTrendingText } from './big-input';

/** Everything a user could see of the library, to compare before and after a failed import. */
function snapshot(library: Library): string {
  const papers = library.db.prepare('SELECT * FROM papers ORDER BY id').all();
  const tags = library.db.prepare('SELECT * FROM paper_tags ORDER BY paper_id, tag_id').all();
  return JSON.stringify({ papers, tags, history: library.history(1000), counts: library.counts() });
}

describe('imports in a worker (the contract)', () => {
  it('imports through import.text in a worker, reporting progress and the change', async () => {
    const { library } = tempLibrary();
    const router = createRouter(library);
    const progress: ContractEvents['import:progress'][] = [];
    const changed: string[][] = [];
    library.onEvent((event, payload) => {
      if (event === 'import:progress') progress.push(payload as ContractEvents['import:progress']);
      if (event === 'library:changed') changed.push((payload as ContractEvents['library:changed']).tables);
    });
    const text = fs.readFileSync(TRENDING, 'utf8');
    const result = await router.call('import.text', { name: 'trending-page.txt', text });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ added: 84, merged: 0, skipped: 0, failed: 0 });
    expect(progress.at(-1)).toEqual({ name: 'trending-page.txt', done: 84, total: 84 });
    expect(changed).toHaveLength(1);
    // Written by the worker's own connection, read here through the window's.
    expect(library.counts().all).toBe(84);
    expect(library.history(5)[0]).toMatchObject({ label: 'Import trending-page.txt', papers: 84 });
    const again = await router.call('import.text', { name: 'trending-page.txt', text });
    expect(again.ok && again.value).toMatchObject({ added: 0, skipped: 84 });
    library.close();
  });

  it('runs imports one after the other when they come together', async () => {
    const { library } = tempLibrary();
    const router = createRouter(library);
    const text = fs.readFileSync(TRENDING, 'utf8');
    const [a, b] = await Promise.all([
      router.call('import.text', { name: 'first.txt', text }),
      router.call('import.text', { name: 'second.txt', text }),
    ]);
    expect(a.ok && a.value).toMatchObject({ added: 84 });
    expect(b.ok && b.value).toMatchObject({ added: 0, skipped: 84 });
    expect(library.history(5).map((h) => h.label)).toEqual(['Import first.txt']);
    library.close();
  });

  it('refuses text in no known format, and an unknown --format, changing nothing', async () => {
    const { library } = tempLibrary();
    const router = createRouter(library);
    const junk = await router.call('import.text', { name: 'junk.txt', text: 'not a list of papers' });
    expect(!junk.ok && junk.error.code).toBe('bad-input');
    expect(!junk.ok && junk.error.message).toContain('junk.txt');
    const unknown = await router.call('import.text', { name: 'x', text: 'x', format: 'nope' });
    expect(!unknown.ok && unknown.error.code).toBe('bad-request');
    expect(library.counts().all).toBe(0);
    expect(library.history(5)).toEqual([]);
    library.close();
  });

  it('cancels mid-import: rolled back, the library exactly as before, while reads went on', async () => {
    const { library } = tempLibrary();
    library.importFile(TRENDING);
    library.tag([3], ['kept'], []);
    const before = snapshot(library);
    const router = createRouter(library);
    const seenDuringImport: number[] = [];
    const cancels: Promise<unknown>[] = [];
    library.onEvent((event) => {
      if (event !== 'import:progress' || cancels.length > 0) return;
      // The window's connection still reads (WAL) and sees the library as it was.
      seenDuringImport.push(library.counts().all);
      cancels.push(router.call('import.cancel', {}));
    });
    const result = await router.call('import.text', { name: 'big.txt', text: bigTrendingText(150) });
    expect(!result.ok && result.error.code).toBe('cancelled');
    expect(await Promise.all(cancels)).toEqual([{ ok: true, value: { cancelled: 1 } }]);
    expect(seenDuringImport).toEqual([84]);
    expect(snapshot(library)).toBe(before);
    expect(library.check()).toEqual({ ok: true, problems: [] });
    // Nothing left running: the next import goes through.
    const next = await router.call('import.text', {
      name: 'trending-page.txt',
      text: fs.readFileSync(TRENDING, 'utf8'),
    });
    expect(next.ok && next.value.skipped).toBe(84);
    library.close();
  });
});

describe('streaming import', () => {
  it('imports entry by entry with progress ending at the exact total, one undo step', () => {
    const { library } = tempLibrary();
    const seen: ContractEvents['import:progress'][] = [];
    const { report } = importStreaming(library, [{ name: 'big.txt', text: bigTrendingText(3) }], {
      progressEveryMs: 0,
      onProgress: (p) => seen.push(p),
    });
    expect(report).toMatchObject({ added: 252, failed: 0 });
    expect(seen.map((p) => p.done)).toEqual([64, 128, 192, 252]);
    expect(seen.at(-1)!.total).toBe(252);
    // Estimated from the position in the file: near the truth before the end.
    for (const p of seen) expect(Math.abs(p.total - 252)).toBeLessThanOrEqual(3);
    expect(library.undo()?.paperIds).toHaveLength(252);
    expect(library.counts().all).toBe(0);
    library.close();
  });

  it('keeps going past a refused file and reports it first', () => {
    const { library, dir } = tempLibrary();
    const junk = path.join(dir, 'junk.txt');
    fs.writeFileSync(junk, 'nothing here');
    const { report, refused } = importStreaming(library, [{ name: junk }, { name: TRENDING }]);
    expect(refused).toHaveLength(1);
    expect(report).toMatchObject({ added: 84, failed: 1 });
    expect(report.errors[0]!.message).toMatch(/junk\.txt: no supported format recognized; nothing was imported/);
    library.close();
  });
});

describe('a killed import', () => {
  it('leaves the library exactly as before when the CLI is killed mid-import, and check passes', async () => {
    const { library, file, dir } = tempLibrary();
    library.importFile(TRENDING);
    const before = snapshot(library);
    library.close();
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, bigTrendingText(80));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/lectern.mjs'), 'import', big, '--library', file], {
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill once the import transaction has written a good part of its pages to the write-ahead log.
    const wal = `${file}-wal`;
    await new Promise<void>((resolve, reject) => {
      const watcher = setInterval(() => {
        const size = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
        if (size > 2_000_000) {
          clearInterval(watcher);
          child.kill('SIGKILL');
          resolve();
        } else if (child.exitCode !== null) {
          clearInterval(watcher);
          reject(new Error('the import finished before it could be killed'));
        }
      }, 5);
    });
    expect(await exited).toBe('SIGKILL');
    const reopened = openLibrary({ path: file });
    expect(snapshot(reopened)).toBe(before);
    reopened.close();
    const check = spawnSync(process.execPath, [path.join(ROOT, 'bin/lectern.mjs'), 'check', '--library', file], {
      encoding: 'utf8',
    });
    expect(check.status).toBe(0);
    expect(check.stdout).toBe(`ok: ${file}\n`);
  }, 60_000);
});
