/**
 * What Lectern says and does when the library will not open because it is damaged: the words and choices of the
 * window's native dialog (and of `lectern serve`'s page), and the restore the choice leads to. No Electron here, so it
 * is tested on real damaged files; electron/main only shows `prompt` and passes back the button chosen.
 */
import path from 'node:path';
import type { DamagedLibraryError } from './db/health';
import { backupsFolder } from './backup';
import { restoreLibrary } from './restore';

export interface DamagedStartPrompt {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** The index of "Restore newest backup (…)" in `buttons`, or null when there is no good backup to offer. */
  restoreId: number | null;
  /** Quit: also what closing the dialog means. */
  cancelId: number;
  defaultId: number;
}

export type DamagedStartOutcome =
  | { kind: 'quit' }
  | { kind: 'restored'; restoredFrom: string; keptDamagedAs: string | null; message: string; detail: string }
  | { kind: 'failed'; message: string; detail: string };

/** A backup's time as people read it, the same on every machine: "2026-11-28 09:14 UTC". */
export function backupTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

/** The name pattern restore gives the damaged file it keeps (restore.ts keepDamaged). */
const KEPT_NAME = 'library-damaged-<date and time>.sqlite';

function whatIsWrong(err: DamagedLibraryError): string {
  const first = err.problems[0] ?? 'unknown damage';
  const more = err.problems.length > 1 ? ` (and ${err.problems.length - 1} more problems)` : '';
  return `SQLite's check of ${err.file} found: ${first}${more}. Lectern has not written to it.`;
}

export function damagedStartPrompt(err: DamagedLibraryError): DamagedStartPrompt {
  const folder = path.dirname(err.file);
  if (err.backup) {
    const when = backupTime(err.backupAt ?? '');
    return {
      title: 'Lectern',
      message: 'Your library is damaged',
      detail: [
        whatIsWrong(err),
        `Restoring puts the newest good backup, taken ${when}, in its place: ${err.backup}. ` +
          'Changes made after that backup are not in it.',
        `The damaged file is kept for inspection, as ${KEPT_NAME} in ${folder}.`,
      ].join('\n\n'),
      buttons: [`Restore newest backup (${when})`, 'Quit'],
      restoreId: 0,
      cancelId: 1,
      defaultId: 0,
    };
  }
  return {
    title: 'Lectern',
    message: 'Your library is damaged, and there is no good backup',
    detail: [
      whatIsWrong(err),
      `No backup that passes its own check was found in ${backupsFolder(err.file)}.`,
      `The damaged file stays where it is, unchanged: ${err.file}. ` +
        '`lectern check` lists the damage and `lectern check --repair` rebuilds what can be rebuilt ' +
        '(it keeps the damaged file beside the rebuilt one).',
    ].join('\n\n'),
    buttons: ['Quit'],
    restoreId: null,
    cancelId: 0,
    defaultId: 0,
  };
}

/**
 * Acts on the button chosen in `damagedStartPrompt(err)`: Quit changes nothing; Restore swaps the newest good backup
 * in (restoreLibrary checks it fully first and moves the damaged file aside), after which the library opens normally.
 */
export async function answerDamagedStart(err: DamagedLibraryError, chosen: number): Promise<DamagedStartOutcome> {
  const prompt = damagedStartPrompt(err);
  if (prompt.restoreId === null || chosen !== prompt.restoreId || !err.backup) return { kind: 'quit' };
  try {
    const result = await restoreLibrary(err.file, err.backup);
    const kept = result.keptCurrentAs;
    return {
      kind: 'restored',
      restoredFrom: result.restoredFrom,
      keptDamagedAs: kept,
      message: `Restored your library from the backup of ${backupTime(err.backupAt ?? '')}`,
      detail: kept
        ? `The damaged file is kept for inspection at ${kept}.`
        : `The damaged file was gone when the backup was restored; nothing else was kept.`,
    };
  } catch (cause) {
    return {
      kind: 'failed',
      message: 'The backup could not be restored',
      detail: `${(cause as Error).message}\n\nThe library file is ${err.file}; its backups are in ${backupsFolder(err.file)}.`,
    };
  }
}
