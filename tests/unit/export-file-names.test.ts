import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignNames,
  besideName,
  isSafeNoteName,
  paperSlug,
  preferredStem,
  safeStem,
} from '../../electron/library/export/file-names';
import type { Paper } from '../../shared/types';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function paper(id: number, citekey: string | null, title = 'Attention Is All You Need'): Paper {
  return { id, citekey, title, authors: [{ family: 'Vaswani', given: 'Ashish' }], year: 2017 } as Paper;
}

/** What every generated name must be on Windows, macOS and Linux (and in Obsidian links). */
function expectPortable(name: string): void {
  expect(name).not.toMatch(/[<>:"/\\|?*#^[\]]|\p{Cc}/u);
  expect(name).not.toMatch(/[. ]$/);
  expect(name).not.toMatch(/^\./);
  expect(name).not.toMatch(WINDOWS_RESERVED);
  expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(200);
}

describe('note file names', () => {
  it('come from the citation key, else a slug of first author, year and title', () => {
    expect(preferredStem(paper(1, 'vaswani2017attention'))).toBe('vaswani2017attention');
    expect(preferredStem(paper(1, null))).toBe('vaswani-2017-attention-is-all-you-need');
    expect(paperSlug({ authors: [{ family: 'Müller' }], year: null, title: 'Über Café' })).toBe('muller-uber-cafe');
    expect(preferredStem({ ...paper(9, null, '???'), authors: [], year: null })).toBe('paper-9');
  });

  it('never name a place outside the folder, a reserved device or a hidden file', () => {
    for (const key of [
      '../../etc/passwd',
      '/etc/passwd',
      'C:\\Windows\\x',
      '..',
      '.',
      '.hidden',
      'CON',
      'nul',
      'com1',
      'LPT9',
      'a:b',
      'name. ',
      'x\u0000y',
    ]) {
      const stem = preferredStem(paper(1, key));
      expectPortable(`${stem}.md`);
      expect(stem).not.toContain('..');
    }
    expect(safeStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeStem('CON')).toBe('CON_');
  });

  it('are portable and bounded for any citation key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (key) => {
        const name = `${preferredStem(paper(3, key))}.md`;
        expectPortable(name);
        expect(isSafeNoteName(name)).toBe(true);
        expectPortable(besideName(name).replace(/\.lectern-new\.md$/, '.md'));
      }),
      { numRuns: 500 },
    );
  });

  it('are unique without regard to case, suffixed in paper id order, and keep the names already given', () => {
    const papers = [paper(5, 'Smith2020'), paper(2, 'smith2020'), paper(9, 'SMITH2020')];
    const first = assignNames(papers, new Map(), new Set(), () => false);
    expect([first.get(2), first.get(5), first.get(9)]).toEqual(['smith2020.md', 'Smith2020-2.md', 'SMITH2020-3.md']);
    // A later export where paper 1 appears and paper 5 keeps its name from the manifest.
    const later = assignNames(
      [paper(1, 'smith2020'), ...papers],
      new Map([
        [5, 'Smith2020-2.md'],
        [2, 'smith2020.md'],
        [9, 'SMITH2020-3.md'],
      ]),
      new Set(),
      () => false,
    );
    expect(later.get(5)).toBe('Smith2020-2.md');
    expect(later.get(1)).toBe('smith2020-4.md');
  });

  it('do not take a name held by a file Lectern did not write', () => {
    const names = assignNames([paper(1, 'smith2020')], new Map(), new Set(), (n) => n === 'smith2020.md');
    expect(names.get(1)).toBe('smith2020-2.md');
  });
});
