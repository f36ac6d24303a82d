import { describe, expect, it } from 'vitest';
import type { PaperDraft } from '../../shared/types';
import { createRouter, openLibrary } from '../../electron/library';
import { duplicates } from '../../electron/library/duplicates';
import { runCli } from '../../electron/cli/main';
import { nearlySameTitle, boundedDistance } from '../../electron/library/duplicates/similar';
import { normalizeTitle } from '../../shared/normalize';
import { tempLibrary, TRENDING } from './helpers';
import { dailyPapers, importDrafts, insertRaw } from './duplicates-helpers';

const papers = dailyPapers();
const base = papers[0]!;
const other = papers[1]!;

function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    readStdin: () => Promise.resolve(''),
    isTTY: false,
  };
  return runCli(args, io, {}).then((code) => ({ code, stdout, stderr }));
}

describe('duplicates on import', () => {
  it('merges by arXiv id or DOI whatever the title says, filling only empty fields', () => {
    const { library } = tempLibrary();
    const first = importDrafts(library, [{ ...base, abstract: null, doi: null }]);
    expect(first).toMatchObject({ added: 1, merged: 0 });
    const again = importDrafts(library, [{ ...base, title: `${base.title} (v2)`, doi: '10.48550/arXiv.2606.00467' }]);
    expect(again).toMatchObject({ added: 0, merged: 1, skipped: 0 });
    const p = library.get(first.paperIds[0]!);
    expect(p.title).toBe(base.title);
    expect(p.abstract).toBe(base.abstract);
    expect(p.doi).toBe('10.48550/arxiv.2606.00467');
    // Same DOI, no arXiv id, another title: still the same paper.
    const byDoi = importDrafts(library, [{ ...other, arxiv: null, doi: '10.48550/ARXIV.2606.00467' }]);
    expect(byDoi).toMatchObject({ added: 0, skipped: 1 });
    expect(library.counts().all).toBe(1);
    library.close();
  });

  it('merges by normalized title, first author and year, and only then', () => {
    const { library } = tempLibrary();
    importDrafts(library, [{ ...base, arxiv: null }]);
    const family = base.authors[0]!.family!;
    const sameWork: PaperDraft = {
      ...base,
      arxiv: null,
      title: base.title.toUpperCase().replace(/:/g, ' -'),
      authors: [{ family: family.toUpperCase(), given: 'E.' }],
      venue: 'Findings of ACL',
    };
    const merged = importDrafts(library, [sameWork]);
    expect(merged).toMatchObject({ added: 0, merged: 1 });
    expect(library.get(merged.paperIds[0]!).venue).toBe('Findings of ACL');
    expect(importDrafts(library, [{ ...sameWork, year: base.year! + 1 }])).toMatchObject({ added: 1, merged: 0 });
    expect(importDrafts(library, [{ ...sameWork, authors: [{ family: 'Someone', given: 'Else' }] }])).toMatchObject({
      added: 1,
    });
    expect(library.counts().all).toBe(3);
    library.close();
  });

  it('matches by title alone when the incoming paper has no authors or year (the Hugging Face page)', () => {
    const { library } = tempLibrary();
    expect(library.importFile(TRENDING)).toMatchObject({ added: 84 });
    expect(library.importFile(TRENDING)).toMatchObject({ added: 0, merged: 0, skipped: 84 });
    library.close();
  });

  it("keeps the user's status, tags, star and note, and undo restores the paper as it was", () => {
    const { library } = tempLibrary();
    const [id] = importDrafts(library, [{ ...base, abstract: null }]).paperIds;
    library.setStatus([id!], 'reading');
    library.tag([id!], ['mine'], []);
    library.setStarred([id!], true);
    library.setNote(id!, 'my note');
    const before = library.get(id!);
    const report = importDrafts(library, [{ ...base, tags: ['keyword'], note: 'their note' }]);
    expect(report).toMatchObject({ merged: 1, paperIds: [id] });
    const after = library.get(id!);
    expect(after).toMatchObject({ status: 'reading', starred: true, note: 'my note', abstract: base.abstract });
    expect(after.tags).toEqual(['keyword', 'mine']);
    expect(library.undo()?.paperIds).toEqual([id]);
    expect(library.get(id!)).toEqual(before);
    library.close();
  });
});

