/** Serves the built renderer's files, and nothing outside its folder. */
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The file under `root` for a URL path, or null when it is not there or would step outside. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const real = fs.realpathSync(file);
    const realRoot = fs.realpathSync(root);
    if (!real.startsWith(realRoot + path.sep)) return null;
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Built files whose name carries a content hash (`assets/App-LkL2LXd2.js`): a changed file gets a new name. */
const HASHED = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/**
 * Sends a file whole, in one write: the window's files are small, and a file streamed in chunks would wait behind every
 * library call the page makes meanwhile (they run on this same thread), where the page needs its code first.
 */
export function sendStatic(res: http.ServerResponse, file: string, headers: Record<string, string>): void {
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const body = fs.readFileSync(file);
  res.writeHead(200, {
    ...headers,
    'content-type': type,
    'content-length': String(body.length),
    'cache-control': HASHED.test(file) ? 'private, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(body);
}
