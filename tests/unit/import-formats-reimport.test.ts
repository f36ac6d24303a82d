/** Importing each real fixture of the non-BibTeX formats twice into a fresh library: the second time adds nothing. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedCount, supported } from './format-fixtures';
import { FIXTURES, tempLibrary } from './helpers';

describe('re-importing real fixtures', () => {
  it.each(supported.map((s) => [s.dest, s] as const))('%s: the second import adds nothing', (_dest, s) => {
    {
      const file = path.join(FIXTURES, s.dest);
      const { library } = tempLibrary();
      const first = library.importFile(file);
      const expected = expectedCount(s);
      expect(first.added + first.merged + first.skipped, s.dest).toBe(expected.papers);
      expect(first.failed, s.dest).toBe(expected.errors);
      for (const e of first.errors) expect(e.file, s.dest).toBe(file);
      const count = library.counts().all;
      expect(count, s.dest).toBe(first.added);
      const second = library.importFile(file);
      expect(second.added, s.dest).toBe(0);
      expect(library.counts().all, s.dest).toBe(count);
      library.close();
    }
  });
});
