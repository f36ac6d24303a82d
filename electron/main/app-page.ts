/** Where the window's page comes from: the dev server while developing, the built file otherwise. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAppPage } from '../../shared/trusted-url';

export interface AppPage {
  /** The URL the window loads, and against which every sender and response is checked. */
  url: string;
  /** True when served by electron-vite's dev server (reload and devtools are offered). */
  dev: boolean;
  isOwn(candidate: unknown): boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** electron-vite's dev server URL, accepted only from an unpackaged app and only on this machine. */
function devServer(url: string | undefined, packaged: boolean): string | null {
  if (packaged || !url) return null;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK.has(parsed.hostname) ? url : null;
  } catch {
    return null;
  }
}

/** `mainDir` is the folder of the built main script (out/main); the page and preload sit beside it. */
export function appPage(mainDir: string, devServerUrl: string | undefined, packaged: boolean): AppPage {
  const dev = devServer(devServerUrl, packaged);
  const url = dev ?? pathToFileURL(path.join(mainDir, '../renderer/index.html')).href;
  return { url, dev: dev !== null, isOwn: (candidate) => isAppPage(candidate, url) };
}

export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs');
}
