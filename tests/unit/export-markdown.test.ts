import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../electron/library';
import { exportMarkdownDigest, exportMarkdownFolder } from '../../electron/library/export';
import { MANIFEST_NAME } from '../../electron/library/export/manifest';
import { HF_DAILY, libraryFrom, ZOTERO_CSL_YAML } from './export-helpers';
import { tempDir } from './helpers';

function snapshot(dir: string): Map<string, { text: string; ino: number }> {
  const out = new Map<string, { text: string; ino: number }>();
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    out.set(name, { text: fs.readFileSync(full, 'utf8'), ino: fs.statSync(full).ino });
  }
  return out;
}

function frontMatterOf(text: string): Record<string, unknown> {
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
}

function small(): { library: Library; out: string } {
  const { library } = libraryFrom(HF_DAILY);
  return { library, out: path.join(tempDir('lectern-md-'), 'vault', 'papers') };
}

describe('Markdown notes export', () => {
  it('writes one note per paper with front matter, title, abstract and the note unchanged', () => {
    const { library } = libraryFrom(ZOTERO_CSL_YAML);
    const out = tempDir('lectern-md-');
    const all = library.list({
      query: '',
      sort: 'added',
      direction: 'asc',
      offset: 0,
      limit: 1000,
      snippets: false,
    }).rows;
    const p = all.find((x) => x.abstract && x.citekey)!;
    const note = '## My take\n\n- point: "quoted" #tag\n---\n```js\nconst x = `{{ not a template }}`;\n```';
    library.setNote(p.id, note);
    library.tag([p.id], ['reading-group', 'nlp/transformers'], []);
    library.setStarred([p.id], true);
    const summary = exportMarkdownFolder(library, { dir: out });
    expect(summary).toMatchObject({
      papers: all.length,
      written: all.length,
      unchanged: 0,
      skippedEdited: 0,
      refused: 0,
    });
    const names = fs.readdirSync(out).filter((n) => n.endsWith('.md'));
    expect(names).toHaveLength(all.length);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const text = fs.readFileSync(path.join(out, `${p.citekey}.md`), 'utf8');
    const fm = frontMatterOf(text);
    expect(fm).toMatchObject({
      title: p.title,
      year: p.year,
      citekey: p.citekey,
      tags: ['nlp/transformers', 'reading-group'],
      starred: true,
      status: 'new',
      'lectern-id': p.id,
    });
    expect(fm['authors']).toHaveLength(p.authors.length);
    expect(text).toContain(`\n# ${p.title.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)}\n`);
    expect(text).toContain(`\n${p.abstract}\n`);
    expect(text.endsWith(`\n${note}\n`)).toBe(true);
    const record = summary.files.find((f) => f.paperId === p.id)!;
    expect(record).toEqual({ file: `${p.citekey}.md`, paperId: p.id, action: 'written', beside: null, reason: null });
  });

  it('re-exporting an unchanged library changes no byte and rewrites no file', () => {
    const { library, out } = small();
    exportMarkdownFolder(library, { dir: out });
    const before = snapshot(out);
    const again = exportMarkdownFolder(library, { dir: out });
    expect(again).toMatchObject({ written: 0, unchanged: before.size - 1, skippedEdited: 0, newBeside: 0 });
    expect(snapshot(out)).toEqual(before);
    expect([...before.keys()]).toContain(MANIFEST_NAME);
  });

  it('updates untouched notes in place, keeps edited ones and writes the new version beside them', () => {
    const { library, out } = small();
    const first = exportMarkdownFolder(library, { dir: out });
    const [a, b] = first.files;
    const editedText = `${fs.readFileSync(path.join(out, b!.file), 'utf8')}\nMy own thoughts.\n`;
    fs.writeFileSync(path.join(out, b!.file), editedText);
    library.setStatus([a!.paperId!, b!.paperId!], 'reading');

    const second = exportMarkdownFolder(library, { dir: out });
    expect(second).toMatchObject({ written: 1, skippedEdited: 1, newBeside: 1 });
    expect(frontMatterOf(fs.readFileSync(path.join(out, a!.file), 'utf8'))['status']).toBe('reading');
    expect(fs.readFileSync(path.join(out, b!.file), 'utf8')).toBe(editedText);
    const beside = b!.file.replace(/\.md$/, '.lectern-new.md');
    expect(second.files.find((f) => f.file === b!.file)).toMatchObject({ action: 'skipped-edited', beside });
    expect(frontMatterOf(fs.readFileSync(path.join(out, beside), 'utf8'))['status']).toBe('reading');

    // Asking again changes nothing: the edit is still reported, the copy beside is already current.
    const third = exportMarkdownFolder(library, { dir: out });
    expect(third).toMatchObject({ written: 0, skippedEdited: 1, newBeside: 0 });

    const forced = exportMarkdownFolder(library, { dir: out, force: true });
    expect(forced).toMatchObject({ written: 1, skippedEdited: 0 });
    expect(fs.readFileSync(path.join(out, b!.file), 'utf8')).toBe(fs.readFileSync(path.join(out, beside), 'utf8'));
    // After --force the note is Lectern's again: the next change updates it in place.
    library.setStatus([b!.paperId!], 'read');
    expect(exportMarkdownFolder(library, { dir: out })).toMatchObject({ written: 1, skippedEdited: 0 });
  });

  it('keeps a paper’s file name when its citation key changes, and never reuses another paper’s name', () => {
    const { library, out } = small();
    const first = exportMarkdownFolder(library, { dir: out });
    const one = first.files[0]!;
    library.update(one.paperId!, { citekey: 'renamed2026' });
    const second = exportMarkdownFolder(library, { dir: out });
    expect(second.files[0]!.file).toBe(one.file);
    expect(frontMatterOf(fs.readFileSync(path.join(out, one.file), 'utf8'))['citekey']).toBe('renamed2026');
    // A file the user made with the name a new paper would take is left alone; the paper gets another name.
    const other = first.files[1]!;
    library.update(other.paperId!, { citekey: 'users-own-note' });
    fs.writeFileSync(path.join(out, 'users-own-note.md'), 'mine');
    fs.rmSync(path.join(out, MANIFEST_NAME));
    fs.rmSync(path.join(out, other.file));
    const third = exportMarkdownFolder(library, { dir: out });
    expect(fs.readFileSync(path.join(out, 'users-own-note.md'), 'utf8')).toBe('mine');
    expect(third.files.find((f) => f.paperId === other.paperId)!.file).toBe('users-own-note-2.md');
  });

  it('touches nothing outside the folder: hostile keys, symlinks and manifest entries are refused', () => {
    const { library, out } = small();
    const outside = tempDir('lectern-outside-');
    const victim = path.join(outside, 'victim.md');
    fs.writeFileSync(victim, 'keep me');
    const ids = library.list({ query: '', sort: 'added', direction: 'asc', offset: 0, limit: 3, snippets: false }).rows;
    library.update(ids[0]!.id, { citekey: '../../../victim' });
    library.update(ids[1]!.id, { citekey: victim });
    library.update(ids[2]!.id, { citekey: 'linked' });
    fs.mkdirSync(out, { recursive: true });
    fs.symlinkSync(victim, path.join(out, 'linked.md'));
    fs.writeFileSync(
      path.join(out, MANIFEST_NAME),
      JSON.stringify({
        files: { '../escape.md': { paper: ids[0]!.id, sha256: 'x' }, '/tmp/abs.md': { paper: 1, sha256: 'y' } },
      }),
    );
    const summary = exportMarkdownFolder(library, { dir: out, ids: ids.map((p) => p.id) });
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(outside)).toEqual(['victim.md']);
    expect(summary.files[0]!.file).toBe('victim.md');
    expect(summary.files[1]!.file).toMatch(/^tmp-lectern-outside-.*-victim-md\.md$/);
    expect(summary.files[2]!.file).toBe('linked-2.md');
    for (const f of summary.files) expect(path.dirname(path.join(out, f.file))).toBe(out);
    expect(fs.lstatSync(path.join(out, 'linked.md')).isSymbolicLink()).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_NAME), 'utf8')) as {
      files: Record<string, unknown>;
    };
    expect(Object.keys(manifest.files).every((n) => !n.includes('/') && !n.includes('..'))).toBe(true);
  });

  it('refuses to write through a symbolic link at a note’s own name', () => {
    const { library, out } = small();
    const first = exportMarkdownFolder(library, { dir: out });
    const target = path.join(tempDir('lectern-outside-'), 'elsewhere.md');
    fs.writeFileSync(target, 'elsewhere');
    const name = first.files[0]!.file;
    fs.rmSync(path.join(out, name));
    fs.symlinkSync(target, path.join(out, name));
    library.setStatus([first.files[0]!.paperId!], 'read');
    const second = exportMarkdownFolder(library, { dir: out });
    expect(second.refused).toBe(1);
    expect(second.files[0]).toMatchObject({ action: 'refused' });
    expect(second.files[0]!.reason).toMatch(/symbolic link/);
    expect(fs.readFileSync(target, 'utf8')).toBe('elsewhere');
  });

  it('fails with a clear message when the folder cannot be written', () => {
    const { library } = small();
    const file = path.join(tempDir('lectern-md-'), 'a-file');
    fs.writeFileSync(file, '');
    expect(() => exportMarkdownFolder(library, { dir: path.join(file, 'notes') })).toThrow(
      /cannot export to .*a-file\/notes/,
    );
    expect(() => exportMarkdownFolder(library, { dir: file })).toThrow(/cannot export to .*a-file: .*not a folder/);
  });

  it('stops on a damaged manifest instead of losing track of edits', () => {
    const { library, out } = small();
    exportMarkdownFolder(library, { dir: out });
    fs.writeFileSync(path.join(out, MANIFEST_NAME), '{ not json');
    expect(() => exportMarkdownFolder(library, { dir: out })).toThrow(/damaged.*fix or delete it/);
  });
});

describe('Markdown digest', () => {
  it('writes one file with a section per paper, and is safe to write again', () => {
    const { library, out } = small();
    const file = path.join(out, 'week.md');
    const first = exportMarkdownDigest(library, { file, query: 'year:2026' });
    const text = fs.readFileSync(file, 'utf8');
    expect(first).toMatchObject({ written: 1, papers: first.papers });
    expect(text.match(/^## /gm)).toHaveLength(first.papers);
    expect(text).toMatch(/^# Reading digest\n\n\d+ papers matching `year:2026`\.\n/);
    expect(exportMarkdownDigest(library, { file, query: 'year:2026' })).toMatchObject({ written: 0, unchanged: 1 });
    fs.appendFileSync(file, '\nhandout notes\n');
    library.setStarred(
      [library.list({ query: '', sort: 'added', offset: 0, limit: 1, snippets: false }).rows[0]!.id],
      true,
    );
    const third = exportMarkdownDigest(library, { file, query: 'year:2026' });
    expect(third).toMatchObject({ skippedEdited: 1, newBeside: 1 });
    expect(fs.existsSync(path.join(out, 'week.lectern-new.md'))).toBe(true);
  });
});