describe('duplicates already in the library', () => {
  function seeded() {
    const t = tempLibrary();
    const typo = base.title.replace('Adaptability', 'Adaptabilty');
    const ids = insertRaw(t.library, [
      { ...base, doi: '10.1000/x1', arxiv: null }, // 1
      { ...other, doi: '10.1000/x1', arxiv: null }, // 2: same DOI as 1
      { ...papers[2]! }, // 3
      { ...papers[2]!, title: 'Something else entirely' }, // 4: same arXiv id as 3
      { ...papers[3]!, arxiv: null }, // 5
      { ...papers[3]!, arxiv: null, authors: [], year: null }, // 6: same title, knows no author/year
      { ...papers[4]!, arxiv: null, title: typo }, // 7
      { ...papers[4]!, arxiv: null, title: base.title }, // 8: near-identical to 7 (and same title as 1)
      { ...papers[5]!, arxiv: null, title: 'Deep Residual Learning, Part I: Identity Mappings' }, // 9
      { ...papers[5]!, arxiv: null, title: 'Deep Residual Learning, Part II: Identity Mappings' }, // 10
    ]);
    return { ...t, ids };
  }

  it('lists each likely pair once with its strongest reason, through the contract', async () => {
    const { library } = seeded();
    const result = await createRouter(library).call('duplicates.list', {});
    if (!result.ok) throw new Error(result.error.message);
    const listed = new Map(result.value.map((p) => [p.ids.join('-'), p.reason]));
    expect(result.value[0]!.papers.map((p) => p.id)).toEqual([1, 2]);
    expect(listed.get('1-2')).toBe('same-doi');
    expect(listed.get('3-4')).toBe('same-arxiv');
    expect(listed.get('5-6')).toBe('same-title-author-year');
    expect(listed.get('7-8')).toBe('near-identical-title');
    // Part I and Part II are two papers; 1 and 8 share a title but not the first author.
    expect(listed.has('9-10')).toBe(false);
    expect(listed.has('1-8')).toBe(false);
    expect(listed.size).toBe(4);
    library.close();
  });

  it('merges the second into the first as one undo step, and undo brings the second back', async () => {
    const { library } = seeded();
    const router = createRouter(library);
    await router.call('papers.setStatus', { ids: [2], status: 'read' });
    await router.call('papers.tag', { ids: [1], add: ['a'] });
    await router.call('papers.tag', { ids: [2], add: ['b', 'A'] });
    await router.call('papers.setNote', { id: 1, note: 'first note' });
    await router.call('papers.setNote', { id: 2, note: 'second note' });
    await router.call('papers.setStarred', { ids: [2], starred: true });
    const one = library.get(1);
    const two = library.get(2);
    const merged = await router.call('duplicates.merge', { ids: [1, 2] });
    if (!merged.ok) throw new Error(merged.error.message);
    expect(merged.value).toMatchObject({
      id: 1,
      title: base.title,
      status: 'read',
      starred: true,
      tags: ['a', 'b'],
      note: 'first note\n\nsecond note',
      statusChangedAt: two.statusChangedAt,
    });
    expect((await router.call('papers.get', { id: 2 })).ok).toBe(false);
    const undone = await router.call('history.undo', {});
    expect(undone.ok && undone.value?.paperIds).toEqual([1, 2]);
    expect(library.get(1)).toEqual(one);
    expect(library.get(2)).toEqual(two);
    expect(library.check().ok).toBe(true);
    library.close();
  });

  it('refuses to merge a paper with itself or a missing paper', async () => {
    const { library } = seeded();
    const router = createRouter(library);
    const self = await router.call('duplicates.merge', { ids: [1, 1] });
    expect(!self.ok && self.error.code).toBe('bad-request');
    const missing = await router.call('duplicates.merge', { ids: [1, 99] });
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const three = await router.handle('duplicates.merge', { ids: [1, 2, 3] });
    expect(!three.ok && three.error.code).toBe('bad-request');
    expect(library.counts().all).toBe(10);
    library.close();
  });

  it('forgets a dismissed pair for good, across reopening', async () => {
    const { library, file } = seeded();
    const router = createRouter(library);
    expect((await router.call('duplicates.dismiss', { ids: [8, 7] })).ok).toBe(true);
    library.close();
    const reopened = openLibrary({ path: file });
    const listed = duplicates(reopened);
    expect(listed.map((p) => p.ids.join('-'))).toEqual(['1-2', '3-4', '5-6']);
    reopened.close();
  });

  it('works from the command line: duplicates, merge, merge --not-duplicate, undo', async () => {
    const { library, file } = seeded();
    library.close();
    const listed = await cli(['duplicates', '--json', '--library', file]);
    expect(listed.code).toBe(0);
    const pairs = JSON.parse(listed.stdout) as { ids: number[]; reason: string; papers: { id: number }[] }[];
    expect(pairs.map((p) => p.reason)).toEqual([
      'same-doi',
      'same-arxiv',
      'same-title-author-year',
      'near-identical-title',
    ]);
    expect(pairs[0]!.papers.map((p) => p.id)).toEqual([1, 2]);
    const text = await cli(['duplicates', '--library', file]);
    expect(text.stdout).toContain('1 and 2: same DOI');
    const merged = await cli(['merge', '3', '4', '--json', '--library', file]);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ id: 3, arxiv: papers[2]!.arxiv });
    expect((await cli(['merge', '7', '8', '--not-duplicate', '--library', file])).code).toBe(0);
    const after = JSON.parse((await cli(['duplicates', '--json', '--library', file])).stdout) as { ids: number[] }[];
    expect(after.map((p) => p.ids.join('-'))).toEqual(['1-2', '5-6']);
    expect((await cli(['undo', '--library', file])).stdout).toContain('undone: Merge paper 4 into 3');
    expect((await cli(['merge', '3', '--library', file])).code).toBe(2);
    expect((await cli(['merge', '3', '77', '--library', file])).code).toBe(1);
  });
});

describe('near-identical titles', () => {
  const n = normalizeTitle;
  it('tolerates a typo, spacing and punctuation, not a different part or number', () => {
    expect(nearlySameTitle(n('Attention Is All You Need in Speech'), n('Attention is all you need  in speach'))).toBe(
      true,
    );
    expect(nearlySameTitle(n('Self-Supervised Pre-Training at Scale'), n('Self supervised pretraining at scale'))).toBe(
      true,
    );
    expect(
      nearlySameTitle(n('Scaling Laws for Neural Language Models 2'), n('Scaling Laws for Neural Language Models 3')),
    ).toBe(false);
    expect(nearlySameTitle(n('Introduction'), n('Introductions'))).toBe(false);
    expect(nearlySameTitle(n('A Survey of Large Language Models'), n('A Survey of Small Vision Transformers'))).toBe(
      false,
    );
  });
  it('computes edit distances exactly up to the limit', () => {
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 2)).toBe(3);
    expect(boundedDistance('flaw', 'lawn', 5)).toBe(2);
    expect(boundedDistance('', 'abc', 5)).toBe(3);
  });
});
