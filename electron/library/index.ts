/** The library's public face for the front doors (window, CLI, browser mode) and tests. */
export { Library, openLibrary, type LibraryOptions, type LibraryListener } from './library';
export { createRouter, INTERACTIVE_BUSY_TIMEOUT_MS, type Router, type RouterOptions } from './router';
export { defaultLibraryPath } from './paths';
export { LibraryError } from './errors';
// Data safety for the front doors: a damaged library names its newest good backup; restore swaps one in.
export { DamagedLibraryError } from './db/health';
export { backupLibrary, listBackups, newestGoodBackup, type BackupInfo } from './backup';
export { restoreLibrary, type RestoreResult } from './restore';
