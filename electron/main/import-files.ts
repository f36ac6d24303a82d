/**
 * File > Import…: main picks the files (the renderer never sees paths) and hands their paths to the import worker,
 * which reads and decodes them itself (the same reading as `lectern import`: BOM, UTF-16, Windows-1252) and imports
 * them as one undo step, off the main thread, with `import:progress` events. The window refreshes on
 * `library:changed`; Import can be cancelled through the contract's `import.cancel`.
 */
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { Library } from '../library';
import { importJobs } from '../library/jobs/import-jobs';

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

async function importAll(library: Library, files: string[], tally: Tally): Promise<void> {
  try {
    const { report } = await importJobs(library).run(files.map((name) => ({ name })));
    tally.added += report.added;
    tally.merged += report.merged;
    tally.skipped += report.skipped;
    tally.failed += report.failed;
    for (const e of report.errors) {
      tally.problems.push(`${path.basename(e.file)}${e.line !== null ? `:${e.line}` : ''}: ${e.message}`);
    }
  } catch (err) {
    tally.problems.push(err instanceof Error ? err.message : String(err));
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

export async function importFromDialog(win: BrowserWindow, library: Library): Promise<void> {
  const picked = await dialog.showOpenDialog(win, {
    title: 'Import papers',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: FILE_FILTERS,
  });
  if (picked.canceled || picked.filePaths.length === 0) return;
  const tally: Tally = { added: 0, merged: 0, skipped: 0, failed: 0, problems: [] };
  // All picked files in one worker job: one transaction, one undo step, like `lectern import a.bib b.ris`.
  await importAll(library, picked.filePaths, tally);
  if (win.isDestroyed()) return;
  await dialog.showMessageBox(win, {
    type: tally.problems.length > 0 || tally.failed > 0 ? 'warning' : 'info',
    title: 'Import',
    message: 'Import finished',
    detail: summary(picked.filePaths.length, tally),
  });
}
