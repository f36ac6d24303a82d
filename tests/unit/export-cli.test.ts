import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { createRouter, openLibrary } from '../../electron/library';
import { HF_DAILY } from './export-helpers';
import { tempDir } from './helpers';

async function lectern(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => Promise.resolve(''),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

async function withPapers(): Promise<{ lib: string; dir: string }> {
  const dir = tempDir('lectern-export-cli-');
  const lib = path.join(dir, 'library.sqlite');
  expect((await lectern(['import', HF_DAILY, '--library', lib])).code).toBe(0);
  return { lib, dir };
}

describe('lectern export', () => {
  it('markdown --out writes the notes and prints a summary; --json gives it as JSON', async () => {
    const { lib, dir } = await withPapers();
    const out = path.join(dir, 'notes');
    const first = await lectern(['export', 'markdown', '--out', out, '--library', lib]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^30 papers → .*notes: 30 written, 0 unchanged, 0 skipped \(edited\), 0 new beside\n$/,
    );
    const again = await lectern(['export', 'markdown', 'year:2026', '--out', out, '--library', lib, '--json']);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      papers: 30,
      written: 0,
      unchanged: 30,
      skippedEdited: 0,
      newBeside: 0,
      refused: 0,
    });
    expect(summary['dir']).toBe(fs.realpathSync(out));
  });

  it('markdown --digest writes one file; a template can shape it', async () => {
    const { lib, dir } = await withPapers();
    const template = path.join(dir, 't.njk');
    fs.writeFileSync(template, '{% for p in papers %}* {{ p.title }}\n{% endfor %}');
    const file = path.join(dir, 'digest.md');
    const r = await lectern(['export', 'markdown', '--digest', file, '--template', template, '--library', lib]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/digest\.md: 1 written/);
    expect(fs.readFileSync(file, 'utf8').match(/^\* /gm)).toHaveLength(30);
  });

  it('bibtex to standard output or a file; unchanged output leaves the file alone', async () => {
    const { lib, dir } = await withPapers();
    const stdout = await lectern(['export', 'bibtex', '--library', lib]);
    expect(stdout.code).toBe(0);
    expect(parse(stdout.stdout, { sentenceCase: false, english: false }).entries).toHaveLength(30);
    const file = path.join(dir, 'refs.bib');
    const toFile = await lectern(['export', 'bibtex', '--out', file, '--library', lib]);
    expect(toFile.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(stdout.stdout);
    const ino = fs.statSync(file).ino;
    expect((await lectern(['export', 'bibtex', '--out', file, '--library', lib])).code).toBe(0);
    expect(fs.statSync(file).ino).toBe(ino);
    const json = await lectern(['export', 'csl-json', 'year:2026', '--library', lib, '--json']);
    const parsed = JSON.parse(json.stdout) as { format: string; count: number; text: string };
    expect(parsed.format).toBe('csl-json');
    expect(JSON.parse(parsed.text)).toHaveLength(parsed.count);
  });

  it('bad usage exits 2, an unwritable folder or a bad query exits 1 with one clear line', async () => {
    const { lib, dir } = await withPapers();
    expect((await lectern(['export', '--library', lib])).code).toBe(2);
    expect((await lectern(['export', 'docx', '--library', lib])).code).toBe(2);
    expect((await lectern(['export', 'markdown', '--library', lib])).code).toBe(2);
    expect((await lectern(['export', 'bibtex', '--force', '--library', lib])).code).toBe(2);
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, '');
    const r = await lectern(['export', 'markdown', '--out', path.join(blocker, 'x'), '--library', lib]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lectern: cannot export to .*blocker\/x: .*\n$/);
    expect((await lectern(['export', 'ris', 'year:(', '--library', lib])).code).toBe(1);
  });
});

describe('export contract commands', () => {
  it('export.text returns text and count; export.markdown returns the summary; bad input is a bad request', async () => {
    const { lib, dir } = await withPapers();
    const library = openLibrary({ path: lib });
    const router = createRouter(library);
    const ids = library.list({ query: '', sort: 'added', offset: 0, limit: 2, snippets: false }).rows.map((p) => p.id);
    const link = await router.call('export.text', { format: 'markdown-link', ids });
    expect(link.ok && link.value.count).toBe(2);
    expect(link.ok && link.value.text.split('\n').filter(Boolean)).toHaveLength(2);
    const bib = await router.call('export.text', { format: 'bibtex', ids: [ids[0]!] });
    expect(bib.ok && bib.value.text).toMatch(/^@\w+\{[a-z]+2026\w+,\n/);
    const md = await router.call('export.markdown', { dir: path.join(dir, 'vault'), ids });
    expect(md.ok && md.value).toMatchObject({ papers: 2, written: 2 });
    const bad = await router.handle('export.text', { format: 'docx' });
    expect(bad.ok ? null : bad.error.code).toBe('bad-request');
    const missing = await router.call('export.text', { format: 'ris', ids: [999999] });
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
    library.close();
  });
});
