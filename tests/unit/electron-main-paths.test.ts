/** The window's pure helpers (no Electron): which library file it opens and which page it trusts. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPage, preloadPath } from '../../electron/main/app-page';
import { libraryArg, resolveLibraryPath } from '../../electron/main/library-path';

describe('resolveLibraryPath', () => {
  const userData = path.resolve('/data/Lectern');
  it('prefers --library, then LECTERN_LIBRARY, then the data folder', () => {
    const env = { LECTERN_LIBRARY: '/env/lib.sqlite' };
    expect(resolveLibraryPath(env, ['electron', '.', '--library', '/arg/lib.sqlite'], userData)).toBe(
      path.resolve('/arg/lib.sqlite'),
    );
    expect(resolveLibraryPath(env, ['electron', '.', '--library=/eq.sqlite'], userData)).toBe(
      path.resolve('/eq.sqlite'),
    );
    expect(resolveLibraryPath(env, ['electron', '.'], userData)).toBe(path.resolve('/env/lib.sqlite'));
    expect(resolveLibraryPath({}, ['electron', '.'], userData)).toBe(path.join(userData, 'library.sqlite'));
  });
  it('ignores a dangling --library', () => {
    expect(libraryArg(['electron', '--library'])).toBeUndefined();
  });
});

describe('appPage', () => {
  const mainDir = path.resolve('/app/out/main');
  it('loads the built page and trusts only it', () => {
    const page = appPage(mainDir, undefined, false);
    expect(page.dev).toBe(false);
    expect(page.url).toMatch(/^file:\/\/.*\/app\/out\/renderer\/index\.html$/);
    expect(page.isOwn(`${page.url}#/paper/1`)).toBe(true);
    expect(page.isOwn('file:///etc/passwd')).toBe(false);
    expect(preloadPath(mainDir)).toBe(path.resolve('/app/out/preload/index.cjs'));
  });
  it('uses the dev server only unpackaged and only on loopback', () => {
    expect(appPage(mainDir, 'http://localhost:5173/', false)).toMatchObject({
      dev: true,
      url: 'http://localhost:5173/',
    });
    expect(appPage(mainDir, 'http://localhost:5173/', true).dev).toBe(false);
    expect(appPage(mainDir, 'http://evil.example:5173/', false).dev).toBe(false);
    expect(appPage(mainDir, 'file:///tmp/x.html', false).dev).toBe(false);
  });
});
