/** Once per `npm test`: build the renderer if missing or stale (the browser tests serve it) and find Chromium. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from '../electron/serve/renderer-build';
import { findChromium } from './e2e/chromium';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  ensureRendererBuilt(root, (line) => console.log(`[setup] ${line}`));
  const found = findChromium();
  process.env['LECTERN_CHROMIUM'] = found.executablePath;
  console.log(`[setup] browser tests use ${found.how}`);
}
