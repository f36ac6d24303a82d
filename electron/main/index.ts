/**
 * Lectern's Electron main process: opens the library, binds the contract to IPC, and shows one hardened window.
 * Everything the app does lives in electron/library; this folder only connects it to a window.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import {
  createRouter,
  DamagedLibraryError,
  INTERACTIVE_BUSY_TIMEOUT_MS,
  openLibrary,
  type Library,
  type Router,
} from '../library';
import { setNativeBinding } from '../library/db/native-binding';
import { useBundledImportWorker } from '../library/jobs/runner';
// The import worker is bundled as its own entry; electron-vite gives its built path (see jobs/runner.ts).
import importWorkerPath from '../library/jobs/import-worker?modulePath';
import { appPage, preloadPath } from './app-page';
import { importFromDialog } from './import-files';
import { exportNotesFromDialog, exportReferencesFromDialog } from './export-files';
import { backUpFromMenu, restoreFromMenu } from './backup-files';
import { offerRestore } from './damaged-library';
import { bindContract, forwardEvents } from './ipc';
import { nativeBindingPath, resolveLibraryPath } from './library-path';
import { buildMenu } from './menu';
import { guardAllContents, hardenSession } from './security';
import { createLibraryWindow } from './window';

const mainDir = import.meta.dirname;

// The same data folder the CLI uses (electron/library/paths.ts), whatever the package's npm name is.
app.setName('Lectern');
app.setPath('userData', path.join(app.getPath('appData'), 'Lectern'));
app.enableSandbox();
useBundledImportWorker(importWorkerPath);
guardAllContents();

let win: BrowserWindow | null = null;
let library: Library | null = null;
const cleanups: (() => void)[] = [];
const getWindow = (): BrowserWindow | null => win;

async function openTheLibrary(): Promise<{ library: Library; router: Router; file: string } | null> {
  const file = resolveLibraryPath(process.env, process.argv, app.getPath('userData'));
  const nativeBinding = nativeBindingPath(app.getAppPath());
  // Backup checks and restores open their own connections: they need the same binary.
  setNativeBinding(nativeBinding);
  const open = () => {
    const lib = openLibrary({ path: file, ...(nativeBinding ? { nativeBinding } : {}) });
    // The main process must not block on another process's long write: wait briefly, the router retries.
    lib.setBusyTimeout(INTERACTIVE_BUSY_TIMEOUT_MS);
    return { library: lib, router: createRouter(lib), file };
  };
  const explain = (err: unknown): null => {
    const hint = nativeBinding ? '' : '\n\nIf this is a native module error, run: node scripts/electron-native.mjs';
    dialog.showErrorBox('Lectern cannot open its library', `${file}\n\n${String(err)}${hint}`);
    return null;
  };
  try {
    return open();
  } catch (err) {
    if (!(err instanceof DamagedLibraryError)) return explain(err);
    // A damaged file: say what is wrong and offer the newest good backup (once); after a restore, open normally.
    if (!(await offerRestore(err))) return null;
  }
  try {
    return open();
  } catch (err) {
    return explain(err);
  }
}

function runHistory(router: Router, command: 'history.undo' | 'history.redo'): void {
  router.handle(command, {}).then(
    (result) => {
      if (!result.ok) console.error(`lectern: ${command}: ${result.error.message}`);
    },
    (err: unknown) => console.error(`lectern: ${command}:`, err),
  );
}

async function start(): Promise<void> {
  const opened = await openTheLibrary();
  if (!opened) {
    app.quit();
    return;
  }
  library = opened.library;
  const { router } = opened;
  const page = appPage(mainDir, process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
  hardenSession(session.defaultSession, page);
  cleanups.push(
    bindContract(router, getWindow, page),
    forwardEvents(opened.library, getWindow),
    // The CLI may change the same file while the window is open: refresh the views when it does.
    opened.library.watchExternalChanges(),
  );

  Menu.setApplicationMenu(
    buildMenu({
      importFiles: () => {
        if (win) importFromDialog(win, opened.library).catch((err: unknown) => console.error('lectern: import:', err));
      },
      exportNotes: () => {
        if (win) exportNotesFromDialog(win, router).catch((err: unknown) => console.error('lectern: export:', err));
      },
      exportReferences: () => {
        if (win)
          exportReferencesFromDialog(win, router).catch((err: unknown) => console.error('lectern: export:', err));
      },
      backUpLibrary: () => {
        if (win)
          backUpFromMenu(win, router, opened.library).catch((err: unknown) => console.error('lectern: backup:', err));
      },
      restoreFromBackup: () => {
        if (win) restoreFromMenu(win, opened.library).catch((err: unknown) => console.error('lectern: restore:', err));
      },
      undoLibraryChange: () => runHistory(router, 'history.undo'),
      redoLibraryChange: () => runHistory(router, 'history.redo'),
      libraryPath: opened.file,
      dev: page.dev,
    }),
  );

  const showWindow = (): void => {
    win = createLibraryWindow(page, preloadPath(mainDir));
    win.on('closed', () => {
      win = null;
    });
  };
  showWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
}

// One process per library file: a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    library?.close();
    library = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox('Lectern failed to start', String(err));
      app.quit();
    });
}
