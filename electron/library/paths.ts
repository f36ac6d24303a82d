import path from 'node:path';

/**
 * Where the library lives by default: the same folder Electron's `app.getPath('userData')` gives an app named Lectern,
 * so the CLI and the window open the same file without Electron being loaded here.
 */
export function defaultLibraryPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  const fromEnv = env['LECTERN_LIBRARY'];
  if (fromEnv) return path.resolve(fromEnv);
  let base: string;
  if (platform === 'darwin') base = path.join(home, 'Library', 'Application Support');
  else if (platform === 'win32') base = env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming');
  else base = env['XDG_CONFIG_HOME'] || path.join(home, '.config');
  return path.join(base, 'Lectern', 'library.sqlite');
}
