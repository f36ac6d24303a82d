/**
 * The application menu. Undo/Redo keep their native roles so text fields edit as usual; the library's own history
 * (the contract's history.undo / history.redo) has its own items, and the window refreshes on `library:changed`.
 */
import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importFiles(): void;
  exportNotes(): void;
  exportReferences(): void;
  backUpLibrary(): void;
  restoreFromBackup(): void;
  undoLibraryChange(): void;
  redoLibraryChange(): void;
  /** Path of the open library, shown from Help. */
  libraryPath: string;
  /** Reload and devtools only while developing. */
  dev: boolean;
}

export function buildMenu(actions: MenuActions): Menu {
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        { label: 'Export Notes to Markdown…', click: () => actions.exportNotes() },
        { label: 'Export References…', click: () => actions.exportReferences() },
        { type: 'separator' },
        { label: 'Back Up Library Now', click: () => actions.backUpLibrary() },
        { label: 'Restore from Backup…', click: () => actions.restoreFromBackup() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { label: 'Undo Library Change', click: () => actions.undoLibraryChange() },
        { label: 'Redo Library Change', click: () => actions.redoLibraryChange() },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(actions.dev
          ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        { label: 'Show Library File', click: () => shell.showItemInFolder(actions.libraryPath) },
        ...(mac ? [] : [{ label: `About Lectern ${app.getVersion()}`, click: () => app.showAboutPanel() }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
