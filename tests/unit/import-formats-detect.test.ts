/**
 * Detection by content: the non-BibTeX formats never claim another format's file, near-misses (JSON, XML, YAML and
 * text that are not reference files) stay refused, and the extension only breaks ties.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../electron/library/import/detect';
import { readTextHead } from '../../electron/library/import/read-file';
import { formatByName } from '../../electron/library/import/formats';
import { sources } from './format-fixtures';
import { FIXTURES, ROOT, tempDir, tempLibrary } from './helpers';

const MINE = ['hf-json', 'ris', 'csl-json', 'csl-yaml', 'arxiv-atom', 'arxiv-rss', 'medline', 'ovid', 'wos', 'endnote', 'pubmed-xml', 'endnote-xml', 'bbt-json', 'zotero-rdf']; // prettier-ignore

function head(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } catch {
    return '';
  } finally {
    fs.closeSync(fd);
  }
}

describe('format detection', () => {
  it('has every format registered under its name', () => {
    for (const name of MINE) expect(formatByName(name)?.name).toBe(name);
  });

  it('never claims a BibTeX file for another format', () => {
    const all = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'SOURCES.json'), 'utf8')) as { dest: string }[];
    const bib = all.filter((s) => s.dest.startsWith('bibtex/') || s.dest.startsWith('malformed/bibtex/'));
    expect(bib.length).toBeGreaterThan(500);
    for (const s of bib) {
      const text = head(path.join(FIXTURES, s.dest));
      const claims = MINE.filter((name) => formatByName(name)!.detect(text) > 0);
      expect(claims, s.dest).toEqual([]);
    }
  });

  it('gives each real file to exactly one of these formats', () => {
    for (const s of sources) {
      const text = head(path.join(FIXTURES, s.dest));
      const claims = MINE.filter((name) => formatByName(name)!.detect(text) > 0);
      expect(claims.length, s.dest).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    ['package.json', fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')],
    ['tsconfig.json', fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')],
    ['a JSON list of users', '[{"id": 1, "name": "Ada", "type": "admin", "title": "Dr"}]'],
    ['an Atom feed of commits', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Recent Commits</title><entry><id>tag:github.com,2008:Grit::Commit/1</id><title>Fix</title></entry></feed>'], // prettier-ignore
    ['a news RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>Hi</title><link>https://example.org/1</link></item></channel></rss>'], // prettier-ignore
    [
      'an SVG image',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    ],
    ['a YAML config', 'name: build\non:\n  push:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    title: x\n'],
    [
      'a LaTeX source',
      '% main.tex\n\\documentclass{article}\n% Title: notes\n\\begin{document}\nHello\n\\end{document}\n',
    ],
    ['a CSV table', 'title,author,year\nA,B,2020\n'],
    ['prose', 'TY is short for "type". An export starts with a type line, then fields.\n'],
  ])('refuses %s', (_label, text) => {
    expect(detectFormat(text, 'input')).toBeNull();
  });

  it('refuses the malformed CFF files', () => {
    for (const name of ['jabref-CffImporterTestInvalid1.cff', 'jabref-CffImporterTestInvalid2.cff']) {
      const file = path.join(FIXTURES, 'malformed/other', name);
      expect(detectFormat(fs.readFileSync(file, 'utf8'), file)).toBeNull();
    }
  });

  it('goes by content when the extension says otherwise', () => {
    const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
    expect(detectFormat(read('ris/zotero-translators/RIS-case01.ris'), 'refs.bib')?.name).toBe('ris');
    expect(detectFormat(read('csl-json/zotero-translators/CSL_JSON-case01.json'), 'refs.txt')?.name).toBe('csl-json');
    expect(detectFormat(read('wos/bibx-single-article.txt'), 'savedrecs.ris')?.name).toBe('wos');
    expect(detectFormat(read('arxiv/rss/distill-arxiv_cs_cl.xml'), 'feed.json')?.name).toBe('arxiv-rss');
    expect(detectFormat(read('medline/biblatex-csl-converter/pubmed.nbib'), 'pubmed.ris')?.name).toBe('medline');
  });

  it('lets --format force a format, and reports an unknown one with the known names', () => {
    const { library } = tempLibrary();
    const file = path.join(tempDir(), 'export.dat');
    fs.copyFileSync(path.join(FIXTURES, 'wos/bibx-single-article.txt'), file);
    const report = library.importFile(file, 'wos');
    expect(report.added).toBe(1);
    expect(library.get(report.paperIds[0]!).source).toBe('wos:export.dat');
    expect(() => library.importFile(file, 'nope')).toThrow(/unknown format nope .*ris.*csl-json/);
    library.close();
  });
});

describe('reading only the beginning of a file to recognize it', () => {
  it('keeps a UTF-8 character the 64 KiB cut splits, refuses what readTextFile refuses, and imports files in turn', () => {
    const dir = tempDir();
    // "é" is two bytes; the filler puts its first byte last in the first 64 KiB.
    const file = path.join(dir, 'split.ris');
    const record = (i: number) => `TY  - JOUR\nTI  - Étude numéro ${i}\nAU  - Müller, Jürgen\nPY  - 2020\nER  - \n\n`;
    let text = '';
    for (let i = 0; Buffer.byteLength(text) < 70_000; i++) text += record(i);
    const cut = 64 * 1024;
    const at = text.indexOf(
      'é',
      Buffer.from(text)
        .subarray(0, cut - 40)
        .toString('utf8').length,
    );
    const pad = cut - 1 - Buffer.byteLength(text.slice(0, at));
    text = text.slice(0, at) + ' '.repeat(Math.max(0, pad)) + text.slice(at);
    expect(Buffer.from(text)[cut - 1]).toBe(0xc3);
    fs.writeFileSync(file, text);
    const { head, size } = readTextHead(file);
    expect(size).toBe(Buffer.byteLength(text));
    expect(head).not.toContain('Ã');
    expect(text.startsWith(head)).toBe(true);
    expect(() => readTextHead(path.join(dir, 'missing.ris'))).toThrow(/cannot read/);
    expect(() => readTextHead(dir)).toThrow(/is a folder/);

    const { library } = tempLibrary();
    const second = path.join(dir, 'second.ris');
    fs.writeFileSync(second, record(9999));
    const { report } = library.importSources([{ name: file }, { name: second }]);
    expect(report.failed).toBe(0);
    expect(report.added).toBeGreaterThan(100);
    expect(library.list({ query: 'Étude', sort: 'title', offset: 0, limit: 1, snippets: false }).total).toBe(
      report.added,
    );
    library.close();
  });
});
