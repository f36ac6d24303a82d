/**
 * The contract over Electron IPC: one request channel answered by the router, one event channel pushed to the window.
 * Only our own window's top-level frame, showing our own page, may call (VS Code's validatedIpcMain idea).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/contract';
import type { Library, Router } from '../library';
import type { AppPage } from './app-page';

export const CALL_CHANNEL = 'lectern:call';
export const EVENT_CHANNEL = 'lectern:event';

/** The sender is the top-level frame of the library window and shows the app's own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, page: AppPage): boolean {
  if (!win || win.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame || event.sender !== win.webContents) return false;
  if (frame !== win.webContents.mainFrame || frame.parent !== null) return false;
  return page.isOwn(frame.url);
}

/** Answers `lectern:call`; returns a function that removes the handler. */
export function bindContract(router: Router, getWindow: () => BrowserWindow | null, page: AppPage): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, command: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, getWindow(), page)) {
      return { ok: false, error: { code: 'bad-request', message: 'request from an untrusted frame' } };
    }
    try {
      return await router.handle(command, input);
    } catch (err) {
      // The router turns failures into error results; this is the last line so a bug never rejects into the page.
      console.error('lectern: command failed:', err);
      return { ok: false, error: { code: 'internal', message: 'internal error' } };
    }
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** Pushes the library's events to the window; returns the unsubscribe function. */
export function forwardEvents(library: Library, getWindow: () => BrowserWindow | null): () => void {
  return library.onEvent((name, payload) => {
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(EVENT_CHANNEL, name, payload);
  });
}
