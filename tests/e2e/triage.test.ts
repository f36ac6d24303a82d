/**
 * The window end to end, by keyboard: import the Hugging Face trending page through the file picker, triage the first
 * ten papers of the Inbox (statuses, a star, a tag, a note), undo and redo, search with the query language, filter by
 * a tag from the sidebar. Every change is checked with the CLI on the same library file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Paper } from '../../shared/types';
import {
  TRENDING_PAGE,
  cli,
  listPapers,
  openWindow,
  serve,
  tempLibraryPath,
  waitForCursorOn,
  waitForSearchStatus,
  type Served,
  type Window,
} from './harness';

let served: Served;
let window: Window;
let page: Page;
let inbox: Paper[];

const byId = (library: string) => new Map(listPapers(library).map((p) => [p.id, p]));

beforeAll(async () => {
  served = await serve(tempLibraryPath());
  window = await openWindow(served.url);
  page = window.page;
});

afterAll(async () => {
  await window?.close();
  await served?.stop();
});

describe('the window, by keyboard', () => {
  it('greets an empty library and imports the trending page from the file picker (key i)', async () => {
    // Listening first: Playwright turns on file-chooser interception when the listener is added.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('heading', { name: 'Welcome to Lectern' }).waitFor();
    await page.keyboard.press('i');
    await (await chooser).setFiles(TRENDING_PAGE);
    const summary = page.getByRole('region', { name: 'Import summary' });
    await summary.waitFor();
    const papers = listPapers(served.library);
    expect(papers.length).toBeGreaterThan(50);
    expect(await summary.textContent()).toContain(`${papers.length} added`);
    await waitForSearchStatus(page, `${papers.length} papers`);
    // The Inbox in the window's order: newest first, as `lectern list --sort added:desc` prints it.
    inbox = JSON.parse(cli(served.library, 'list', 'status:new', '--sort', 'added:desc', '--json')) as Paper[];
    await waitForCursorOn(page, inbox[0]!.title);
    const nav = page.getByRole('navigation', { name: 'Library' });
    await nav.getByRole('button', { name: `Inbox ${papers.length}` }).waitFor();
  });

  it('triages the first ten papers: one key per paper moves it out and the cursor onto the next', async () => {
    const t = inbox.map((p) => p.title);
    await page.keyboard.press('2');
    await waitForCursorOn(page, t[1]!);
    await page.keyboard.press('3');
    await waitForCursorOn(page, t[2]!);
    await page.keyboard.press('4');
    await waitForCursorOn(page, t[3]!);
    await page.keyboard.press('5');
    await waitForCursorOn(page, t[4]!);

    // A star keeps the paper in the Inbox: move on with j.
    await page.keyboard.press('s');
    await page.getByRole('row', { selected: true }).getByRole('img', { name: 'starred' }).waitFor();
    await page.keyboard.press('j');
    await waitForCursorOn(page, t[5]!);

    // A tag, from the tag box: Enter adds, Esc closes.
    await page.keyboard.press('t');
    const tagBox = page.getByRole('dialog', { name: 'Add tags' });
    await tagBox.getByRole('combobox', { name: 'Tag' }).waitFor();
    await page.keyboard.type('diffusion');
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Paper details' }).getByText('diffusion').waitFor();
    await page.keyboard.press('Escape');
    await tagBox.waitFor({ state: 'detached' });
    await page.keyboard.press('j');
    await waitForCursorOn(page, t[6]!);

    // A note: n opens the editor, Ctrl+Enter saves and returns to the table.
    await page.keyboard.press('n');
    await page.getByRole('textbox', { name: 'Note' }).waitFor();
    await page.keyboard.type('Worth a **close** read.');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('textbox', { name: 'Note' }).waitFor({ state: 'detached' });
    await page.getByRole('complementary', { name: 'Paper details' }).locator('strong', { hasText: 'close' }).waitFor();
    await page.keyboard.press('j');
    await waitForCursorOn(page, t[7]!);

    await page.keyboard.press('2');
    await waitForCursorOn(page, t[8]!);
    await page.keyboard.press('2');
    await waitForCursorOn(page, t[9]!);
    await page.keyboard.press('4');
    await waitForCursorOn(page, t[10]!);

    const now = byId(served.library);
    const status = (i: number) => now.get(inbox[i]!.id)?.status;
    expect([0, 1, 2, 3, 7, 8, 9].map(status)).toEqual([
      'to-read',
      'reading',
      'read',
      'skipped',
      'to-read',
      'to-read',
      'read',
    ]);
    expect([4, 5, 6].map(status)).toEqual(['new', 'new', 'new']);
    expect(now.get(inbox[4]!.id)?.starred).toBe(true);
    expect(now.get(inbox[5]!.id)?.tags).toEqual(['diffusion']);
    expect(now.get(inbox[6]!.id)?.note).toBe('Worth a **close** read.');
    const counts = JSON.parse(cli(served.library, 'list', 'status:new', '--json')) as Paper[];
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: `Inbox ${counts.length}` })
      .waitFor();
  });

  it('undoes with u (the paper comes back under the cursor) and redoes with Ctrl+Shift+Z', async () => {
    const last = inbox[9]!;
    await page.keyboard.press('u');
    await waitForCursorOn(page, last.title);
    expect(byId(served.library).get(last.id)?.status).toBe('new');
    await page.keyboard.press('Control+Shift+Z');
    await waitForCursorOn(page, inbox[10]!.title);
    expect(byId(served.library).get(last.id)?.status).toBe('read');
    await page.keyboard.press('Control+z');
    await waitForCursorOn(page, last.title);
    expect(byId(served.library).get(last.id)?.status).toBe('new');
    await page.keyboard.press('Control+Shift+Z');
    await waitForCursorOn(page, inbox[10]!.title);
    expect(byId(served.library).get(last.id)?.status).toBe('read');
  });

  it('searches with the query language, reports syntax errors, and returns to the table with Esc', async () => {
    // All papers, from the command palette.
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.type('go to all');
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: /^All papers/, pressed: undefined })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();

    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search papers' });
    await box.waitFor();
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('status:to-read');
    const toRead = listPapers(served.library, 'status:to-read');
    expect(toRead.length).toBe(3);
    await waitForSearchStatus(page, '3 papers');

    await page.keyboard.press('Control+a');
    await page.keyboard.type('"unclosed');
    await waitForSearchStatus(page, /Query error: .*quote/i);

    await page.keyboard.press('Control+a');
    await page.keyboard.type('tag:diffusion OR is:starred');
    const either = listPapers(served.library, 'tag:diffusion OR is:starred');
    expect(either.map((p) => p.id).sort()).toEqual([inbox[4]!.id, inbox[5]!.id].sort());
    await waitForSearchStatus(page, '2 papers');

    const word = inbox[12]!.title.split(/\W+/).find((w) => w.length > 6)!;
    await page.keyboard.press('Control+a');
    await page.keyboard.type(`title:${word.toLowerCase()}`);
    const matches = listPapers(served.library, `title:${word.toLowerCase()}`);
    expect(matches.length).toBeGreaterThan(0);
    await waitForSearchStatus(page, `${matches.length} ${matches.length === 1 ? 'paper' : 'papers'}`);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('grid').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('row', { selected: true, name: new RegExp(word) }).waitFor();

    await page.keyboard.press('/');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
  });

  it('filters by a tag from the sidebar', async () => {
    const tag = page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^diffusion 1$/ });
    await tag.focus();
    await page.keyboard.press('Enter');
    await waitForSearchStatus(page, '1 paper');
    await waitForCursorOn(page, inbox[5]!.title);
    const tagged = listPapers(served.library, 'tag:diffusion');
    expect(tagged.map((p) => p.id)).toEqual([inbox[5]!.id]);
    expect(await page.getByRole('grid').getByRole('row').count()).toBe(2);
  });

  it('selects rows with x and Shift+J, and a status key moves every selected paper', async () => {
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /^Inbox/ })
      .focus();
    await page.keyboard.press('Enter');
    const now = JSON.parse(cli(served.library, 'list', 'status:new', '--sort', 'added:desc', '--json')) as Paper[];
    await waitForCursorOn(page, now[0]!.title);
    await page.keyboard.press('x');
    await page.keyboard.press('Shift+J');
    await page.keyboard.press('Shift+J');
    await page.getByText('3 selected').waitFor();
    await page.keyboard.press('5');
    await waitForCursorOn(page, now[3]!.title);
    const skipped = new Set(listPapers(served.library, 'status:skipped').map((p) => p.id));
    expect([0, 1, 2].every((i) => skipped.has(now[i]!.id))).toBe(true);
    await page.keyboard.press('u');
    await waitForCursorOn(page, now[0]!.title);
    const back = new Set(listPapers(served.library, 'status:new').map((p) => p.id));
    expect([0, 1, 2].every((i) => back.has(now[i]!.id))).toBe(true);
  });

  it('shows every shortcut in the ? overlay and keeps focus inside it', async () => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const label of ['Next paper', 'Mark as to read', 'Add tags', 'Edit the note', 'Undo', 'Command palette']) {
      await help.getByText(label, { exact: true }).waitFor();
    }
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    expect(await help.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });
});
