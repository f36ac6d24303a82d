/**
 * Every exported note read back: its front matter (by a YAML parser) must give the paper's fields exactly, and its
 * body must hold the note unchanged — over a real Zotero library plus papers edited to hold the awkward cases.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportMarkdownFolder } from '../../electron/library/export';
import { obsidianTags } from '../../electron/library/export/fields';
import { authorName } from '../../shared/normalize';
import { HF_DAILY, libraryFrom, ZOTERO_CSL_YAML } from './export-helpers';
import { tempDir } from './helpers';

const AWKWARD_TITLES = [
  '- "Quoted": a title with #hash, colons: and a leading dash',
  'yes',
  'null',
  '---',
  'Line one\nline two',
  '\'single\' and "double" and `back` quotes',
  '深度学习：一种综述 — Глубокое обучение — التعلم العميق',
  '{{ not a template }} {% neither %}',
];

const AWKWARD_NOTES = [
  '---\ntitle: "not front matter"\n---\n',
  '# Heading\n\n- [ ] task\n> quote\n\n```yaml\nkey: value\n```',
  'Windows\r\nline ends\r\n',
  '{{ title }} stays as typed',
];

describe('Markdown notes read back exactly', () => {
  it('front matter and note of every exported paper', () => {
    const { library } = libraryFrom(ZOTERO_CSL_YAML, HF_DAILY);
    const papers = library.list({
      query: '',
      sort: 'added',
      direction: 'asc',
      offset: 0,
      limit: 2000,
      snippets: false,
    }).rows;
    AWKWARD_TITLES.forEach((title, i) => {
      library.update(papers[i]!.id, { title, venue: `Venue: #${i} - "x"`, citekey: null });
    });
    AWKWARD_NOTES.forEach((note, i) => library.setNote(papers[i]!.id, note));
    library.tag(
      papers.slice(0, 5).map((p) => p.id),
      ['to-cite', 'ml/nlp', '2024'],
      [],
    );
    library.setStatus([papers[1]!.id], 'reading');

    const out = tempDir('lectern-md-rt-');
    const summary = exportMarkdownFolder(library, { dir: out });
    expect(summary.written).toBe(papers.length);
    for (const file of summary.files) {
      const p = library.get(file.paperId!);
      const text = fs.readFileSync(path.join(out, file.file), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n\n/.exec(text)!;
      expect(parse(m[1]!)).toEqual({
        title: p.title,
        authors: p.authors.map(authorName),
        year: p.year,
        venue: p.venue,
        doi: p.doi,
        arxiv: p.arxiv,
        url: p.url,
        citekey: p.citekey,
        tags: obsidianTags(p.tags),
        status: p.status,
        starred: p.starred,
        added: p.addedAt,
        'lectern-id': p.id,
      });
      const body = text.slice(m[0].length);
      expect(
        body.startsWith(
          `# ${p.title
            .replace(/\s+/g, ' ')
            .trim()
            .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
            .replace(/^(#+|[-+]\s|>)/, (x) => `\\${x}`)}\n`,
        ),
      ).toBe(true);
      if (p.abstract) expect(body).toContain(`\n\n${p.abstract}\n`);
      if (p.note) expect(body).toContain(`\n\n${p.note.trimEnd()}\n`);
    }
    expect(fs.readFileSync(path.join(out, summary.files[0]!.file), 'utf8')).toContain(
      'tags:\n  - "_2024"\n  - "ml/nlp"\n  - "to-cite"\n',
    );
  });
});
