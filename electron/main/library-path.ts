/** Which library file the window opens, and which native SQLite binary it loads. No Electron here: plain functions. */
import fs from 'node:fs';
import path from 'node:path';

/** `--library PATH` or `--library=PATH` from the command line, if given. */
export function libraryArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--library') return argv[i + 1];
    if (arg?.startsWith('--library=')) return arg.slice('--library='.length);
  }
  return undefined;
}

/** `--library`, then `LECTERN_LIBRARY`, then `library.sqlite` in the app's data folder: the CLI's order too. */
export function resolveLibraryPath(env: NodeJS.ProcessEnv, argv: readonly string[], userData: string): string {
  const chosen = libraryArg(argv) || env['LECTERN_LIBRARY'];
  return path.resolve(chosen || path.join(userData, 'library.sqlite'));
}

/** Where `scripts/electron-native.mjs` puts better-sqlite3 built for Electron's ABI (the node_modules copy is Node's). */
export const NATIVE_BINDING = path.join('.electron-native', 'better_sqlite3.node');

/** The Electron-ABI binary if it has been built; undefined lets better-sqlite3 fall back to its own (packaged builds). */
export function nativeBindingPath(appPath: string): string | undefined {
  const file = path.join(appPath, NATIVE_BINDING);
  return fs.existsSync(file) ? file : undefined;
}
