/**
 * The library would not open because it is damaged: show what electron/library/damaged-start.ts decided (what is
 * wrong, Restore newest backup (<date>) / Quit) in a native dialog, and report how the restore went. True when the
 * library was restored and can now be opened.
 */
import { dialog } from 'electron';
import type { DamagedLibraryError } from '../library';
import { answerDamagedStart, damagedStartPrompt } from '../library/damaged-start';

export async function offerRestore(err: DamagedLibraryError): Promise<boolean> {
  const prompt = damagedStartPrompt(err);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: prompt.title,
    message: prompt.message,
    detail: prompt.detail,
    buttons: prompt.buttons,
    defaultId: prompt.defaultId,
    cancelId: prompt.cancelId,
    noLink: true,
  });
  const outcome = await answerDamagedStart(err, response);
  if (outcome.kind === 'quit') return false;
  if (outcome.kind === 'failed') {
    dialog.showErrorBox(outcome.message, outcome.detail);
    return false;
  }
  await dialog.showMessageBox({ type: 'info', title: prompt.title, message: outcome.message, detail: outcome.detail });
  return true;
}
