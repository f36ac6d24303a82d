/**
 * Crash runs: the real `lectern` process killed with SIGKILL at a random moment while it imports a large file or
 * edits many papers in one command; afterwards the library must pass `check` and hold all or none of the operation.
 * Shared by the quick suite (tests/unit/crash.test.ts) and the soak (scripts/crash-soak.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openLibrary } from '../../electron/library';
import { checkLibraryFile } from '../../electron/library/check-file';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/lectern.mjs');

export type CrashKind = 'import' | 'edit';
/** none: killed before the change committed; all: it committed; broken: check failed or half of it is there. */
export type CrashOutcome = 'none' | 'all' | 'broken';

export interface CrashSetup {
  dir: string;
  /** A closed library of `basePapers` papers, copied for every run. */
  base: string;
  basePapers: number;
  /** A file of `importPapers` new papers in the Hugging Face page format. */
  importFile: string;
  importPapers: number;
}

/** Papers as a pasted Hugging Face page: title line, blank line, abstract line. Titles are unique. */
export function generatedPage(count: number, prefix: string): string {
  const words = ['sparse', 'attention', 'diffusion', 'retrieval', 'agents', 'quantile', 'robust', 'latent', 'graph'];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const topic = `${words[i % words.length]} ${words[(i * 7) % words.length]}`;
    lines.push(`${prefix} study ${i} of ${topic} models`, '');
    lines.push(
      `We study ${topic} at scale number ${i}. ${'Our experiments show steady gains across many settings. '.repeat(3)}`,
    );
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * `journal: 'delete'` leaves the base in rollback-journal mode, like a file from an older tool: the first open of each
 * run switches it to WAL. (Kills timed from spawn once landed inside that switch and left a hot journal, which the
 * read-only quick check could not read; db/open.ts now checks on the read-write connection in that case.)
 */
export function prepareCrashSetup(
  basePapers = 300,
  importPapers = 3000,
  journal: 'wal' | 'delete' = 'wal',
): CrashSetup {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-crash-'));
  const base = path.join(dir, 'base.sqlite');
  const lib = openLibrary({ path: base });
  lib.importText('base.txt', generatedPage(basePapers, 'Base'));
  lib.close();
  if (journal === 'delete') {
    const db = new Database(base);
    db.pragma('journal_mode = DELETE');
    db.close();
  }
  // Closed, its WAL folded in and removed: a plain copy of the file is a faithful copy of the library.
  const importFile = path.join(dir, 'import.txt');
  fs.writeFileSync(importFile, generatedPage(importPapers, 'Imported'));
  return { dir, base, basePapers, importFile, importPapers };
}

const EDIT_TAG = 'crash-batch';

function commandFor(setup: CrashSetup, kind: CrashKind, library: string): string[] {
  if (kind === 'import') return [BIN, 'import', setup.importFile, '--library', library];
  const ids = Array.from({ length: setup.basePapers }, (_, i) => String(i + 1));
  return [BIN, 'tag', ...ids, `+${EDIT_TAG}`, '--library', library];
}

interface Launch {
  code: number | null;
  stderr: string;
  /** Milliseconds from spawn until the library was open (its WAL or backups folder appeared); null if never. */
  openedMs: number | null;
  totalMs: number;
  /** The process ended by itself (not killed). */
  finished: boolean;
}

/**
 * Runs the command on `library`; with `killAfterOpenMs`, kills it that long after it opened the library. Timing from
 * the open (seen as a file event in the library's folder) keeps the kills inside the work, whatever the start-up time.
 */
function launch(setup: CrashSetup, kind: CrashKind, library: string, killAfterOpenMs: number | null): Promise<Launch> {
  const started = performance.now();
  const child = spawn(process.execPath, commandFor(setup, kind, library), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let openedMs: number | null = null;
  let finished = true;
  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(path.dirname(library), (_event, name) => {
    if (openedMs !== null || (name !== 'backups' && name !== `${path.basename(library)}-wal`)) return;
    openedMs = performance.now() - started;
    if (killAfterOpenMs === null) return;
    timer = setTimeout(() => {
      finished = false;
      child.kill('SIGKILL');
    }, killAfterOpenMs);
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      watcher.close();
      clearTimeout(timer);
      resolve({ code, stderr, openedMs, totalMs: performance.now() - started, finished });
    });
  });
}

/** Runs the command to the end; how long its work took after the library was open (milliseconds). */
export async function timeRun(setup: CrashSetup, kind: CrashKind): Promise<number> {
  const library = freshCopy(setup);
  const run = await launch(setup, kind, library, null);
  if (run.code !== 0) throw new Error(`${kind} did not succeed (exit ${run.code})`);
  if (outcome(setup, kind, library) !== 'all') throw new Error(`an uninterrupted ${kind} did not do all of its work`);
  fs.rmSync(path.dirname(library), { recursive: true, force: true });
  return run.totalMs - (run.openedMs ?? 0);
}

