/**
 * File > Import…: main picks and reads the files (the renderer never sees paths), then hands each one's text to the
 * contract's `import.text`, exactly as a paste from the renderer would. The window refreshes on `library:changed`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { Router } from '../library';

/** The contract's limit on `import.text`; checked before reading so a huge file is refused, not loaded. */
const MAX_BYTES = 200_000_000;

const FILE_FILTERS = [
  { name: 'Bibliographies', extensions: ['bib', 'bibtex', 'ris', 'json', 'jsonl', 'enw', 'nbib', 'xml', 'txt', 'csv'] },
  { name: 'All files', extensions: ['*'] },
];

interface Tally {
  added: number;
  merged: number;
  skipped: number;
  failed: number;
  problems: string[];
}

function countOf(value: unknown, key: string): number {
  if (typeof value !== 'object' || value === null) return 0;
  const n: unknown = (value as Record<string, unknown>)[key];
  return typeof n === 'number' ? n : 0;
}

async function importOne(router: Router, file: string, tally: Tally): Promise<void> {
  const name = path.basename(file);
  try {
    const { size } = await fs.stat(file);
    if (size > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES / 1_000_000} MB`);
    const text = await fs.readFile(file, 'utf8');
    const result = await router.handle('import.text', { name, text });
    if (!result.ok) {
      tally.problems.push(`${name}: ${result.error.message}`);
      return;
    }
    tally.added += countOf(result.value, 'added');
    tally.merged += countOf(result.value, 'merged');
    tally.skipped += countOf(result.value, 'skipped');
    tally.failed += countOf(result.value, 'failed');
  } catch (err) {
    tally.problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function summary(files: number, t: Tally): string {
  const lines = [
    `${files} file${files === 1 ? '' : 's'}: ${t.added} added, ${t.merged} merged, ${t.skipped} skipped, ${t.failed} failed.`,
  ];
  if (t.problems.length > 0) lines.push('', ...t.problems.slice(0, 20));
  if (t.problems.length > 20) lines.push(`… and ${t.problems.length - 20} more`);
  return lines.join('\n');
}

export async function importFromDialog(win: BrowserWindow, router: Router): Promise<void> {
  const picked = await dialog.showOpenDialog(win, {
    title: 'Import papers',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: FILE_FILTERS,
  });
  if (picked.canceled || picked.filePaths.length === 0) return;
  const tally: Tally = { added: 0, merged: 0, skipped: 0, failed: 0, problems: [] };
  // One file at a time: each import is one write transaction, and the counts stay in file order.
  for (const file of picked.filePaths) await importOne(router, file, tally);
  if (win.isDestroyed()) return;
  await dialog.showMessageBox(win, {
    type: tally.problems.length > 0 || tally.failed > 0 ? 'warning' : 'info',
    title: 'Import',
    message: 'Import finished',
    detail: summary(picked.filePaths.length, tally),
  });
}
