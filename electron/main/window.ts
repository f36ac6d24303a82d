/** The library window: a sandboxed renderer with one preload and nothing else from Node. */
import { BrowserWindow } from 'electron';
import type { AppPage } from './app-page';
import { guardContents } from './security';

export function createLibraryWindow(page: AppPage, preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Lectern',
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // A middle click must not open anything (Electron's checklist); new windows are denied anyway (security.ts).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  // Also installed app-wide in security.ts; repeated here so this window is safe however it is created.
  guardContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.loadURL(page.url).catch((err: unknown) => {
    console.error(`lectern: could not load ${page.url}:`, err);
  });
  return win;
}