function freshCopy(setup: CrashSetup): string {
  const dir = fs.mkdtempSync(path.join(setup.dir, 'run-'));
  const library = path.join(dir, 'library.sqlite');
  fs.copyFileSync(setup.base, library);
  return library;
}

/** What the library holds after the run: checked first, then counted. */
export function outcome(setup: CrashSetup, kind: CrashKind, library: string): CrashOutcome {
  const report = checkLibraryFile(library, false);
  if (!report.ok) return 'broken';
  const db = new Database(library, { readonly: true });
  try {
    if (kind === 'import') {
      const { n } = db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number };
      const untitled = db.prepare("SELECT count(*) AS n FROM papers WHERE trim(title) = ''").get() as { n: number };
      if (untitled.n > 0) return 'broken';
      return n === setup.basePapers ? 'none' : n === setup.basePapers + setup.importPapers ? 'all' : 'broken';
    }
    const { n } = db
      .prepare('SELECT count(*) AS n FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?')
      .get(EDIT_TAG) as { n: number };
    const mirrored = db.prepare('SELECT count(*) AS n FROM papers WHERE tags_text = ?').get(EDIT_TAG) as { n: number };
    if (n !== mirrored.n) return 'broken';
    return n === 0 ? 'none' : n === setup.basePapers ? 'all' : 'broken';
  } finally {
    db.close();
  }
}

export interface CrashRun {
  kind: CrashKind;
  delayMs: number;
  /** The process ended by itself before the kill. */
  finished: boolean;
  /** For a finished run: how long its work took after the library was open (feeds the adaptive kill window). */
  workMs: number | null;
  /** What the command said on stderr when it ended by itself. */
  stderr: string;
  /** The library of the run (kept when broken, for inspection). */
  library: string;
  /** Size of the WAL right after the kill: frames there with outcome "none" mean it died inside its transaction
   *  after the page cache spilled; with "all", after the commit (before the checkpoint). */
  walBytes: number;
  outcome: CrashOutcome;
}

/** One run: a fresh copy of the base library, the command, SIGKILL `delayMs` after it opened the library, the verdict. */
export async function crashRun(setup: CrashSetup, kind: CrashKind, delayMs: number): Promise<CrashRun> {
  const library = freshCopy(setup);
  const { finished, code, stderr, openedMs, totalMs } = await launch(setup, kind, library, delayMs);
  const walBytes = fs.statSync(`${library}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  // A command that ended by itself must have succeeded: a failure there (say "database is locked") is a finding.
  const verdict = finished && code !== 0 ? 'broken' : outcome(setup, kind, library);
  const workMs = finished && openedMs !== null ? totalMs - openedMs : null;
  const result = {
    kind,
    delayMs,
    finished,
    workMs,
    walBytes,
    outcome: verdict,
    library,
    stderr: finished ? stderr : '',
  };
  if (result.outcome !== 'broken') fs.rmSync(path.dirname(library), { recursive: true, force: true });
  return result;
}

/** Runs `count` crash runs, `parallel` at a time, kill moments drawn uniformly from each kind's window. */
export async function crashRuns(
  setup: CrashSetup,
  windows: Record<CrashKind, [number, number]>,
  count: number,
  parallel: number,
  random: () => number = Math.random,
): Promise<CrashRun[]> {
  const runs: CrashRun[] = [];
  // The machine's speed drifts (other work starts and stops): runs that finish before their kill re-measure the
  // window, so the kills keep landing inside the work.
  const window = { import: [...windows.import], edit: [...windows.edit] };
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const kind: CrashKind = i % 2 === 0 ? 'import' : 'edit';
      const [from, to] = window[kind] as [number, number];
      const run = await crashRun(setup, kind, Math.round(from + random() * (to - from)));
      if (run.workMs !== null) window[kind][1] = 0.7 * to + 0.3 * run.workMs * 1.1;
      runs.push(run);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return runs;
}

export function tally(runs: CrashRun[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of runs) {
    const when = r.finished ? 'finished-before-kill' : r.walBytes > 0 ? 'killed-with-wal-frames' : 'killed-wal-empty';
    const key = `${r.kind}:${r.outcome}:${when}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/**
 * Kill windows measured on this machine now, with `parallel` runs at once as in the real runs: from the moment the
 * library is open to a little after the slowest uninterrupted run ended.
 */
export async function measureWindows(
  setup: CrashSetup,
  parallel: number,
): Promise<Record<CrashKind, [number, number]>> {
  const slowest = async (kind: CrashKind) =>
    Math.max(...(await Promise.all(Array.from({ length: parallel }, () => timeRun(setup, kind)))));
  return { import: [0, (await slowest('import')) * 1.1], edit: [0, (await slowest('edit')) * 1.1] };
}
