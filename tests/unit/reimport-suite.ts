/** The shared check of the re-import test files: each real fixture of the given folders, imported twice, adds nothing. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../electron/library';
import { expectedCount, inFolders } from './format-fixtures';
import { FIXTURES, tempLibrary } from './helpers';

export function reimportSuite(folders: string[]): void {
  describe('re-importing real fixtures', () => {
    // One library for the whole file (opening one per fixture costs more than the imports): counts are compared
    // before and after each import, so papers shared by two fixtures only change what is "added" versus "merged".
    let library: Library;
    beforeAll(() => {
      library = tempLibrary().library;
    });
    afterAll(() => library.close());

    it.each(inFolders(folders).map((s) => [s.dest, s] as const))('%s: the second import adds nothing', (_dest, s) => {
      const file = path.join(FIXTURES, s.dest);
      const before = library.counts().all;
      const first = library.importFile(file);
      const expected = expectedCount(s);
      expect(first.added + first.merged + first.skipped).toBe(expected.papers);
      expect(first.failed).toBe(expected.errors);
      for (const e of first.errors) expect(e.file).toBe(file);
      const after = library.counts().all;
      expect(after - before).toBe(first.added);
      const second = library.importFile(file);
      expect(second.added).toBe(0);
      expect(second.failed).toBe(expected.errors);
      expect(library.counts().all).toBe(after);
    });
  });
}
