/**
 * File > Export Notes to Markdown… and File > Export References…: main picks the folder or file with the native
 * dialogs (the renderer never chooses paths here) and runs the same contract commands the window and the CLI use.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { ReferenceFormat } from '../../shared/export';
import type { Router } from '../library/router';

/** The format follows the extension the user chose; BibTeX when it says nothing we know. */
const BY_EXTENSION: Record<string, ReferenceFormat> = { '.bib': 'bibtex', '.ris': 'ris', '.json': 'csl-json' };

const REFERENCE_FILTERS = [
  { name: 'BibTeX', extensions: ['bib'] },
  { name: 'RIS', extensions: ['ris'] },
  { name: 'CSL-JSON', extensions: ['json'] },
];

async function tell(win: BrowserWindow, title: string, message: string, detail: string, failed: boolean) {
  if (win.isDestroyed()) return;
  await dialog.showMessageBox(win, { type: failed ? 'error' : 'info', title, message, detail });
}

export async function exportNotesFromDialog(win: BrowserWindow, router: Router): Promise<void> {
  const picked = await dialog.showOpenDialog(win, {
    title: 'Export notes to Markdown',
    buttonLabel: 'Export here',
    properties: ['openDirectory', 'createDirectory'],
  });
  const dir = picked.filePaths[0];
  if (picked.canceled || dir === undefined) return;
  // Everything: the window's palette offers the selection and the current view.
  const result = await router.call('export.markdown', { dir });
  if (!result.ok) {
    await tell(win, 'Export', 'Export failed', result.error.message, true);
    return;
  }
  const s = result.value;
  const lines = [
    `${s.papers} paper${s.papers === 1 ? '' : 's'} to ${s.dir}`,
    `${s.written} written, ${s.unchanged} unchanged, ${s.skippedEdited} kept your edits, ${s.refused} refused.`,
  ];
  if (s.skippedEdited > 0) lines.push('', 'Notes you edited were left alone; the new versions are beside them.');
  await tell(win, 'Export', 'Export finished', lines.join('\n'), s.refused > 0);
}

export async function exportReferencesFromDialog(win: BrowserWindow, router: Router): Promise<void> {
  const picked = await dialog.showSaveDialog(win, {
    title: 'Export references',
    buttonLabel: 'Export',
    defaultPath: 'library.bib',
    filters: REFERENCE_FILTERS,
  });
  if (picked.canceled || !picked.filePath) return;
  const file = picked.filePath;
  const format = BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'bibtex';
  const result = await router.call('export.text', { format });
  if (!result.ok) {
    await tell(win, 'Export', 'Export failed', result.error.message, true);
    return;
  }
  try {
    await writeFile(file, result.value.text, 'utf8');
  } catch (err) {
    await tell(win, 'Export', 'Export failed', err instanceof Error ? err.message : String(err), true);
    return;
  }
  const n = result.value.count;
  await tell(win, 'Export', 'Export finished', `${n} paper${n === 1 ? '' : 's'} to ${file}`, false);
}
