/**
 * First run and the window's other doors, by keyboard: the empty library offers the bundled sample on Enter, undo takes
 * the import back; pasted text imports as papers; a note's Markdown preview never runs script; keys can be rebound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { listPapers, openWindow, serve, tempLibraryPath, waitForCursorOn, waitForSearchStatus } from './harness';
import type { Served, Window } from './harness';

let served: Served;
let window: Window;
let page: Page;

beforeAll(async () => {
  served = await serve(tempLibraryPath());
  window = await openWindow(served.url);
  page = window.page;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await window?.close();
  await served?.stop();
});

const BIBTEX = `@article{evil2024,
  title = {<img src=x onerror="window.__pwned=1">Attention Is Not All You Need},
  author = {Doe, Jane and Roe, Richard},
  journal = {Journal of Tests},
  year = {2024},
}
`;

describe('first run', () => {
  it('offers the sample on Enter, and u takes the whole import back', async () => {
    await page.getByRole('heading', { name: 'Welcome to Lectern' }).waitFor();
    await page.keyboard.press('Enter');
    await page
      .getByRole('region', { name: 'Import summary' })
      .filter({ hasText: /\d+ added/ })
      .waitFor();
    const papers = listPapers(served.library);
    expect(papers.length).toBeGreaterThan(50);
    await waitForSearchStatus(page, `${papers.length} papers`);
    await page.getByRole('grid').getByRole('row', { selected: true }).waitFor();

    await page.keyboard.press('u');
    await page.getByRole('heading', { name: 'Welcome to Lectern' }).waitFor();
    expect(listPapers(served.library)).toEqual([]);
    await page.keyboard.press('Control+Shift+Z');
    await waitForSearchStatus(page, `${papers.length} papers`);
    expect(listPapers(served.library).length).toBe(papers.length);
  });

  it('imports pasted text as papers, and shows imported markup as text', async () => {
    await page.evaluate((text) => navigator.clipboard.writeText(text), BIBTEX);
    await page.getByRole('grid').focus();
    await page.keyboard.press('Control+v');
    await page.getByRole('region', { name: 'Import summary' }).filter({ hasText: '1 added' }).waitFor();
    const [pasted] = listPapers(served.library, 'author:doe');
    expect(pasted?.title).toContain('Attention Is Not All You Need');
    await page.keyboard.press('/');
    await page.keyboard.type('author:doe');
    await waitForSearchStatus(page, '1 paper');
    await page.keyboard.press('Escape');
    await waitForCursorOn(page, 'Attention Is Not All You Need');
    const details = page.getByRole('complementary', { name: 'Paper details' });
    await details.getByRole('heading', { name: /onerror/ }).waitFor();
    expect(await details.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('renders a note as sanitized Markdown: no script, no javascript: links', async () => {
    await page.keyboard.press('n');
    await page.getByRole('textbox', { name: 'Note' }).waitFor();
    await page.keyboard.type(
      '## Plan\n\n<script>window.__pwned=2</script>\n\n[safe](https://arxiv.org/abs/1706.03762) [bad](javascript:window.__pwned=3)',
    );
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Note' }).waitFor({ state: 'detached' });
    const details = page.getByRole('complementary', { name: 'Paper details' });
    await details.getByRole('heading', { name: 'Plan' }).waitFor();
    await details.getByRole('link', { name: 'safe' }).waitFor();
    expect(await details.getByRole('link', { name: 'bad' }).count()).toBe(0);
    expect(await details.locator('script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const [noted] = listPapers(served.library, 'author:doe');
    expect(noted?.note).toContain('<script>window.__pwned=2</script>');
  });

  it('lets the user rebind a key in the ? overlay, and remembers it', async () => {
    await page.keyboard.press('/');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('button', { name: 'Change the key for Star or unstar' }).focus();
    await page.keyboard.press('Enter');
    await help
      .getByRole('button', { name: 'Change the key for Star or unstar' })
      .filter({ hasText: 'Press a key' })
      .waitFor();
    await page.keyboard.press('f');
    await help.getByRole('row', { name: /^f Star or unstar/ }).waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.reload();
    await page.getByRole('grid').getByRole('row', { selected: true }).waitFor();
    const first = page.getByRole('grid').getByRole('row', { selected: true });
    const title = (await first.getByRole('gridcell').nth(2).textContent()) ?? '';
    await page.keyboard.press('f');
    await first.getByRole('img', { name: 'starred' }).waitFor();
    const starred = listPapers(served.library, 'is:starred');
    expect(starred.map((p) => p.title)).toEqual([title]);
  });
});
