/**
 * Exporting notes from the window: the palette's "Export notes to Markdown…" dialog writes one file per paper into the
 * folder typed in, shows what it wrote, and a second export of the unchanged library reports every file unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Paper } from '../../shared/types';
import { openTrendingWindow, waitForSearchStatus } from './harness';
import type { Served, Window } from './harness';

let served: Served;
let window: Window;
let page: Page;
let papers: Paper[];
let out: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-e2e-notes-'));
  ({ served, window, page, papers } = await openTrendingWindow());
  await waitForSearchStatus(page, `${papers.length} papers`);
});

afterAll(async () => {
  await window?.close();
  await served?.stop();
});

async function exportEverything(): Promise<string> {
  await page.keyboard.press('Control+k');
  await page.keyboard.type('export notes');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export notes to Markdown' });
  const folder = dialog.getByRole('textbox', { name: 'Folder' });
  await folder.waitFor();
  await dialog.getByRole('radio', { name: 'Everything' }).check();
  await folder.fill(out);
  await folder.press('Enter');
  const status = dialog.getByRole('status');
  await status.waitFor({ timeout: 20_000 });
  const text = (await status.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return text;
}

describe('exporting notes from the window', () => {
  it('writes one Markdown file per paper, then finds them unchanged', async () => {
    const first = await exportEverything();
    expect(first).toContain(`Exported ${papers.length} papers`);
    expect(first).toContain(`${papers.length} written`);
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.md'));
    expect(files.length).toBe(papers.length);
    const one = fs.readFileSync(path.join(out, files[0]!), 'utf8');
    expect(one.startsWith('---\n')).toBe(true);

    const second = await exportEverything();
    expect(second).toContain(`${papers.length} unchanged`);
    expect(second).toContain('0 written');
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.md')).length).toBe(papers.length);
  });
});
