/**
 * The window, measured in Chromium through `lectern serve` on the cached N-paper library: time to the first table
 * paint (cold page loads), keypress-to-next-row-painted latency over 200 presses of `j`, frame times while paging
 * through the whole table, the renderer's JavaScript heap afterwards (it must not grow with the library), and the
 * renderer process's peak resident memory over the presses and the paging (the budget: 300 MB RSS).
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureRendererBuilt } from '../../electron/serve/renderer-build';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/chromium';
import { ROOT, serve } from '../../tests/e2e/harness';
import { cachedLibrary } from '../cache';
import { mib, round } from '../measure';
import { percentile, type BenchFigure, type BenchOptions, type BenchSuite } from '../suite';

const KEY_BUDGET_P95 = 50;
const RENDERER_RSS_BUDGET_MIB = 300;
const PRESSES = 200;

declare global {
  interface Window {
    __keyLatencies?: number[];
  }
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx compiles with keepNames, which wraps inner functions in __name(...): give the page that helper.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  return context.newPage();
}

/** Navigation start to the frame after the first row (with its paper) was in the table. */
async function firstTablePaint(browser: Browser, url: string): Promise<number> {
  const page = await newPage(browser);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const row = document.querySelector('[role="grid"] [role="row"][aria-selected="true"]:not(.loading)');
      return row ? performance.now() : null;
    },
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  const at = (await handle.jsonValue()) as number;
  await page.context().close();
  return at;
}

/** Arms a keydown listener that records, per press, event time → the frame after the next row is painted. */
function armKeyLatency(): void {
  window.__keyLatencies = [];
  window.addEventListener(
    'keydown',
    (e) => {
      const start = e.timeStamp;
      const before = document.querySelector('[role="grid"] [aria-selected="true"]')?.getAttribute('aria-rowindex');
      const want = String(Number(before) + 1);
      const check = () => {
        const row = document.querySelector('[role="grid"] [aria-selected="true"]');
        if (row && row.getAttribute('aria-rowindex') === want && !row.classList.contains('loading')) {
          // The frame whose rAF saw the change paints right after it; a task queued from rAF runs after that paint.
          requestAnimationFrame(() => setTimeout(() => window.__keyLatencies?.push(performance.now() - start), 0));
        } else {
          requestAnimationFrame(check);
        }
      };
      requestAnimationFrame(check);
    },
    true,
  );
}

