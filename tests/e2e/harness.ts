/**
 * The browser tests' harness: a real `lectern serve` process on a temporary library, Chromium driven by Playwright,
 * and the CLI on the same library file to check what the window did.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Paper } from '../../shared/types';
import { CHROMIUM_ARGS, findChromium } from './chromium';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'lectern.mjs');
const FIXTURES = process.env['LECTERN_FIXTURES'] ?? path.resolve(ROOT, '../shared/fixtures');
export const TRENDING_PAGE = path.join(FIXTURES, 'hf-papers/trending-page.txt');

export interface Served {
  url: string;
  library: string;
  stop(): Promise<void>;
}

export function tempLibraryPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-e2e-'));
  return path.join(dir, 'library.sqlite');
}

/** Starts `lectern serve --port 0` on `library` and resolves with the URL it prints. */
export function serve(library: string): Promise<Served> {
  // The global setup built the window already; a second build here would only race with it.
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--library', library], {
    cwd: ROOT,
    env: { ...process.env, LECTERN_NO_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      child.kill();
      reject(new Error(`lectern serve ${why}: ${output.trim()}`));
    };
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (output += chunk));
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = /Lectern is serving (\S+)/.exec(output);
      if (!match) return;
      resolve({
        url: match[1]!,
        library,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => fail(`exited with ${code} before printing its URL`));
    child.once('error', (err) => fail(String(err)));
  });
}

export interface Window {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openWindow(
  url: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number; scale?: number } = {},
): Promise<Window> {
  const executablePath = process.env['LECTERN_CHROMIUM'] ?? findChromium().executablePath;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    deviceScaleFactor: options.scale ?? 1,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(url);
  return {
    browser,
    page,
    close: async () => {
      await browser.close();
      if (problems.length > 0) throw new Error(`the page threw: ${problems.join('; ')}`);
    },
  };
}

/** Runs the real CLI on the library, as a user would in a terminal. */
export function cli(library: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, [BIN, ...args, '--library', library], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`lectern ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export function listPapers(library: string, query = ''): Paper[] {
  const args = query ? ['list', query, '--json'] : ['list', '--json'];
  return JSON.parse(cli(library, ...args)) as Paper[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until the cursor row (the grid's `aria-selected` row) is the paper with this title. */
export async function waitForCursorOn(page: Page, title: string): Promise<void> {
  await page
    .getByRole('grid')
    .getByRole('row', { selected: true, name: new RegExp(escapeRegExp(title)) })
    .waitFor({ timeout: 10_000 });
}

/** Waits for the search status line (match count or query error) to read `text`. */
export async function waitForSearchStatus(page: Page, text: string | RegExp): Promise<void> {
  const status = page.locator('#search-status');
  await status.filter({ hasText: text }).waitFor({ timeout: 10_000 });
}

export interface TrendingWindow {
  served: Served;
  window: Window;
  page: Page;
  /** The imported papers, as the CLI lists them. */
  papers: Paper[];
}

/**
 * A library holding the Hugging Face trending page (imported with the CLI), `prepare` run on it with the CLI before
 * the server starts, served and opened in Chromium.
 */
export async function openTrendingWindow(
  prepare: (library: string, papers: Paper[]) => void = () => undefined,
): Promise<TrendingWindow> {
  const library = tempLibraryPath();
  cli(library, 'import', TRENDING_PAGE);
  const papers = listPapers(library);
  prepare(library, papers);
  const served = await serve(library);
  const window = await openWindow(served.url);
  return { served, window, page: window.page, papers };
}
