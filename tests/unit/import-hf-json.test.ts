/** Hugging Face papers JSON: /api/daily_papers responses and a scrape keyed by arXiv id, from the real fixtures. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hfJson } from '../../electron/library/import/formats/hf-json';
import { detectFormat } from '../../electron/library/import/detect';
import { expectErrors, parseFixture, parseWith, titled } from './format-parse';
import { FIXTURES, tempDir, tempLibrary } from './helpers';

const DAILY = 'hf-papers/sotawhat-daily_papers-2026-06-12.json';
const SCRAPE = 'hf-papers/paperexplorer-papers-2024-04-08.json';

describe('Hugging Face papers JSON', () => {
  it('reads /api/daily_papers with arXiv ids, authors, publication dates and upvotes', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(FIXTURES, DAILY), 'utf8')) as { paper: { upvotes: number } }[];
    const { drafts, errors } = parseFixture(hfJson, DAILY);
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(30);
    const top = titled(drafts, 'EvoArena: Tracking Memory Evolution');
    expect(top).toMatchObject({ arxiv: '2606.13681', date: '2026-06-11', year: 2026 });
    expect(top.authors.slice(0, 3)).toEqual([
      { family: 'Xu', given: 'Jundong' },
      { family: 'Li', given: 'Qingchuan' },
      { family: 'Wu', given: 'Jiaying' },
    ]);
    expect(top.extra).toMatchObject({ upvotes: 118, githubRepo: 'https://github.com/Aiden0526/EvoArena' });
    expect((top.extra['aiKeywords'] as string[]).length).toBeGreaterThan(3);
    // Every paper keeps its upvotes, in file order.
    expect(drafts.map((d) => d.extra['upvotes'])).toEqual(raw.map((r) => r.paper.upvotes));
  });

  it('reads the smaller daily_papers response, GitHub repositories included', () => {
    const { drafts } = parseFixture(hfJson, 'hf-papers/all-news-ai-daily_papers.json');
    expect(drafts.map((d) => [d.arxiv, d.extra['upvotes']])).toEqual([
      ['2607.23193', 3],
      ['2607.27958', 11],
      ['2607.28582', 17],
      ['2607.28308', 2],
      ['2607.16922', 0],
    ]);
    expect(drafts[0]).toMatchObject({
      title: 'OmniScope: Modality-Decoupled Token Compression for Omnimodal Large Language Models',
      date: '2026-07-28',
      url: 'https://arxiv.org/abs/2607.23193',
    });
    expect(drafts[0]!.extra['githubRepo']).toBe('https://github.com/MAC-AutoML/OmniScope');
  });

  it('reads the 753-paper scrape keyed by arXiv id, with abstracts unwrapped', () => {
    const { drafts } = parseFixture(hfJson, SCRAPE);
    expect(drafts).toHaveLength(753);
    expect(drafts[0]).toMatchObject({
      arxiv: '2312.17653',
      title: 'LARP: Language-Agent Role Play for Open-World Games',
      date: '2023-12-24',
      year: 2023,
      extra: { upvotes: 29 },
    });
    expect(drafts[0]!.authors[0]).toEqual({ family: 'Yan', given: 'Ming' });
    expect(drafts[0]!.abstract).not.toContain('\n');
    expect(drafts.reduce((sum, d) => sum + (d.extra['upvotes'] as number), 0)).toBe(16201);
    expect(titled(drafts, 'The Era of 1-bit LLMs').extra['upvotes']).toBe(553);
  });

  it('reads an /api/papers array of bare papers', () => {
    const papers = [{ id: '2401.00001', title: 'A Paper', authors: [{ name: 'Ada Lovelace' }], publishedAt: '2024-01-02T00:00:00.000Z', summary: 'S.', upvotes: 7 }]; // prettier-ignore
    const text = JSON.stringify(papers);
    expect(detectFormat(text, 'papers.json')?.name).toBe('hf-json');
    const { drafts } = parseWith(hfJson, text);
    expect(drafts[0]).toMatchObject({ arxiv: '2401.00001', year: 2024, extra: { upvotes: 7 } });
  });

  it('reports broken JSON with its line, and a paper without a title by its id', () => {
    const broken = parseWith(hfJson, '[\n{"paper": {"id": "1", "upvotes": 1},\n}\n]');
    expect(broken.drafts).toEqual([]);
    expectErrors(broken.errors, [[3, /^not valid JSON/]]);
    const untitled = parseWith(hfJson, '[{"paper": {"id": "2401.00002", "upvotes": 1, "publishedAt": "2024"}}]');
    expect(untitled.errors[0]!.message).toMatch(/2401\.00002.*no title/);
  });

  it('reports a broken paper with its line and still reads the others; a cut-off file keeps what came before', () => {
    const text = fs.readFileSync(path.join(FIXTURES, SCRAPE), 'utf8');
    const at = text.indexOf('"upvotes": 553');
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    const paperLine = lineOf(text.indexOf('"2402.17764": {'));
    const broken = parseWith(hfJson, text.slice(0, at) + '"upvotes": 553,,' + text.slice(at + 14));
    expect(broken.drafts).toHaveLength(752);
    expect(broken.drafts.some((d) => d.arxiv === '2402.17764')).toBe(false);
    expectErrors(broken.errors, [[lineOf(at), /^not valid JSON/]]);
    const before = broken.drafts.filter((d) => d.line! < paperLine).map((d) => d.arxiv);
    const cut = parseWith(hfJson, text.slice(0, at));
    expect(cut.drafts.map((d) => d.arxiv)).toEqual(before);
    expectErrors(cut.errors, [[paperLine, /cut off/]]);
  });

  it('stores upvotes and the arXiv id in the library, and a re-import adds nothing', () => {
    const { library } = tempLibrary();
    const first = library.importFile(path.join(FIXTURES, SCRAPE));
    expect(first.added).toBe(753);
    const flowvid = library.get(first.paperIds[1]!);
    // The scrape wraps titles; the library keeps them on one line.
    expect(flowvid.title).toBe('FlowVid: Taming Imperfect Optical Flows for Consistent Video-to-Video Synthesis');
    expect(flowvid).toMatchObject({ arxiv: '2312.17681', source: `hf-json:${path.basename(SCRAPE)}` });
    expect(typeof flowvid.extra['upvotes']).toBe('number');
    // The same papers again under another name change nothing.
    const copy = path.join(tempDir(), 'copy.json');
    fs.copyFileSync(path.join(FIXTURES, SCRAPE), copy);
    expect(library.importFile(copy).added).toBe(0);
    expect(library.counts().all).toBe(753);
    library.close();
  });
});