/** Scrolls a screenful per frame from top to bottom (bigger steps past 3,000 frames) and returns frame intervals. */
function pageThroughTable(): Promise<number[]> {
  const grid = document.querySelector<HTMLElement>('[role="grid"]');
  if (!grid) return Promise.resolve([]);
  const step = Math.max(grid.clientHeight, (grid.scrollHeight - grid.clientHeight) / 3000);
  const frames: number[] = [];
  return new Promise((resolve) => {
    let last = performance.now();
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) {
        resolve(frames.slice(1));
        return;
      }
      grid.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

interface RendererMemory {
  pid: number;
  /** VmHWM: the most resident memory the process ever had. */
  peakRss: number;
  rss: number;
  /** Of the RSS, the file-backed part: mostly Chromium's own binary, shared with the browser and GPU processes. */
  rssFile: number;
  /** Proportional set size (shared pages divided among the processes sharing them) and private memory. */
  pss: number;
  private: number;
}

function procField(text: string, key: string): number {
  return Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
}

/**
 * The memory of the renderer process that showed the measured page, read from /proc (Linux; null elsewhere). The
 * page's renderer is told apart from Chromium's spare renderer and the closed tabs' ones by its CPU time: it is the
 * renderer descended from this process that worked the most, by far (it drew every frame).
 */
function rendererMemory(): RendererMemory | null {
  if (!fs.existsSync('/proc/self/smaps_rollup')) return null;
  const parentOf = new Map<number, number>();
  const renderers: { pid: number; cpu: number }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
      // Chromium rewrites its command line into one space-separated string.
      if (/(^|[\0 ])--type=renderer([\0 ]|$)/.test(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8')))
        renderers.push({ pid: Number(entry), cpu: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while the list was read.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === process.pid) return true;
    return false;
  };
  const page = renderers.filter((r) => ours(r.pid)).sort((a, b) => b.cpu - a.cpu)[0];
  if (!page) return null;
  const status = fs.readFileSync(`/proc/${page.pid}/status`, 'utf8');
  const rollup = fs.readFileSync(`/proc/${page.pid}/smaps_rollup`, 'utf8');
  return {
    pid: page.pid,
    peakRss: procField(status, 'VmHWM'),
    rss: procField(status, 'VmRSS'),
    rssFile: procField(status, 'RssFile') + procField(status, 'RssShmem'),
    pss: procField(rollup, 'Pss'),
    private: procField(rollup, 'Private_Clean') + procField(rollup, 'Private_Dirty'),
  };
}

export const windowSuite: BenchSuite = {
  name: 'window',
  async run(options: BenchOptions): Promise<BenchFigure[]> {
    ensureRendererBuilt(ROOT, (line) => process.stderr.write(`${line}\n`));
    // The window only reads here (moving and scrolling change nothing), so it opens the cached library itself, like
    // the search suites do: a copy of the million-paper file would cost gigabytes and minutes.
    const cached = cachedLibrary(options.cacheDir, options.size);
    const served = await serve(cached.file);
    const browser = await chromium.launch({ executablePath: findChromium().executablePath, args: CHROMIUM_ARGS });
    const figure = (name: string, value: number, unit: string, runs: number, budget?: number): BenchFigure => ({
      suite: 'window',
      name,
      value: round(value),
      unit,
      runs,
      ...(budget !== undefined ? { budget } : {}),
    });
    try {
      const coldRuns = options.smoke ? 2 : 5;
      const paints: number[] = [];
      // The token in the URL is consumed by the first page (kept in that tab's session): every cold load uses it anew.
      for (let i = 0; i < coldRuns; i++) paints.push(await firstTablePaint(browser, served.url));

      const page = await newPage(browser);
      await page.goto(served.url);
      await page.getByRole('button', { name: /^All papers/ }).click();
      await page
        .locator('#search-status')
        .filter({ hasText: /papers?$/ })
        .waitFor();
      await page.getByRole('row', { selected: true }).and(page.locator(':not(.loading)')).waitFor();
      await page.getByRole('grid').focus();
      await page.evaluate(armKeyLatency);
      const presses = options.smoke ? 50 : PRESSES;
      for (let i = 1; i <= presses; i++) {
        await page.keyboard.press('j');
        await page.waitForFunction((n) => (window.__keyLatencies?.length ?? 0) >= n, i, { polling: 'raf' });
      }
      const latencies = await page.evaluate(() => window.__keyLatencies ?? []);
      const frames = await page.evaluate(pageThroughTable);
      // Read before the forced GC of heapUsed: what the renderer holds while it is being used, garbage included.
      const memory = rendererMemory();
      const heap = await heapUsed(page);
      const memoryFigures: BenchFigure[] = memory
        ? [
            {
              ...figure(
                'renderer peak RSS over the presses and the paging (VmHWM)',
                mib(memory.peakRss),
                'MiB',
                1,
                RENDERER_RSS_BUDGET_MIB,
              ),
              note:
                `page's renderer only; after paging RSS ${mib(memory.rss)} MiB, ${mib(memory.rssFile)} of it ` +
                `file-backed (shared), PSS ${mib(memory.pss)}, private ${mib(memory.private)}`,
            },
          ]
        : [];
      return [
        figure('first table paint, cold page load (median)', percentile(paints, 50), 'ms', coldRuns),
        figure('keypress to next row painted, p50', percentile(latencies, 50), 'ms', latencies.length),
        figure('keypress to next row painted, p95', percentile(latencies, 95), 'ms', latencies.length, KEY_BUDGET_P95),
        figure('scroll frame time paging through the table, p95', percentile(frames, 95), 'ms', frames.length),
        { ...figure('renderer JS heap after paging through', mib(heap), 'MiB', 1), note: 'after GC' },
        ...memoryFigures,
      ];
    } finally {
      await browser.close();
      await served.stop();
    }
  },
};
