/**
 * Hostile content in the window: titles, abstracts, notes, tags and links carrying HTML, <script>, event handlers,
 * javascript: and data: links, Markdown with raw HTML, and overlong Unicode. The window must show them as text or
 * sanitized: no script runs (nothing sets window.__pwned, no dialog opens) and nothing navigates or opens a window,
 * even when every link in the detail pane is clicked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openLibrary } from '../../electron/library';
import { generatedPage } from '../safety/crash';
import { openWindow, serve, tempLibraryPath, type Served, type Window } from './harness';

const PWN = (where: string) => `window.__pwned='${where}'`;
const TITLES = [
  `<script>${PWN('title-script')}</script> Title with a script`,
  `<img src=x onerror="${PWN('title-img')}"> Title with an image`,
  `Overlong Ú${'\u0301'.repeat(2000)} \u202Eevil\u202C ${'\u200D'.repeat(500)} title`,
  `<a href="javascript:${PWN('title-link')}">Title with a javascript link</a>`,
];
const ABSTRACT = `<iframe src="javascript:top.${PWN('abstract-iframe')}"></iframe><svg onload="${PWN('abstract-svg')}"></svg> <style>body{display:none}</style> Abstract text`;
const NOTE = [
  `**Bold** note <script>${PWN('note-script')}</script>`,
  `[javascript link](javascript:${PWN('note-js-link')})`,
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  `<img src=x onerror="${PWN('note-img')}">`,
  `<a href="javascript:${PWN('note-raw-link')}">raw link</a>`,
  '[vbscript link](vbscript:msgbox(1)) [file link](file:///etc/passwd) [safe link](https://example.org/paper)',
].join('\n\n');
const TAGS = [`<svg/onload=${PWN('tag')}>`, 'javascript:alert(1)'];

let served: Served;
let window: Window;
let page: Page;
const dialogs: string[] = [];
const navigations: string[] = [];
const popups: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  const library = tempLibraryPath();
  const lib = openLibrary({ path: library });
  lib.importText('seed.txt', generatedPage(TITLES.length, 'Seed'));
  TITLES.forEach((title, i) =>
    lib.update(i + 1, {
      title,
      abstract: ABSTRACT,
      url: `javascript:${PWN('url')}`,
      venue: `<b onmouseover="${PWN('venue')}">v</b>`,
    }),
  );
  for (let id = 1; id <= TITLES.length; id++) {
    lib.setNote(id, NOTE);
    lib.tag([id], TAGS, []);
  }
  lib.close();
  served = await serve(library);
  window = await openWindow(served.url);
  page = window.page;
  const origin = new URL(served.url).origin;
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  page.context().on('page', (p) => popups.push(p.url()));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
});

afterAll(async () => {
  await window?.close();
  await served?.stop();
});

async function pwned(): Promise<unknown> {
  return page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null);
}

describe('hostile content in the window', () => {
  it('shows titles with markup as text in the list', async () => {
    const grid = page.getByRole('grid');
    await grid.waitFor();
    await grid.getByText('<script>', { exact: false }).first().waitFor();
    await grid.getByText('onerror=', { exact: false }).first().waitFor();
    expect(await pwned()).toBeNull();
  });

  it('opens every hostile paper, clicks every link in its details, and nothing runs or navigates', async () => {
    const start = page.url();
    const details = page.getByRole('complementary', { name: 'Paper details' });
    // The detail pane is open from the start; Home puts the cursor on the first paper.
    await page.keyboard.press('Home');
    let clicked = 0;
    for (let i = 0; i < TITLES.length; i++) {
      await details.waitFor();
      await details.getByText('Abstract text', { exact: false }).first().waitFor();
      await details.getByText('Bold').first().waitFor();
      const links = details.locator('a');
      const count = await links.count();
      for (let l = 0; l < count; l++) {
        const link = links.nth(l);
        const href = await link.getAttribute('href');
        // Only plain http(s) links may keep an address at all; they open in a new tab (the system browser in the
        // app) by design, so only the others are clicked: they must do nothing.
        if (href !== null) {
          expect(href).toMatch(/^https?:\/\//);
          continue;
        }
        clicked++;
        await link.click({ force: true });
        await link.click({ force: true, button: 'middle' });
      }
      for (const label of ['javascript link', 'data link', 'raw link', 'vbscript link']) {
        const shown = details.getByText(label, { exact: false }).first();
        await shown.waitFor();
        await shown.click({ force: true });
        clicked++;
      }
      if (i < TITLES.length - 1) {
        // The next paper's details, not the ones still shown (which have the same texts and links): a click during
        // the switch found the old element gone.
        const title = details.locator('h2.detail-title');
        const before = await title.textContent();
        await page.keyboard.press('j');
        await expect.poll(() => title.textContent()).not.toBe(before);
      }
    }
    // The hostile links were shown as text (or as links without an address), and clicking them did nothing.
    expect(clicked).toBeGreaterThanOrEqual(TITLES.length);
    // A round trip to the page: everything the clicks could have triggered has had its turn.
    expect(await pwned()).toBeNull();
    expect(dialogs).toEqual([]);
    expect(navigations.filter((u) => u !== start)).toEqual([]);
    expect(popups).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(page.url()).toBe(start);
  });

  it('kept the hostile text as data: the library still holds it unchanged', () => {
    const lib = openLibrary({ path: served.library, readonly: true });
    expect(lib.get(1).title).toBe(TITLES[0]);
    expect(lib.get(1).note).toBe(NOTE);
    lib.close();
  });
});
