import { describe, expect, it } from 'vitest';
import { baseCitekey, ensureCitekeys, isUsableCitekey, planCitekeys } from '../../electron/library/export/citekey';
import { exportText } from '../../electron/library/export';
import { createRouter } from '../../electron/library';
import { HF_DAILY, libraryFrom } from './export-helpers';
import { tempLibrary } from './helpers';

describe('citation keys', () => {
  it('have the familiar author-year-word form', () => {
    const paper = { authors: [{ family: 'Vaswani', given: 'Ashish' }], year: 2017, title: 'Attention Is All You Need' };
    expect(baseCitekey(paper)).toBe('vaswani2017attention');
    expect(baseCitekey({ authors: [{ family: 'van der Müller' }], year: 2020, title: 'On the Ørsted effect' })).toBe(
      'muller2020orsted',
    );
    expect(baseCitekey({ authors: [{ literal: '深度' }], year: null, title: '深度学习' })).toBe('anon');
  });

  it('are unique without regard to case, older papers keeping theirs', () => {
    const mk = (id: number, citekey: string | null) =>
      ({ id, citekey, authors: [{ family: 'Smith' }], year: 2020, title: 'A study' }) as never;
    const all = [
      { id: 1, citekey: 'Smith2020study' },
      { id: 2, citekey: 'smith2020study' },
      { id: 3, citekey: null },
      { id: 4, citekey: 'has space' },
    ];
    const plan = planCitekeys(all, [mk(1, 'Smith2020study'), mk(2, 'smith2020study'), mk(3, null), mk(4, 'has space')]);
    expect(plan.has(1)).toBe(false);
    expect([plan.get(2), plan.get(3), plan.get(4)]).toEqual(['smith2020studya', 'smith2020studyb', 'smith2020studyc']);
    expect(isUsableCitekey('has space')).toBe(false);
    expect(isUsableCitekey('doe:2020/x')).toBe(true);
  });

  it('are generated once, stored as one undoable change, and kept by later exports', () => {
    const { library } = libraryFrom(HF_DAILY);
    const before = library.list({ query: '', sort: 'added', offset: 0, limit: 1000, snippets: false }).rows;
    expect(before.every((p) => p.citekey === null)).toBe(true);
    const first = exportText(library, { format: 'bibtex' });
    const keys = [...first.text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(keys).toHaveLength(before.length);
    expect(new Set(keys.map((k) => k!.toLowerCase())).size).toBe(keys.length);
    expect(library.history(5)[0]!.label).toBe(`Assign citation keys (${before.length})`);
    const historyLength = library.history(100).length;
    expect(exportText(library, { format: 'bibtex' }).text).toBe(first.text);
    expect(exportText(library, { format: 'csl-json' }).text).toContain(`"id": "${keys[0]}"`);
    expect(library.history(100)).toHaveLength(historyLength);
    library.undo();
    expect(library.get(before[0]!.id).citekey).toBeNull();
  });

  it('can be edited, and an edited key is what the next export uses', async () => {
    const { library } = libraryFrom(HF_DAILY);
    const router = createRouter(library);
    const one = library.list({ query: '', sort: 'added', offset: 0, limit: 1, snippets: false }).rows[0]!;
    ensureCitekeys(library, [one]);
    const updated = await router.call('papers.update', { id: one.id, patch: { citekey: 'my:key-2026' } });
    expect(updated.ok).toBe(true);
    const out = await router.call('export.text', { format: 'biblatex', ids: [one.id] });
    expect(out.ok && out.value.text.startsWith('@online{my:key-2026,')).toBe(true);
  });

  it('an empty library exports nothing and records nothing', () => {
    const { library } = tempLibrary();
    expect(exportText(library, { format: 'bibtex' })).toEqual({ text: '', count: 0 });
    expect(library.history(10)).toEqual([]);
  });
});
