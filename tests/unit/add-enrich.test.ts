import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PaperDraft } from '../../shared/types';
import { createRouter, openLibrary } from '../../electron/library';
import { runCli } from '../../electron/cli/main';
import { parseIdentifier } from '../../electron/library/remote/identifiers';
import { crossrefWorkToDraft, type CrossrefWork } from '../../electron/library/remote/crossref';
import { pickMatch } from '../../electron/library/remote/enrich';
import { arxivAtomEntries } from '../../electron/library/import/formats/arxiv-atom';
import { FIXTURES, ROOT, tempLibrary } from './helpers';
import { insertRaw } from './duplicates-helpers';
import { closedPort, startReplayServer, type ReplayServer } from './replay-server';

const RECORDED = path.join(FIXTURES, 'arxiv/api/arxiv.py-2026-recorded');
const CROSSREF = path.join(ROOT, 'tests/fixtures/crossref/works_10.1021_acs.orglett.9b00971.json');
const ENV = [
  'LECTERN_ARXIV_API',
  'LECTERN_CROSSREF_API',
  'LECTERN_ARXIV_DELAY_MS',
  'LECTERN_CROSSREF_DELAY_MS',
  'LECTERN_HTTP_RETRIES',
  'LECTERN_HTTP_BACKOFF_MS',
  'LECTERN_HTTP_TIMEOUT_MS',
];

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  // Tiny pauses so the tests are quick; the politeness itself is the same code.
  Object.assign(process.env, {
    LECTERN_ARXIV_API: server.origin,
    LECTERN_CROSSREF_API: server.origin,
    LECTERN_ARXIV_DELAY_MS: '1',
    LECTERN_CROSSREF_DELAY_MS: '0',
    LECTERN_HTTP_RETRIES: '3',
    LECTERN_HTTP_BACKOFF_MS: '1',
    LECTERN_HTTP_TIMEOUT_MS: '10000',
  });
  return () => {
    for (const k of ENV) delete process.env[k];
  };
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    readStdin: () => Promise.resolve(''),
    isTTY: false,
  };
  const code = await runCli(args, io, {});
  return { code, stdout, stderr };
}

function recordedDrafts(file: string): PaperDraft[] {
  const body = (JSON.parse(fs.readFileSync(path.join(RECORDED, file), 'utf8')) as { body: string }).body;
  return [...arxivAtomEntries(body)].flatMap((e) => (e.ok ? [e.draft] : []));
}

describe('identifiers', () => {
  it('reads arXiv ids, DOIs and their URLs', () => {
    expect(parseIdentifier('arXiv:2401.12345')).toMatchObject({ kind: 'arxiv', id: '2401.12345', query: '2401.12345' });
    expect(parseIdentifier('2104.12255v1')).toMatchObject({ kind: 'arxiv', id: '2104.12255', query: '2104.12255v1' });
    expect(parseIdentifier('hep-th/9901001')).toMatchObject({ kind: 'arxiv', id: 'hep-th/9901001' });
    expect(parseIdentifier('https://arxiv.org/abs/2401.12345v3')).toMatchObject({
      id: '2401.12345',
      query: '2401.12345v3',
    });
    expect(parseIdentifier('https://arxiv.org/pdf/astro-ph/0601001.pdf')).toMatchObject({ id: 'astro-ph/0601001' });
    expect(parseIdentifier('10.1145/3292500.3330701')).toMatchObject({ kind: 'doi', doi: '10.1145/3292500.3330701' });
    expect(parseIdentifier('https://doi.org/10.1021/ACS.ORGLETT.9B00971')).toMatchObject({
      kind: 'doi',
      doi: '10.1021/acs.orglett.9b00971',
    });
    expect(parseIdentifier('doi:10.1000/xyz')).toMatchObject({ kind: 'doi', doi: '10.1000/xyz' });
    expect(parseIdentifier('10.48550/arXiv.2401.12345')).toMatchObject({ kind: 'arxiv', id: '2401.12345' });
    for (const bad of ['', 'hello', '2401.123', 'https://example.org/abs/2401.12345', 'https://doi.org/nothing']) {
      expect(parseIdentifier(bad), bad).toBeNull();
    }
  });
});

