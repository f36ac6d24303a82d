/**
 * Back up and restore from the window, by keyboard: back up from the command palette, change the library (a tag, a
 * status, a deleted paper), restore that backup from the Restore dialog, and the library is exactly as it was, in the
 * file (checked with the CLI) and on screen (table, sidebar counts, detail pane).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Paper } from '../../shared/types';
import { cli, listPapers, openTrendingWindow, waitForCursorOn, waitForSearchStatus } from './harness';
import type { Served, Window } from './harness';

let served: Served;
let window: Window;
let page: Page;
let papers: Paper[];

const backupsOf = (library: string) =>
  fs
    .readdirSync(path.join(path.dirname(library), 'backups'))
    .filter((f) => /^library-.*\.sqlite$/.test(f))
    .sort();

const paperCount = (file: string): number => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

async function runFromPalette(words: string): Promise<void> {
  await page.getByRole('grid').focus();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).waitFor();
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
}

beforeAll(async () => {
  ({ served, window, page, papers } = await openTrendingWindow((library, imported) => {
    cli(library, 'tag', String(imported[0]!.id), String(imported[1]!.id), '+survey');
  }));
  await runFromPalette('go to all papers');
  await waitForSearchStatus(page, `${papers.length} papers`);
});

afterAll(async () => {
  await window?.close();
  await served?.stop();
});

const nav = () => page.getByRole('navigation', { name: 'Library' });
const detail = () => page.getByRole('complementary', { name: 'Paper details' });

describe('backup and restore from the window', () => {
  it('backs up from the palette, and restoring that backup brings the library back exactly', async () => {
    const before = listPapers(served.library);
    const backupsBefore = backupsOf(served.library);

    await runFromPalette('back up library now');
    await page
      .getByRole('status')
      .filter({ hasText: /Backed up the library to library-.*\.sqlite/ })
      .waitFor();
    const afterBackup = backupsOf(served.library);
    expect(afterBackup).toHaveLength(backupsBefore.length + 1);
    const ours = afterBackup.find((b) => !backupsBefore.includes(b))!;
    expect(paperCount(path.join(path.dirname(served.library), 'backups', ours))).toBe(papers.length);

    // Change things: a new tag and a status on the cursor paper, and one paper deleted (through the same contract).
    const title = await detail().getByRole('heading', { level: 2 }).textContent();
    await page.getByRole('grid').focus();
    await page.keyboard.press('t');
    await page.getByRole('dialog', { name: 'Add tags' }).getByRole('combobox', { name: 'Tag' }).waitFor();
    await page.keyboard.type('after-backup');
    await page.keyboard.press('Enter');
    await detail().getByText('after-backup').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('4');
    await nav()
      .getByRole('button', { name: /^after-backup 1$/ })
      .waitFor();
    const victim = papers.find((p) => p.title !== title && !p.tags.includes('survey'))!;
    const deleted = await page.evaluate(async (id) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ command: 'papers.delete', input: { ids: [id] } }),
      });
      return (await response.json()) as unknown;
    }, victim.id);
    expect(deleted).toEqual({ ok: true, value: { deleted: 1 } });
    await waitForSearchStatus(page, `${papers.length - 1} papers`);
    const changed = listPapers(served.library);
    expect(changed).toHaveLength(papers.length - 1);
    const changedPaper = changed.find((p) => p.title === title);
    expect(changedPaper?.status).toBe('read');
    expect(changedPaper?.tags).toContain('after-backup');

    // The changed paper under the cursor again (it is the first row): its detail shows the new tag.
    await page.getByRole('grid').focus();
    await page.keyboard.press('Home');
    await waitForCursorOn(page, title!);
    await detail().getByText('after-backup').waitFor();

    // Restore, by keyboard: the newest backup is chosen and focused; Enter, then Enter again to confirm.
    await runFromPalette('restore from backup');
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    const radios = dialog.getByRole('radio');
    await radios.first().waitFor();
    expect(await radios.count()).toBe(afterBackup.length);
    await expect.poll(() => radios.first().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await radios.first().isChecked()).toBe(true);
    expect(await radios.first().getAttribute('value')).toBe(ours);
    await page.keyboard.press('Enter');
    await dialog.getByText('the current library is kept as a backup first').waitFor();
    await expect
      .poll(() =>
        dialog.getByRole('button', { name: 'Restore', exact: true }).evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    // Tab stays inside the dialog.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Restored the backup of' }).waitFor();

    // The file is exactly as it was at the backup.
    expect(listPapers(served.library)).toEqual(before);
    // The changed library was kept as a backup first.
    const afterRestore = backupsOf(served.library);
    expect(afterRestore).toHaveLength(afterBackup.length + 1);
    const kept = afterRestore.find((b) => !afterBackup.includes(b))!;
    expect(paperCount(path.join(path.dirname(served.library), 'backups', kept))).toBe(papers.length - 1);

    // And every view shows it: the table's count, the sidebar's tags and counts, the detail pane.
    await waitForSearchStatus(page, `${papers.length} papers`);
    await nav()
      .getByRole('button', { name: /^survey 2$/ })
      .waitFor();
    await nav()
      .getByRole('button', { name: /^after-backup 1$/ })
      .waitFor({ state: 'detached' });
    await nav()
      .getByRole('button', { name: new RegExp(`^Inbox ${papers.length}$`) })
      .waitFor();
    // The same paper, in the detail pane as the backup has it.
    await detail().getByText('after-backup').waitFor({ state: 'detached' });
    await waitForCursorOn(page, title!);
    await detail().getByText('Inbox').waitFor();
  });
});
