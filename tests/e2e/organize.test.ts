/**
 * Organizing from the window, by keyboard: sorting by a column header, hiding a column (remembered after a reload),
 * renaming and merging tags from the sidebar, saved searches, and copying BibTeX of the selection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Paper, TagCount } from '../../shared/types';
import { cli, listPapers, openTrendingWindow, waitForCursorOn, waitForSearchStatus } from './harness';
import type { Served, Window } from './harness';

let served: Served;
let window: Window;
let page: Page;
let papers: Paper[];

beforeAll(async () => {
  ({ served, window, page, papers } = await openTrendingWindow((library, imported) => {
    cli(library, 'tag', String(imported[0]!.id), String(imported[1]!.id), '+llm');
    cli(library, 'tag', String(imported[2]!.id), '+LLMs');
  }));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await waitForSearchStatus(page, `${papers.length} papers`);
});

afterAll(async () => {
  await window?.close();
  await served?.stop();
});

const nav = () => page.getByRole('navigation', { name: 'Library' });
const tags = () => JSON.parse(cli(served.library, 'tags', '--json')) as TagCount[];

describe('organizing, by keyboard', () => {
  it('sorts by a column from its header, and hides a column for good', async () => {
    const grid = page.getByRole('grid');
    await grid.getByRole('button', { name: 'Title' }).focus();
    await page.keyboard.press('Enter');
    await grid.getByRole('columnheader', { name: 'Title' }).and(page.locator('[aria-sort="ascending"]')).waitFor();
    const byTitle = JSON.parse(cli(served.library, 'list', 'status:new', '--sort', 'title:asc', '--json')) as Paper[];
    await page.keyboard.press('Escape');
    await waitForCursorOn(page, byTitle[0]!.title);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('columns');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Columns' });
    await dialog.getByRole('checkbox', { name: 'Venue' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await grid.getByRole('columnheader', { name: 'Venue' }).count()).toBe(0);
    await page.reload();
    await page.getByRole('grid').getByRole('row', { selected: true }).waitFor();
    expect(await page.getByRole('grid').getByRole('columnheader', { name: 'Venue' }).count()).toBe(0);
    await page.getByRole('grid').getByRole('columnheader', { name: 'Added' }).waitFor();
  });

  it('renames and merges tags from the sidebar', async () => {
    await nav().getByRole('button', { name: 'Rename, merge or delete tag LLMs' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Tag LLMs' });
    await dialog.getByRole('textbox', { name: 'Rename to' }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('large-language-models');
    await page.keyboard.press('Enter');
    await nav()
      .getByRole('button', { name: /^large-language-models 1$/ })
      .waitFor();
    expect(
      tags()
        .map((t) => t.name)
        .sort(),
    ).toEqual(['large-language-models', 'llm']);

    await nav().getByRole('button', { name: 'Rename, merge or delete tag llm' }).focus();
    await page.keyboard.press('Enter');
    const merge = page.getByRole('dialog', { name: 'Tag llm' });
    await merge.getByRole('combobox', { name: 'Merge into' }).focus();
    await merge.getByRole('button', { name: 'Merge' }).focus();
    await page.keyboard.press('Enter');
    await nav()
      .getByRole('button', { name: /^large-language-models 3$/ })
      .waitFor();
    expect(tags()).toEqual([{ name: 'large-language-models', count: 3 }]);
  });

  it('saves a search and runs it from the sidebar', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('tag:large-language-models');
    await waitForSearchStatus(page, /^\d+ papers?$/);
    await nav().getByRole('button', { name: '+ Save current search' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Save search' });
    await dialog.getByRole('textbox', { name: 'Name' }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('LLM reading');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('/');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await waitForSearchStatus(page, /^\d+ papers$/);
    await nav().getByRole('button', { name: 'LLM reading', exact: true }).focus();
    await page.keyboard.press('Enter');
    const expected = listPapers(served.library, 'tag:large-language-models');
    await waitForSearchStatus(page, `${expected.length} papers`);
  });

  it('copies BibTeX of the selected papers with Ctrl+Shift+C', async () => {
    await page.getByRole('grid').focus();
    await page.keyboard.press('x');
    await page.keyboard.press('Shift+J');
    await page.getByText('2 selected').waitFor();
    await page.keyboard.press('Control+Shift+C');
    await page.getByRole('status').filter({ hasText: 'Copied BibTeX of 2 papers' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.match(/^@\w+\{/gm)?.length).toBe(2);
  });
});
