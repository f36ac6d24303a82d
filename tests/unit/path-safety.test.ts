/**
 * Export and backup never write outside the folder the user chose: hostile titles and citation keys (`..`, absolute
 * paths, separators of every platform, NUL, reserved device names), links planted where a note will be written, and
 * random names. The whole temp tree is listed before and after: the only new files are inside the chosen folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../electron/library';
import { exportMarkdownDigest, exportMarkdownFolder } from '../../electron/library/export';
import { generatedPage } from '../safety/crash';
import { tempDir } from './helpers';

const HOSTILE = [
  '../../escaped',
  '../..',
  '/etc/passwd',
  '/tmp/lectern-owned',
  '..\\..\\windows',
  'C:\\Windows\\System32\\evil',
  'a/b/c',
  'nul\u0000byte',
  '.hidden',
  '..',
  '.',
  'CON',
  'aux.md',
  'lectern-manifest.json',
  '~/home',
  '$HOME/x',
  'file:///etc/passwd',
  '\u202Eexe.md',
  `${'../'.repeat(40)}deep`,
  'ä'.repeat(300),
];

/** Every file and link under `root`, as relative paths. */
function tree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      out.push(path.relative(root, full));
      if (e.isDirectory()) walk(full);
    }
  };
  walk(root);
  return out.sort();
}

function hostileLibrary(root: string, names: string[]): Library {
  const lib = openLibrary({ path: path.join(root, 'lib', 'library.sqlite') });
  lib.importText('seed.txt', generatedPage(Math.max(3, names.length), 'Paper'));
  names.forEach((name, i) => lib.update(i + 1, { title: name, citekey: name }));
  return lib;
}

function expectOnlyInside(root: string, before: string[], chosen: string): void {
  const added = tree(root).filter((p) => !before.includes(p));
  const inside = path.relative(root, chosen);
  for (const p of added) {
    if (p.startsWith(`lib${path.sep}`)) continue;
    expect(p === inside || p.startsWith(`${inside}${path.sep}`), `${p} is outside ${inside}`).toBe(true);
  }
}

describe('export never writes outside the chosen folder', () => {
  it('with hostile titles and citation keys', () => {
    const root = tempDir('lectern-paths-');
    const lib = hostileLibrary(root, HOSTILE);
    const out = path.join(root, 'notes');
    const before = tree(root);
    const summary = exportMarkdownFolder(lib, { dir: out });
    expect(summary.files.length).toBe(HOSTILE.length);
    expectOnlyInside(root, before, out);
    // Every note is a plain file directly in the folder.
    for (const f of fs.readdirSync(out)) expect(fs.lstatSync(path.join(out, f)).isFile()).toBe(true);
    expect(fs.existsSync('/tmp/lectern-owned')).toBe(false);
    lib.close();
  });

  it('does not write through a link planted where a note will go', () => {
    const root = tempDir('lectern-links-');
    const lib = hostileLibrary(root, ['victim']);
    const out = path.join(root, 'notes');
    const precious = path.join(root, 'precious.txt');
    fs.writeFileSync(precious, 'keep me');
    // A first export shows the name the note gets; then that name becomes a link to a file outside.
    exportMarkdownFolder(lib, { dir: out });
    const note = fs.readdirSync(out).find((f) => f.startsWith('victim'))!;
    fs.rmSync(path.join(out, note));
    fs.symlinkSync(precious, path.join(out, note));
    lib.setNote(1, 'changed');
    try {
      exportMarkdownFolder(lib, { dir: out, force: true });
    } catch (err) {
      expect((err as Error).message).toMatch(/link|refus/i);
    }
    expect(fs.readFileSync(precious, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(path.join(out, note)).isSymbolicLink()).toBe(true);
    lib.close();
  });

  it('a digest lands exactly at the chosen file, `..` resolved, and never through a link', () => {
    const root = tempDir('lectern-digest-');
    const lib = hostileLibrary(root, HOSTILE.slice(0, 5));
    fs.mkdirSync(path.join(root, 'a'));
    const before = tree(root);
    exportMarkdownDigest(lib, { file: path.join(root, 'a', '..', 'digest.md') });
    // The digest, and the export's own record beside it: both in the folder the chosen file is in.
    expect(tree(root).filter((p) => !before.includes(p) && !p.startsWith('lib'))).toEqual([
      '.lectern-export.json',
      'digest.md',
    ]);
    const precious = path.join(root, 'precious.txt');
    fs.writeFileSync(precious, 'keep me');
    fs.symlinkSync(precious, path.join(root, 'linked.md'));
    try {
      exportMarkdownDigest(lib, { file: path.join(root, 'linked.md'), force: true });
    } catch (err) {
      expect((err as Error).message.length).toBeGreaterThan(0);
    }
    expect(fs.readFileSync(precious, 'utf8')).toBe('keep me');
    lib.close();
  });

  it('with random names of every kind', () => {
    const root = tempDir('lectern-random-names-');
    const lib = openLibrary({ path: path.join(root, 'lib', 'library.sqlite') });
    lib.importText('seed.txt', generatedPage(3, 'Paper'));
    let round = 0;
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), fc.constantFrom(...HOSTILE)),
        fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), fc.constantFrom(...HOSTILE)),
        (title, citekey) => {
          if (!title.trim()) return;
          lib.update(1, { title, citekey });
          const out = path.join(root, `out-${round++}`);
          const before = tree(root);
          exportMarkdownFolder(lib, { dir: out });
          expectOnlyInside(root, before, out);
        },
      ),
      { numRuns: 60 },
    );
    lib.close();
  });
});
