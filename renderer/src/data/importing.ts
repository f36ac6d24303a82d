/**
 * Imports from the window: files from the picker or a drop, pasted text, and the bundled sample. The renderer reads
 * the text and hands it to `import.text`; it never sees a path. Reports from several files are summed into one.
 */
import type { ImportReport } from '../../../shared/types';
import { useNotices } from '../state/notices';
import { call, CommandFailed, messageOf } from './call';

export interface TextSource {
  name: string;
  text: string;
}

function addReports(a: ImportReport, b: ImportReport): ImportReport {
  return {
    added: a.added + b.added,
    merged: a.merged + b.merged,
    skipped: a.skipped + b.skipped,
    failed: a.failed + b.failed,
    errors: [...a.errors, ...b.errors],
    paperIds: [...a.paperIds, ...b.paperIds],
  };
}

const EMPTY: ImportReport = { added: 0, merged: 0, skipped: 0, failed: 0, errors: [], paperIds: [] };

export async function importTexts(sources: TextSource[]): Promise<ImportReport | null> {
  if (sources.length === 0) return null;
  const notices = useNotices.getState();
  let report = EMPTY;
  for (const [i, source] of sources.entries()) {
    notices.setImporting({ name: source.name, done: i, total: sources.length });
    try {
      report = addReports(report, await call('import.text', { name: source.name, text: source.text }));
    } catch (err) {
      if (err instanceof CommandFailed && err.code === 'cancelled') {
        notices.setImporting(null);
        notices.say('Import cancelled: nothing was changed');
        return null;
      }
      report = addReports(report, {
        ...EMPTY,
        failed: 1,
        errors: [{ file: source.name, line: null, message: messageOf(err) }],
      });
    }
  }
  notices.setImporting(null);
  notices.setLastImport(report);
  return report;
}

/** Stops the running import: the library rolls it back, so nothing of it stays. */
export function cancelImport(): void {
  call('import.cancel', {}).catch((err: unknown) => useNotices.getState().say(messageOf(err), 'error'));
}

export async function importFiles(files: Iterable<File>): Promise<ImportReport | null> {
  const sources: TextSource[] = [];
  for (const file of files) sources.push({ name: file.name, text: await file.text() });
  return importTexts(sources);
}

/** The trending page shipped in resources/, loaded on demand so it costs nothing until asked for. */
export async function importSample(): Promise<ImportReport | null> {
  const sample = await import('../../../resources/sample/trending-page.txt?raw');
  return importTexts([{ name: 'trending-page.txt', text: sample.default }]);
}

export function summarizeImport(report: ImportReport): string {
  const parts = [`${report.added} added`, `${report.merged} merged`];
  if (report.skipped) parts.push(`${report.skipped} skipped`);
  parts.push(`${report.failed} failed`);
  return parts.join(', ');
}
