#!/usr/bin/env node
// `npm run bench`: runs the TypeScript benchmark through tsx, like bin/lectern.mjs. Memory figures need a collectable
// heap, so the benchmark re-runs itself once with --expose-gc.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

if (typeof globalThis.gc !== 'function') {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, ['--expose-gc', self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
register();
await import('../bench/run.ts');
