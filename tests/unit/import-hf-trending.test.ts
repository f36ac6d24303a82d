import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hfTrending } from '../../electron/library/import/formats/hf-trending';
import { detectFormat } from '../../electron/library/import/detect';
import { tempDir, tempLibrary, TRENDING } from './helpers';

const text = fs.readFileSync(TRENDING, 'utf8');

describe('Hugging Face trending page', () => {
  it('finds exactly the 84 papers, skipping the page chrome', () => {
    const entries = [...hfTrending.parse(text)];
    expect(entries).toHaveLength(84);
    expect(entries.every((e) => e.ok)).toBe(true);
    const drafts = entries.map((e) => (e.ok ? e.draft : null)!);
    expect(drafts[0]!.title).toBe('Flexible Model Aggregation for Quantile Regression');
    expect(drafts[0]!.line).toBe(11);
    expect(drafts[83]!.title).toBe(
      'DiverseVul: A New Vulnerable Source Code Dataset for Deep Learning Based Vulnerability Detection',
    );
    for (const chrome of ['new', 'Subscribe', 'Mar 12', 'byAK and the research community']) {
      expect(drafts.some((d) => d.title === chrome)).toBe(false);
    }
  });

  it('keeps every abstract whole, exactly as on the page', () => {
    const lines = text.split('\n');
    const drafts = [...hfTrending.parse(text)].map((e) => (e.ok ? e.draft : null)!);
    for (const d of drafts) {
      // The abstract is the line two below the title, unchanged.
      expect(d.abstract).toBe(lines[d.line! + 1]!.trim());
    }
    expect(drafts[0]!.abstract!.startsWith('Quantile regression is a fundamental problem')).toBe(true);
    expect(drafts[0]!.abstract!.endsWith('from two different benchmark repositories.')).toBe(true);
  });

  it('is recognized from its content, whatever the file is called', () => {
    expect(detectFormat(text, 'clipboard')?.name).toBe('hf-trending');
    expect(detectFormat(text, 'page.md')?.name).toBe('hf-trending');
  });

  it('does not mistake plain text for a papers page', () => {
    expect(detectFormat('aosdoioifjosdfikbasjc\n', 'x.txt')).toBeNull();
    expect(detectFormat('', 'empty.txt')).toBeNull();
    expect(detectFormat('# YAML 1.2\n---\ntest: 123\n...\n', 'x.cff')).toBeNull();
  });

  it('imports 84 papers into the library, then adds nothing on re-import', () => {
    const { library } = tempLibrary();
    const first = library.importFile(TRENDING);
    expect(first).toMatchObject({ added: 84, merged: 0, skipped: 0, failed: 0, errors: [] });
    const second = library.importFile(TRENDING);
    expect(second).toMatchObject({ added: 0, merged: 0, skipped: 84, failed: 0 });
    expect(library.counts().all).toBe(84);
    const p = library.get(first.paperIds[0]!);
    expect(p).toMatchObject({ title: 'Flexible Model Aggregation for Quantile Regression', status: 'new' });
    expect(p.source).toBe('hf-trending:trending-page.txt');
    library.close();
  });

  it('recognizes a duplicate by normalized title even with different case and punctuation', () => {
    const { library } = tempLibrary();
    library.importFile(TRENDING);
    const dir = tempDir();
    const file = path.join(dir, 'again.txt');
    const abstract =
      'A much longer abstract that is clearly an abstract of a paper, with more than enough words to count as one. ' +
      'It goes on for a second sentence, as abstracts do.';
    fs.writeFileSync(
      file,
      `FLEXIBLE model aggregation for quantile-regression\n\n${abstract}\n\nA Brand New Paper\n\n${abstract}\n`,
    );
    const report = library.importFile(file);
    expect(report).toMatchObject({ added: 1, skipped: 1 });
    library.close();
  });

  it('refuses an unrecognized file and changes nothing', () => {
    const { library } = tempLibrary();
    library.importFile(TRENDING);
    const file = path.join(tempDir(), 'junk.txt');
    fs.writeFileSync(file, 'aosdoioifjosdfikbasjc\n');
    expect(() => library.importFile(file)).toThrow(/junk\.txt: no supported format recognized/);
    expect(library.counts().all).toBe(84);
    expect(library.history(10)).toHaveLength(1);
    library.close();
  });
});
