/**
 * `lectern serve` on a damaged library: the page says what is wrong and offers the newest good backup; the offer is
 * behind the same token, Host and Origin guard as everything else; restoring it loads the normal window on the
 * library exactly as the backup had it, and the damaged file is kept beside it for inspection.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Paper } from '../../shared/types';
import { overwriteRootPage, sha256 } from '../safety/damage';
import { TRENDING_PAGE, cli, listPapers, openWindow, serve, tempLibraryPath, waitForSearchStatus } from './harness';
import type { Served, Window } from './harness';

let served: Served;
let window: Window;
let page: Page;
let before: Paper[];
let damagedBytes: string;

beforeAll(async () => {
  const library = tempLibraryPath();
  cli(library, 'import', TRENDING_PAGE);
  const papers = listPapers(library);
  cli(library, 'tag', String(papers[0]!.id), '+survey');
  cli(library, 'backup');
  before = listPapers(library);
  overwriteRootPage(library, 'papers_title_hash');
  damagedBytes = sha256(library);
  served = await serve(library);
  window = await openWindow(served.url);
  page = window.page;
});

afterAll(async () => {
  await window?.close();
  await served?.stop();
});

const damagedCopies = (library: string) =>
  fs.readdirSync(path.dirname(library)).filter((f) => /^library-damaged-.*\.sqlite$/.test(f));

const token = () => new URL(served.url).searchParams.get('token')!;

/** A request as any local program could send it: node:http, which (unlike fetch) can forge a Host header. */
function post(pathname: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(pathname, served.url), { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('lectern serve on a damaged library', () => {
  it('shows what is wrong and offers the newest good backup, touching nothing yet', async () => {
    await page.getByRole('heading', { name: 'Your library is damaged' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain(served.library);
    expect(text).toContain(`as library-damaged-<date and time>.sqlite in ${path.dirname(served.library)}`);
    await page.getByRole('button', { name: /^Restore newest backup \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/ }).waitFor();
    // The page runs no script and may fetch nothing.
    const fetched = await page.evaluate(() =>
      fetch('/api/call', { method: 'POST' }).then(
        () => 'fetched',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    // The app's API says why it is not there.
    const call = await post('/api/call', { 'x-lectern-token': token() }, '{"command":"library.counts","input":{}}');
    expect(call.status).toBe(503);
    expect(call.body).toContain('is damaged');
    expect(sha256(served.library)).toBe(damagedBytes);
  });

  it('refuses the restore without the token, or from a foreign origin or host', async () => {
    const tries: [Record<string, string>, number][] = [
      [{}, 401],
      [{ 'x-lectern-token': 'wrong' }, 403],
      [{ 'x-lectern-token': token(), origin: 'http://evil.example' }, 403],
      [{ 'x-lectern-token': token(), host: 'evil.example' }, 421],
    ];
    for (const [headers, status] of tries) {
      const got = (await post('/api/restore-newest', headers)).status;
      expect(got, JSON.stringify(headers)).toBe(status);
    }
    expect(sha256(served.library)).toBe(damagedBytes);
    expect(damagedCopies(served.library)).toEqual([]);
  });

  it('restores the newest backup from the page, then the normal window loads on the library as it was', async () => {
    await page.getByRole('button', { name: /^Restore newest backup/ }).focus();
    await page.keyboard.press('Enter');
    await waitForSearchStatus(page, `${before.length} papers`);
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /^survey 1$/ })
      .waitFor();
    expect(listPapers(served.library)).toEqual(before);
    const kept = damagedCopies(served.library);
    expect(kept).toHaveLength(1);
    expect(sha256(path.join(path.dirname(served.library), kept[0]!))).toBe(damagedBytes);
  });
});
