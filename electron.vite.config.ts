import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/csp';

const root = import.meta.dirname;

/**
 * Writes the Content-Security-Policy meta tag from shared/csp.ts: the dev server's looser policy while serving, the
 * strict one in the build. Replaces a tag already in index.html, or adds one if the page has none.
 */
function contentSecurityPolicyMeta(): Plugin {
  let mode: 'production' | 'development' = 'production';
  return {
    name: 'lectern:csp-meta',
    configResolved(config) {
      mode = config.command === 'serve' ? 'development' : 'production';
    },
    transformIndexHtml(html) {
      const tag = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(mode)}" />`;
      const existing = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;
      if (existing.test(html)) return html.replace(existing, tag);
      return html.replace(/<head>/i, `<head>\n    ${tag}`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // Dependencies (better-sqlite3 with its native binary, zod) load from node_modules at run time.
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else (the contract and zod) into it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules; "type": "module" in package.json makes .cjs the right extension.
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // A minified bundle parses faster: the window's cold start is measured (bench/suites/window.ts).
      minify: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
