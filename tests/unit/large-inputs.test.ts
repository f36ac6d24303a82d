/**
 * Very large fields and files: refused with a clear message or handled, within bounded memory. Memory is measured
 * and reported, not asserted; the limits themselves (MAX_IMPORT_BYTES, FIELD_LIMITS) are what keeps it bounded.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/library';
import { formats } from '../../electron/library/import/formats';
import { FIELD_LIMITS } from '../../electron/library/import/limits';
import { MAX_IMPORT_BYTES } from '../../electron/library/import/read-file';
import { ROOT, tempDir, tempLibrary } from './helpers';

const figures: Record<string, string> = {};
afterAll(() => console.info('large inputs', JSON.stringify(figures)));

const mb = (n: number) => `${Math.round(n / 1e6)} MB`;

function bibtexWithAbstract(chars: number): string {
  const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit ';
  return `@article{big,\n  title = {A paper with a long abstract},\n  author = {Doe, Jane},\n  year = {2024},\n  abstract = {${words.repeat(Math.ceil(chars / words.length)).slice(0, chars)}}\n}\n\n@article{small,\n  title = {A normal paper},\n  year = {2023}\n}\n`;
}

describe('very large inputs', () => {
  it('refuses a 10 MB abstract with a clear message and still imports the rest of the file', () => {
    const { library } = tempLibrary();
    const rss = process.memoryUsage().rss;
    const report = library.importText('big.bib', bibtexWithAbstract(10_000_000), 'bibtex');
    figures['10 MB abstract: memory growth'] = mb(process.memoryUsage().rss - rss);
    expect(report.added).toBe(1);
    expect(report.failed).toBe(1);
    expect(report.errors[0]!.message).toMatch(/abstract is 10,000,000 characters, over the 1,000,000 limit/);
    expect(library.list({ query: '', sort: 'added', offset: 0, limit: 10, snippets: false }).rows[0]!.title).toBe(
      'A normal paper',
    );
    expect(library.check()).toEqual({ ok: true, problems: [] });
    // An abstract right at the limit is kept whole.
    const atLimit = library.importText('ok.bib', bibtexWithAbstract(FIELD_LIMITS.abstract - 100), 'bibtex');
    expect(atLimit.failed).toBe(0);
    library.close();
  });

  it('refuses 10 MB fields through the contract with a bad-request error', async () => {
    const { library } = tempLibrary();
    library.importText('ok.bib', bibtexWithAbstract(200), 'bibtex');
    const router = createRouter(library);
    const huge = 'x'.repeat(10_000_000);
    const update = await router.call('papers.update', { id: 1, patch: { abstract: huge } });
    expect(update).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const note = await router.call('papers.setNote', { id: 1, note: huge });
    expect(note).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const text = await router.call('import.text', { name: 'paste.txt', text: 'x'.repeat(MAX_IMPORT_BYTES + 1) });
    expect(text).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(library.get(1).abstract?.length).toBeLessThan(1000);
    library.close();
  });

  it('refuses a 200 MB file before reading it, with one line saying why', () => {
    const dir = tempDir('lectern-huge-');
    const file = path.join(dir, 'huge.bib');
    // A sparse file: 200 MB on paper, nothing on disk, so the test stays quick; it is refused by its size alone.
    fs.writeFileSync(file, '@article{a, title = {x}}\n');
    fs.truncateSync(file, 200 * 1024 * 1024);
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/lectern.mjs'), 'import', file, '--library', path.join(dir, 'library.sqlite')],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/210 MB is larger than the 100 MB import limit/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('parses a million-entry file entry by entry', () => {
    const ris = formats.find((f) => f.name === 'ris')!;
    const text = Array.from({ length: 1_000_000 }, (_, i) => `TY  - JOUR\nTI  - Entry number ${i}\nER  - \n`).join(
      '\n',
    );
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    let count = 0;
    for (const entry of ris.parse(text)) if (entry.ok) count++;
    figures['million RIS entries: parse'] = `${Math.round(performance.now() - started)} ms, ${mb(text.length)} of text`;
    figures['million RIS entries: memory growth'] = mb(process.memoryUsage().rss - rss);
    expect(count).toBe(1_000_000);
  });

  it('answers deeply nested braces, brackets, tags and lists in every format without a stack overflow', () => {
    const depth = 20_000;
    const nested = {
      braces: `@article{k,\n title = {${'{'.repeat(depth)}x${'}'.repeat(depth)}},\n}\n`,
      brackets: `${'['.repeat(depth)}${']'.repeat(depth)}`,
      objects: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      xml: `<?xml version="1.0"?>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`,
      yaml: `- id: x\n  title: y\n${'- '.repeat(depth)}x\n`,
    };
    for (const [kind, text] of Object.entries(nested)) {
      for (const format of formats) {
        const started = performance.now();
        let entries: unknown[];
        try {
          entries = [...format.parse(text)];
        } catch (err) {
          throw new Error(`${format.name} threw on nested ${kind}: ${(err as Error).message}`);
        }
        const ms = performance.now() - started;
        if (ms > 50)
          figures[`nested ${kind}, ${format.name}`] = `${Math.round(ms)} ms, ${entries.length} entries/errors`;
        expect(Array.isArray(entries)).toBe(true);
      }
    }
  });
});
