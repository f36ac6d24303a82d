/**
 * `lectern serve`: the same renderer and the same contract as the desktop window, over HTTP on 127.0.0.1 only.
 * POST /api/call runs one contract command; GET /api/events streams contract events (Server-Sent Events);
 * everything else is the built renderer. Every request must carry this launch's token.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../shared/csp';
import { createRouter, type Library } from '../library';
import { checkRequest, newToken, TOKEN_COOKIE } from './guard';
import { resolveStatic, sendStatic } from './static';

export interface ServeOptions {
  library: Library;
  /** 0 picks a free port. */
  port: number;
  rendererDir: string;
  token?: string;
  /** Requests with a larger body are refused (413). */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy('production'),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const router = createRouter(options.library);
  const streams = new Set<http.ServerResponse>();
  let port = options.port;

  const off = options.library.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });
  const stopWatching = options.library.watchExternalChanges();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(err) } });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = checkRequest(req, url, token, port);
    if (!verdict.ok) {
      req.resume();
      res.writeHead(verdict.status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${verdict.reason}\n`);
      return;
    }
    // The page's own requests (scripts, styles, API) carry the token as a same-site cookie.
    const cookie = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, error: { code: 'bad-request', message: 'POST only' } });
      const body = await readBody(req, limit);
      if (body === null) {
        res.writeHead(413, { ...SECURITY_HEADERS, connection: 'close', 'content-type': 'text/plain; charset=utf-8' });
        res.end(`request body over the ${limit} byte limit\n`);
        return;
      }
      let request: { command?: unknown; input?: unknown };
      try {
        request = JSON.parse(body) as { command?: unknown; input?: unknown };
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'bad-request', message: 'body is not JSON' } });
      }
      const result = await router.handle(request?.command, request?.input);
      return sendJson(res, 200, result);
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS);
      res.end();
      return;
    }
    const file = resolveStatic(options.rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    sendStatic(res, file, { ...SECURITY_HEADERS, 'set-cookie': cookie });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        off();
        stopWatching();
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
