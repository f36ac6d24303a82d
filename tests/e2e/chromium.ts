/**
 * Finds a Chromium for the browser tests, and says which: a system Chromium or Chrome, else Playwright's own download,
 * else (Debian, as root) the `chromium` package. Fails with how to get one; never skips the browser tests silently.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export interface FoundChromium {
  executablePath: string;
  how: string;
}

function firstExisting(): string | null {
  const fromEnv = process.env['LECTERN_CHROMIUM'] ?? process.env['CHROME_PATH'];
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return SYSTEM_PATHS.find((p) => fs.existsSync(p)) ?? null;
}

function playwrightOwn(): string | null {
  try {
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export function findChromium(): FoundChromium {
  const system = firstExisting();
  if (system) return { executablePath: system, how: `system browser at ${system}` };
  const own = playwrightOwn();
  if (own) return { executablePath: own, how: `Playwright's Chromium at ${own}` };
  const attempts: string[] = [];
  const download = spawnSync(process.execPath, [require_playwright_cli(), 'install', 'chromium'], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const downloaded = playwrightOwn();
  if (downloaded) return { executablePath: downloaded, how: `Playwright's Chromium, downloaded now to ${downloaded}` };
  attempts.push(
    `Playwright download failed: ${(download.stderr || download.stdout || String(download.error)).trim().split('\n').at(-1)}`,
  );
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', env, timeout: 300_000 });
    const apt = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { encoding: 'utf8', env, timeout: 600_000 });
    const installed = firstExisting();
    if (installed)
      return { executablePath: installed, how: `Debian's chromium package, installed now at ${installed}` };
    attempts.push(`apt-get install chromium failed: ${(apt.stderr || '').trim().split('\n').at(-1)}`);
  }
  throw new Error(
    `No Chromium for the browser tests. Tried: system paths (${SYSTEM_PATHS.slice(0, 4).join(', ')}…), ` +
      `${attempts.join('; ')}. Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: install Google Chrome) ` +
      'or set LECTERN_CHROMIUM to its path.',
  );
}

function require_playwright_cli(): string {
  return new URL('../../node_modules/playwright-core/cli.js', import.meta.url).pathname;
}
