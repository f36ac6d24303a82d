import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Library, type Router } from '../../electron/library';
import { commandNames } from '../../shared/contract';
import { tempLibrary, TRENDING } from './helpers';

let library: Library;
let router: Router;
beforeAll(() => {
  library = tempLibrary().library;
  router = createRouter(library);
});
afterAll(() => library.close());

describe('the contract router', () => {
  it('imports through import.text and lists through papers.list', async () => {
    const imported = await router.call('import.text', {
      name: 'trending-page.txt',
      text: fs.readFileSync(TRENDING, 'utf8'),
    });
    expect(imported.ok && imported.value.added).toBe(84);
    const page = await router.call('papers.list', { query: 'quantile regression', limit: 5 });
    expect(page.ok && page.value.rows[0]!.title).toBe('Flexible Model Aggregation for Quantile Regression');
  });

  it('answers bad requests with error results, never by throwing', async () => {
    const bad: [unknown, unknown][] = [
      ['no.such.command', {}],
      [42, {}],
      ['papers.get', { id: 'one' }],
      ['papers.get', { id: -1 }],
      ['papers.get', {}],
      ['papers.get', null],
      ['papers.get', 'text'],
      ['papers.setStatus', { ids: [1], status: 'finished' }],
      ['papers.setStatus', { ids: [], status: 'read' }],
      ['papers.tag', { ids: [1], add: ['has space'] }],
      ['papers.list', { limit: 100000 }],
      ['papers.list', { query: 'x', extra: true }],
      ['papers.update', { id: 1, patch: { status: 'read' } }],
      ['import.text', { name: 'x' }],
    ];
    for (const [command, input] of bad) {
      const result = await router.handle(command, input);
      expect(result.ok, `${String(command)} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad-request');
    }
  });

  it('maps library failures to codes: not found, query syntax with position, bad input', async () => {
    const missing = await router.handle('papers.get', { id: 99999 });
    expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: 'no paper with id 99999' } });
    const syntax = await router.handle('papers.list', { query: 'title:"open' });
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) {
      expect(syntax.error.code).toBe('query-syntax');
      expect(syntax.error.position).toBe(6);
    }
    const junk = await router.handle('import.text', { name: 'junk.txt', text: 'not a paper list' });
    expect(!junk.ok && junk.error.code).toBe('bad-input');
  });

  it('pushes library:changed events after changes', async () => {
    const seen: string[][] = [];
    const off = library.onEvent((event, payload) => {
      if (event === 'library:changed') seen.push((payload as { tables: string[] }).tables);
    });
    await router.call('papers.setStarred', { ids: [1], starred: true });
    await router.call('history.undo', {});
    off();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toContain('papers');
  });

  it('serves every command in the contract', async () => {
    for (const name of commandNames) {
      const result = await router.handle(name, { __probe: true });
      // A handler exists for every command: a bad input is rejected by validation, not as an unknown command.
      if (!result.ok) expect(result.error.message).not.toMatch(/unknown command/);
    }
  });
});
