import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, TRENDING, FIXTURES } from './helpers';

const BIN = path.join(ROOT, 'bin/lectern.mjs');

function lectern(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fresh() {
  const dir = tempDir('lectern-cli-');
  return { lib: path.join(dir, 'library.sqlite'), dir };
}

describe('lectern CLI (a real process)', () => {
  it('walks the researcher flow from the issue', () => {
    const { lib } = fresh();
    const first = lectern(['import', TRENDING, '--library', lib, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ added: 84, merged: 0, skipped: 0, failed: 0, errors: [] });
    const second = lectern(['--library', lib, 'import', TRENDING]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 added, 0 merged, 84 already in the library/);

    const search = lectern(['search', 'quantile regression', '--library', lib, '--json']);
    expect(search.code).toBe(0);
    const hits = JSON.parse(search.stdout) as { id: number; title: string; snippet: string }[];
    expect(hits[0]!.title).toBe('Flexible Model Aggregation for Quantile Regression');
    expect(hits[0]!.snippet).toMatch(/\[[Qq]uantile\]/);
    expect(hits.length).toBeLessThanOrEqual(50);

    expect(lectern(['status', '12', 'to-read', '--library', lib]).code).toBe(0);
    expect(lectern(['tag', '12', '+survey', '+nas', '--library', lib]).code).toBe(0);
    expect(lectern(['star', '12', '--library', lib]).code).toBe(0);
    expect(lectern(['note', '12', '--set', 'Compare with **DARTS**.', '--library', lib]).code).toBe(0);

    const listed = lectern(['list', 'status:to-read tag:survey', '--json', '--library', lib]);
    expect(listed.code).toBe(0);
    const papers = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      id: 12,
      status: 'to-read',
      starred: true,
      tags: ['nas', 'survey'],
      note: 'Compare with **DARTS**.',
      authors: [],
      year: null,
      arxiv: null,
      doi: null,
    });
    for (const key of [
      'id',
      'title',
      'authors',
      'year',
      'status',
      'starred',
      'tags',
      'note',
      'arxiv',
      'doi',
      'url',
      'citekey',
    ]) {
      expect(papers[0]).toHaveProperty(key);
    }

    const undo = lectern(['undo', '--library', lib, '--json']);
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ label: 'Edit note', papers: [12] });
    const shown = JSON.parse(lectern(['show', '12', '--json', '--library', lib]).stdout) as { note: string };
    expect(shown.note).toBe('');
    expect(lectern(['redo', '--library', lib]).stdout).toMatch(/redone: Edit note/);
    expect(JSON.parse(lectern(['tags', '--json', '--library', lib]).stdout)).toEqual([
      { name: 'nas', count: 1 },
      { name: 'survey', count: 1 },
    ]);
    expect(lectern(['check', '--library', lib]).code).toBe(0);
  });

  it('lists every matching paper unless --limit is given, and honours --sort', () => {
    const { lib } = fresh();
    lectern(['import', TRENDING, '--library', lib]);
    expect(JSON.parse(lectern(['list', '--json', '--library', lib]).stdout)).toHaveLength(84);
    const limited = JSON.parse(
      lectern(['list', '--sort', 'title:desc', '--limit', '3', '--json', '--library', lib]).stdout,
    ) as { title: string }[];
    expect(limited).toHaveLength(3);
    const all = (
      JSON.parse(lectern(['list', '--sort', 'title', '--json', '--library', lib]).stdout) as { title: string }[]
    ).map((p) => p.title);
    expect(limited[0]!.title).toBe(all.at(-1));
  });

  it('reads the library from LECTERN_LIBRARY and imports standard input', () => {
    const { lib } = fresh();
    const r = lectern(['import', '-', '--json'], {
      input: fs.readFileSync(TRENDING, 'utf8'),
      env: { LECTERN_LIBRARY: lib },
    });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { added: number }).added).toBe(84);
  });

  it('exits 1 with a one-line reason for bad input, 2 for bad usage', () => {
    const { lib, dir } = fresh();
    const junk = path.join(dir, 'junk.txt');
    fs.writeFileSync(junk, 'aosdoioifjosdfikbasjc\n');
    const refused = lectern(['import', junk, '--library', lib]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('junk.txt');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const missing = lectern(['import', path.join(dir, 'missing.bib'), '--library', lib, '--json']);
    expect(missing.code).toBe(1);
    expect((JSON.parse(missing.stdout) as { errors: { file: string }[] }).errors[0]!.file).toContain('missing.bib');
    expect(JSON.parse(lectern(['list', '--json', '--library', lib]).stdout)).toEqual([]);

    const notFound = lectern(['show', '999', '--library', lib]);
    expect(notFound.code).toBe(1);
    expect(notFound.stderr.trim().split('\n')).toHaveLength(1);
    const syntax = lectern(['search', '"open', '--library', lib]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/position 1/);

    expect(lectern(['frobnicate', '--library', lib]).code).toBe(2);
    expect(lectern(['status', '1', 'done', '--library', lib]).code).toBe(2);
    expect(lectern(['status', 'abc', 'read', '--library', lib]).code).toBe(2);
    expect(lectern(['list', '--limit', 'x', '--library', lib]).code).toBe(2);
    expect(lectern(['list', '--bogus', '--library', lib]).code).toBe(2);
    expect(lectern(['note', '1', '--library', lib, '--set']).code).toBe(2);
    expect(lectern(['import', '--library', lib]).code).toBe(2);
  });

  it('has --help on every command', () => {
    const help = lectern(['--help']);
    expect(help.code).toBe(0);
    const names = [
      'import',
      'list',
      'search',
      'show',
      'status',
      'tag',
      'star',
      'unstar',
      'note',
      'undo',
      'redo',
      'tags',
      'check',
    ];
    for (const name of names) {
      expect(help.stdout).toContain(name);
      const r = lectern([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout).toContain(`lectern ${name}`);
    }
  });

  it('lets a second process read and write the same library at once', async () => {
    const { lib } = fresh();
    lectern(['import', TRENDING, '--library', lib]);
    const run = (args: string[]) =>
      new Promise<number | null>((resolve) => {
        const p = spawn(process.execPath, [BIN, ...args, '--library', lib], { stdio: 'ignore' });
        p.on('close', resolve);
      });
    const codes = await Promise.all([
      run(['status', '1', '2', '3', 'read']),
      run(['tag', '4', '5', '+concurrent']),
      run(['list', 'tag:concurrent']),
      run(['star', '6']),
      run(['search', 'deep learning']),
    ]);
    expect(codes).toEqual([0, 0, 0, 0, 0]);
    const papers = JSON.parse(
      lectern(['list', 'status:read OR tag:concurrent OR is:starred', '--json', '--library', lib]).stdout,
    ) as unknown[];
    expect(papers).toHaveLength(6);
  });

  it('refuses every malformed fixture it cannot recognize without touching the library', () => {
    const { lib } = fresh();
    lectern(['import', TRENDING, '--library', lib]);
    for (const f of fs.readdirSync(path.join(FIXTURES, 'malformed/other'))) {
      const r = lectern(['import', path.join(FIXTURES, 'malformed/other', f), '--library', lib]);
      expect(r.code, f).toBe(1);
      expect(r.stderr).toContain(f);
    }
    expect(JSON.parse(lectern(['list', '--json', '--library', lib]).stdout)).toHaveLength(84);
  });
});