describe('Crossref JSON', () => {
  it('maps a real work to a paper', () => {
    const body = (JSON.parse(fs.readFileSync(CROSSREF, 'utf8')) as { body: string }).body;
    const draft = crossrefWorkToDraft((JSON.parse(body) as { message: CrossrefWork }).message);
    expect(draft).toMatchObject({
      title: 'A General Copper-Catalyzed Synthesis of Ynamides from 1,2-Dichloroenamides',
      year: 2019,
      date: '2019-04-03',
      venue: 'Organic Letters',
      entryType: 'article',
      doi: '10.1021/acs.orglett.9b00971',
      url: 'https://doi.org/10.1021/acs.orglett.9b00971',
      extra: { publisher: 'American Chemical Society (ACS)', volume: '21', issue: '8', pages: '2918-2922' },
    });
    expect(draft.authors).toHaveLength(5);
    expect(draft.authors[0]).toEqual({ family: 'Mansfield', given: 'Steven J.' });
  });
});

describe('lectern add', () => {
  it('adds papers from arXiv and Crossref as one undo step, and merges them on a second add', async () => {
    const { library, file } = tempLibrary();
    library.close();
    const ids = [
      'arXiv:2104.12255v1',
      'astro-ph/0601001',
      'https://arxiv.org/abs/1707.08567',
      '10.1021/acs.orglett.9b00971',
    ];
    const added = await cli(['add', ...ids, '--json', '--library', file]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ added: 4, merged: 0, failed: 0, errors: [] });
    // A few arXiv ids are asked one by one, exactly as the recordings were made; the DOI from Crossref.
    expect(server.requests.slice(0, 3).map((r) => `${server.origin}${r}`)).toEqual(
      [
        'http://127.0.0.1/api/query?search_query=&id_list=2104.12255v1&sortBy=relevance&sortOrder=descending&start=0&max_results=100',
        'http://127.0.0.1/api/query?search_query=&id_list=astro-ph%2F0601001&sortBy=relevance&sortOrder=descending&start=0&max_results=100',
        'http://127.0.0.1/api/query?search_query=&id_list=1707.08567&sortBy=relevance&sortOrder=descending&start=0&max_results=100',
      ].map((u) => u.replace('http://127.0.0.1', server.origin)),
    );
    expect(server.requests[3]).toBe('/works/10.1021/acs.orglett.9b00971');
    // Byte for byte the requests the recordings were made with.
    for (const f of ['id_2104.12255v1_s0_m100_6ae69987ffe1.json', 'id_astro-ph_0601001_s0_m100_3150dca9dc76.json']) {
      const recorded = new URL((JSON.parse(fs.readFileSync(path.join(RECORDED, f), 'utf8')) as { url: string }).url);
      expect(server.requests).toContain(`${recorded.pathname}${recorded.search}`);
    }
    const lib = openLibrary({ path: file });
    const papers = lib.list({ query: '', sort: 'added', direction: 'asc', offset: 0, limit: 10, snippets: false }).rows;
    expect(papers.map((p) => [p.title.slice(0, 40), p.arxiv, p.doi, p.year])).toEqual([
      ['0', '2104.12255', null, 2021],
      ['Frequency of Hot Jupiters and Very Hot J', 'astro-ph/0601001', null, 2006],
      ['Proceedings of Workshop AEW10: Concepts ', '1707.08567', null, 2017],
      ['A General Copper-Catalyzed Synthesis of ', null, '10.1021/acs.orglett.9b00971', 2019],
    ]);
    expect(papers[1]!.venue).toBe('ActaAstron.56:1-50,2006');
    expect(papers[3]!.authors[0]).toEqual({ family: 'Mansfield', given: 'Steven J.' });
    expect(lib.history(5)[0]).toMatchObject({ label: 'Add 4 papers', papers: 4 });
    lib.close();
    const again = await cli(['add', '2104.12255', '10.1021/ACS.ORGLETT.9B00971', '--json', '--library', file]);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, skipped: 2 });
    expect((await cli(['undo', '--library', file])).stdout).toContain('Add 4 papers');
    expect((await cli(['list', '--json', '--library', file])).stdout.trim()).toBe('[]');
  });

  it('recognizes a paper imported from an arXiv file before', async () => {
    const { library } = tempLibrary();
    library.importFile(path.join(RECORDED, 'id_astro-ph_0601001_s0_m100_3150dca9dc76.atom.xml'));
    const r = await createRouter(library).call('papers.add', {
      identifiers: ['https://arxiv.org/abs/astro-ph/0601001v1'],
    });
    expect(r.ok && r.value).toMatchObject({ added: 0, skipped: 1 });
    library.close();
  });

  it('reports what arXiv and Crossref do not know, and refuses what is not an identifier', async () => {
    const { file } = tempLibrary();
    const missing = await cli(['add', '2401.99999', '10.1234/nothing.here', '--library', file]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('2401.99999: not found on arXiv');
    expect(missing.stderr).toContain('10.1234/nothing.here: not found in Crossref');
    const bad = await cli(['add', 'not-an-id', '--library', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not an arXiv id or DOI: not-an-id');
  });

  it('retries with backoff on 503 and 429, then gives up with a clear message', async () => {
    const { file } = tempLibrary();
    server.failNext(503, 'reset', 429);
    const ok = await cli(['add', '2104.12255v1', '--library', file]);
    expect(ok.code).toBe(0);
    expect(server.requests).toHaveLength(4);
    server.failNext(503, 503, 503, 503);
    const failing = await cli(['add', 'astro-ph/0601001', '--library', file]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/127\.0\.0\.1:\d+ keeps failing \(HTTP 503 after 4 tries\)/);
  });

  it('says clearly when a service cannot be reached or does not answer, and changes nothing', async () => {
    const { file } = tempLibrary();
    process.env['LECTERN_ARXIV_API'] = await closedPort();
    process.env['LECTERN_HTTP_RETRIES'] = '1';
    const offline = await cli(['add', 'arXiv:2104.12255', '--library', file]);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/^lectern: cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED\n$/);
    process.env['LECTERN_ARXIV_API'] = server.origin;
    process.env['LECTERN_HTTP_RETRIES'] = '0';
    process.env['LECTERN_HTTP_TIMEOUT_MS'] = '300';
    server.failNext('hang');
    const silent = await cli(['add', 'arXiv:2104.12255', '--library', file]);
    expect(silent.stderr).toMatch(/cannot reach 127\.0\.0\.1:\d+: no answer within 0\.3 s/);
    expect((await cli(['list', '--json', '--library', file])).stdout.trim()).toBe('[]');
  });
});

