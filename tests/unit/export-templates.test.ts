import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportMarkdownDigest, exportMarkdownFolder } from '../../electron/library/export';
import { DEFAULT_DIGEST_TEMPLATE, DEFAULT_PAPER_TEMPLATE } from '../../electron/library/export/template';
import { HF_DAILY, libraryFrom } from './export-helpers';
import { ROOT, tempDir } from './helpers';

describe('note and digest templates (Nunjucks)', () => {
  it('the shipped default templates are the ones in resources/templates/', () => {
    expect(fs.readFileSync(path.join(ROOT, 'resources/templates/paper.md.njk'), 'utf8')).toBe(DEFAULT_PAPER_TEMPLATE);
    expect(fs.readFileSync(path.join(ROOT, 'resources/templates/digest.md.njk'), 'utf8')).toBe(DEFAULT_DIGEST_TEMPLATE);
  });

  it('a user template shapes the body; the front matter stays generated and valid; no HTML escaping', () => {
    const { library } = libraryFrom(HF_DAILY);
    const p = library.list({ query: '', sort: 'added', direction: 'asc', offset: 0, limit: 1, snippets: false })
      .rows[0]!;
    library.update(p.id, { title: 'Q&A: "fast" <models> & co' });
    library.tag([p.id], ['to-cite'], []);
    const dir = tempDir('lectern-tpl-');
    fs.writeFileSync(path.join(dir, 'links.njk'), '{% if doi %}DOI: {{ doi }}{% endif %}\nLink: {{ link }}');
    const template = path.join(dir, 'note.njk');
    fs.writeFileSync(
      template,
      '---\ninjected: true\n---\n## {{ title }}\n{{ authors | join("; ") }} — {{ year }}\n{% for t in tags %}#{{ t }} {% endfor %}\n{% include "links.njk" %}\n',
    );
    const out = path.join(dir, 'out');
    const summary = exportMarkdownFolder(library, { dir: out, template, ids: [p.id] });
    const text = fs.readFileSync(path.join(out, summary.files[0]!.file), 'utf8');
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
    expect(parse(fm)).toMatchObject({ title: 'Q&A: "fast" <models> & co', 'lectern-id': p.id });
    expect(text).toContain('\n## Q&A: "fast" <models> & co\n');
    expect(text).toContain('#to-cite');
    expect(text).toContain(`Link: ${p.url ?? `https://arxiv.org/abs/${p.arxiv}`}`);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('a digest template gets the papers, their count and the query', () => {
    const { library } = libraryFrom(HF_DAILY);
    const dir = tempDir('lectern-tpl-');
    const template = path.join(dir, 'digest.njk');
    fs.writeFileSync(
      template,
      '{{ count }} for {{ query }}\n{% for p in papers %}- [{{ p.citekey or p.id }}] {{ p.title }}\n{% endfor %}',
    );
    const file = path.join(dir, 'digest.md');
    const summary = exportMarkdownDigest(library, { file, template, query: 'year:2026' });
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(`${summary.papers} for year:2026`);
    expect(lines).toHaveLength(summary.papers + 1);
  });

  it('a broken template or a missing file is a clear input error, and nothing is written', () => {
    const { library } = libraryFrom(HF_DAILY);
    const dir = tempDir('lectern-tpl-');
    const template = path.join(dir, 'bad.njk');
    fs.writeFileSync(template, '{% for p in papers %}never closed');
    const out = path.join(dir, 'out');
    expect(() => exportMarkdownFolder(library, { dir: out, template })).toThrow(/template .*bad\.njk/);
    expect(() => exportMarkdownFolder(library, { dir: out, template: path.join(dir, 'missing.njk') })).toThrow(
      /cannot read the template/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});
