/**
 * The damaged-library prompt of the window (and `lectern serve`), on real damaged files: what it says, what it offers,
 * and that choosing Restore brings back the library exactly while keeping the damaged file for inspection.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/library';
import { backupsFolder, listBackups } from '../../electron/library/backup';
import { DamagedLibraryError } from '../../electron/library/db/health';
import { answerDamagedStart, backupTime, damagedStartPrompt } from '../../electron/library/damaged-start';
import { damagedPage, DAMAGED_PAGE_CSP } from '../../electron/serve/damaged';
import { overwriteRootPage, sha256, truncateTo } from '../safety/damage';
import { trendingLibrary, openError } from './damage-helpers';

const damagedCopies = (dir: string) => fs.readdirSync(dir).filter((f) => /^library-damaged-.*\.sqlite$/.test(f));

describe('starting on a damaged library', () => {
  it('offers the newest good backup by its date, says what is wrong and where the damaged file will be kept', () => {
    const { dir, file } = trendingLibrary('lectern-damaged-start-', true);
    overwriteRootPage(file, 'papers_title_hash');
    const err = openError(file);
    const backup = listBackups(file)[0]!;
    expect(err.backupAt).toBe(backup.at);

    const prompt = damagedStartPrompt(err);
    expect(prompt.buttons).toEqual([`Restore newest backup (${backupTime(backup.at)})`, 'Quit']);
    expect(prompt.buttons[0]).toMatch(/^Restore newest backup \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
    expect(prompt.restoreId).toBe(0);
    expect(prompt.cancelId).toBe(1);
    expect(prompt.message).toBe('Your library is damaged');
    expect(prompt.detail).toContain(file);
    expect(prompt.detail).toContain(err.problems[0]!);
    expect(prompt.detail).toContain(backup.file);
    expect(prompt.detail).toContain(`library-damaged-<date and time>.sqlite in ${dir}`);
  });

  it('Restore brings back the library as it was and keeps the damaged file, byte for byte, for inspection', async () => {
    const { dir, file } = trendingLibrary('lectern-damaged-start-', true);
    overwriteRootPage(file, 'papers_title_hash');
    const damagedBytes = sha256(file);
    const err = openError(file);
    const prompt = damagedStartPrompt(err);

    const outcome = await answerDamagedStart(err, prompt.restoreId!);
    expect(outcome.kind).toBe('restored');
    if (outcome.kind !== 'restored') return;
    expect(outcome.restoredFrom).toBe(err.backup);
    expect(outcome.keptDamagedAs).toBe(path.join(dir, damagedCopies(dir)[0]!));
    expect(sha256(outcome.keptDamagedAs!)).toBe(damagedBytes);
    expect(outcome.detail).toContain(outcome.keptDamagedAs!);

    const lib = openLibrary({ path: file });
    expect(lib.counts().all).toBe(84);
    expect(lib.get(2).note).toBe('read the appendix');
    expect(lib.get(3).tags).toEqual(['survey']);
    lib.close();
  });

  it('Quit (or closing the dialog) changes nothing', async () => {
    const { dir, file } = trendingLibrary('lectern-damaged-start-', true);
    truncateTo(file, 0.6);
    const bytes = sha256(file);
    const err = openError(file);
    const prompt = damagedStartPrompt(err);
    expect(await answerDamagedStart(err, prompt.cancelId)).toEqual({ kind: 'quit' });
    expect(sha256(file)).toBe(bytes);
    expect(damagedCopies(dir)).toEqual([]);
    expect(() => openLibrary({ path: file })).toThrow(DamagedLibraryError);
  });

  it('without a good backup offers only Quit, and says so and where the damaged file is', async () => {
    const { dir, file } = trendingLibrary('lectern-damaged-start-', true);
    // The one backup is damaged too: it does not count.
    truncateTo(listBackups(file)[0]!.file, 0.5);
    overwriteRootPage(file, 'papers_title_hash');
    const bytes = sha256(file);
    const err = openError(file);
    expect(err.backup).toBeNull();

    const prompt = damagedStartPrompt(err);
    expect(prompt.buttons).toEqual(['Quit']);
    expect(prompt.restoreId).toBeNull();
    expect(prompt.message).toMatch(/no good backup/);
    expect(prompt.detail).toContain(`No backup that passes its own check was found in ${backupsFolder(file)}`);
    expect(prompt.detail).toContain(`stays where it is, unchanged: ${file}`);
    expect(await answerDamagedStart(err, 0)).toEqual({ kind: 'quit' });
    expect(sha256(file)).toBe(bytes);
    expect(damagedCopies(dir)).toEqual([]);
  });

  it("a backup that fails restore's own check is refused, and the damaged library left alone", async () => {
    const { dir, file } = trendingLibrary('lectern-damaged-start-', false);
    overwriteRootPage(file, 'papers_title_hash');
    const bytes = sha256(file);
    // The newest backup went bad after the open looked at it: restore checks it again, fully, before swapping.
    const err = new DamagedLibraryError(file, ['forged'], { file: path.join(dir, 'not-a-backup.sqlite'), at: '' });
    fs.writeFileSync(err.backup!, 'this is not a database');
    const outcome = await answerDamagedStart(err, 0);
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.detail).toMatch(/cannot be restored.*nothing was changed/);
    expect(sha256(file)).toBe(bytes);
    expect(damagedCopies(dir)).toEqual([]);
  });

  it("lectern serve's page says the same, as text only, with the restore as its one form", () => {
    const { file } = trendingLibrary('lectern-damaged-start-', true);
    overwriteRootPage(file, 'papers_title_hash');
    const err = openError(file);
    // A folder name with markup in it is shown as text.
    const hostile = new DamagedLibraryError(`${path.dirname(file)}/<script>alert(1)</script>.sqlite`, err.problems, {
      file: err.backup!,
      at: err.backupAt!,
    });
    const html = damagedPage(hostile, 'failed: <img src=x>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain(`Restore newest backup (${backupTime(err.backupAt!)})`);
    expect(html.match(/<form /g)).toHaveLength(1);
    expect(html).toContain('<form method="post" action="/api/restore-newest">');
    expect(DAMAGED_PAGE_CSP).toMatch(/default-src 'none'/);
    expect(DAMAGED_PAGE_CSP).not.toMatch(/script-src|unsafe/);

    const noBackup = damagedPage(new DamagedLibraryError(file, err.problems, null), null);
    expect(noBackup).not.toContain('<form');
    expect(noBackup).toContain('there is no good backup');
  });
});