describe('lectern enrich', () => {
  const testing = recordedDrafts('q_testing_s0_m10_bc5a6c384fe9.json');
  const byTitle = (start: string) => testing.find((d) => d.title.startsWith(start))!;

  it('only takes an unambiguous match', () => {
    const gui = byTitle('Study Paper on Test Case');
    expect(pickMatch({ title: gui.title.toUpperCase(), authors: [] }, testing)).toMatchObject({ kind: 'one' });
    const twice = [...testing, { ...gui, arxiv: '9999.99999' }];
    expect(pickMatch({ title: gui.title, authors: [] }, twice)).toEqual({
      kind: 'many',
      candidates: ['1202.4527', '9999.99999'],
    });
    const typo = gui.title.replace('generation', 'generaton');
    expect(pickMatch({ title: typo, authors: [{ family: 'Isabella' }] }, testing)).toMatchObject({ kind: 'one' });
    expect(pickMatch({ title: typo, authors: [{ family: 'Other' }] }, testing)).toEqual({ kind: 'none' });
    expect(pickMatch({ title: typo, authors: [] }, testing)).toEqual({ kind: 'none' });
  });

  it('finds arXiv ids and DOIs by title, fills empty fields, keeps user state, one undo step', async () => {
    const { library } = tempLibrary();
    const blank = (d: PaperDraft, over: Partial<PaperDraft> = {}): PaperDraft => ({
      ...d,
      arxiv: null,
      doi: null,
      abstract: null,
      venue: null,
      ...over,
    });
    const gui = byTitle('Study Paper on Test Case');
    const review = byTitle('A Systematic Literature Review');
    const web = byTitle('A Survey on Web Testing');
    const openCat = byTitle('OpenCat');
    const near = review.title.replace('Techniques', 'Technique');
    const ids = insertRaw(library, [
      blank(gui, { title: 'Study paper on test case generation for GUI-based testing' }), // 1: same title
      blank(web, { authors: [], year: null, date: null }), // 2: title only, as on the Hugging Face page
      blank(review, { title: near }), // 3: near-identical, same first author
      blank(review, { title: near, authors: [{ family: 'Someone' }] }), // 4: near-identical, another author
      {
        ...blank(web),
        title: 'A General Copper-Catalyzed Synthesis of Ynamides from 1,2-Dichloroenamides',
        authors: [{ family: 'Mansfield', given: 'S. J.' }],
        year: 2019,
      }, // 5: in Crossref
      { ...byTitle('Microcontroller Based') }, // 6: has its arXiv id already
      { ...openCat }, // 7: OpenCat with its arXiv id
      blank(openCat, { authors: [] }), // 8: OpenCat again, without ids
    ]);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    library.setStatus([2], 'reading');
    library.tag([2], ['web'], []);
    const before = ids.map((id) => library.get(id));
    const result = await createRouter(library).call('papers.enrich', {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual({
      checked: 6,
      enriched: [
        { id: 1, arxiv: '1202.4527', doi: null, via: 'arxiv' },
        { id: 2, arxiv: '2503.05378', doi: null, via: 'arxiv' },
        { id: 3, arxiv: '1812.11470', doi: null, via: 'arxiv' },
        { id: 5, arxiv: null, doi: '10.1021/acs.orglett.9b00971', via: 'crossref' },
      ],
      ambiguous: [],
      notFound: [4],
      conflicts: [{ id: 8, identifier: '2502.07719', existing: 7 }],
    });
    const two = library.get(2);
    expect(two).toMatchObject({ status: 'reading', tags: ['web'], year: 2025, abstract: web.abstract });
    expect(two.authors[0]).toEqual(web.authors[0]);
    expect(library.get(1).title).toBe('Study paper on test case generation for GUI-based testing');
    expect(library.undo()?.label).toBe('Enrich 4 papers');
    expect(ids.map((id) => library.get(id))).toEqual(before);
    library.close();
  });

  it('looks up only the papers matching the query, from the command line', async () => {
    const { library, file } = tempLibrary();
    const gui = byTitle('Study Paper on Test Case');
    insertRaw(library, [
      { ...gui, arxiv: null, doi: null },
      { ...byTitle('A Survey on Web Testing'), arxiv: null, doi: null },
    ]);
    library.close();
    const r = await cli(['enrich', 'gui', '--library', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1: arXiv:1202.4527 (arxiv)');
    expect(r.stdout).toContain('1 checked, 1 enriched, 0 ambiguous, 0 not found');
    expect(server.requests).toHaveLength(1);
    expect(new URL(server.requests[0]!, server.origin).searchParams.get('search_query')).toBe(
      'ti:"Study Paper on Test Case generation for GUI Based Testing"',
    );
  });
});
