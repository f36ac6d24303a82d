/**
 * The browser mode serves the renderer as built by electron-vite (`out/renderer`). Right after `npm install` there is
 * no build yet, and after a source change it is stale: build it then, so `lectern serve` needs no separate step.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function rendererOutDir(root: string): string {
  return path.join(root, 'out', 'renderer');
}

/** True when the built renderer is missing or older than its sources. */
export function rendererIsStale(root: string): boolean {
  const index = path.join(rendererOutDir(root), 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(root, 'renderer')),
    newestMtime(path.join(root, 'shared')),
    fs.statSync(path.join(root, 'electron.vite.config.ts')).mtimeMs,
  );
  return sources > built;
}

/** Builds the renderer (with the rest of the app: electron-vite builds all parts) when stale. */
export function ensureRendererBuilt(root: string, log: (line: string) => void): string {
  const out = rendererOutDir(root);
  if (!rendererIsStale(root)) return out;
  if (process.env['LECTERN_NO_BUILD'] === '1') {
    if (fs.existsSync(path.join(out, 'index.html'))) return out;
    throw new Error(`the window is not built (${out}); run npm run build`);
  }
  log('building the window (first run or sources changed)…');
  const bin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `building the window failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-5).join(' ')}`,
    );
  }
  return out;
}
