/**
 * `lectern serve`: the same renderer and the same contract as the desktop window, over HTTP on 127.0.0.1 only.
 * POST /api/call runs one contract command; GET /api/events streams contract events (Server-Sent Events);
 * everything else is the built renderer. Every request must carry this launch's token.
 * A library that is damaged at start is served as one page that offers its newest good backup (damaged.ts); once
 * restored, the same server serves the app.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../shared/csp';
import { createRouter, type Library, type Router } from '../library';
import { checkRequest, newToken, TOKEN_COOKIE } from './guard';
import { resolveStatic, sendStatic } from './static';
import { DAMAGED_PAGE_CSP, damagedPage, RESTORE_PATH, type DamagedStart } from './damaged';

export interface ServeOptions {
  /** The open library, or a damaged one to offer a restore for first. */
  library: Library | DamagedStart;
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

function isDamaged(start: Library | DamagedStart): start is DamagedStart {
  return 'restore' in start && 'error' in start;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const streams = new Set<http.ServerResponse>();
  let port = options.port;

  let app: { router: Router; stop: () => void } | null = null;
  const attach = (library: Library): void => {
    const off = library.onEvent((event, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of streams) res.write(frame);
    });
    const stopWatching = library.watchExternalChanges();
    app = {
      router: createRouter(library),
      stop: () => {
        off();
        stopWatching();
      },
    };
  };
  const damaged = isDamaged(options.library) ? options.library : null;
  if (!isDamaged(options.library)) attach(options.library);
  let restoring: Promise<void> | null = null;
  let failure: string | null = null;

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
    if (!app) return handleDamaged(req, res, url, damaged!, cookie);
    const { router } = app;
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

  /** The damaged library's page, its restore form's target, and a clear refusal for the app's API meanwhile. */
  async function handleDamaged(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    start: DamagedStart,
    cookie: string,
  ): Promise<void> {
    if (url.pathname === RESTORE_PATH && req.method === 'POST') {
      req.resume();
      restoring ??= start.restore().then(
        (library) => {
          failure = null;
          attach(library);
        },
        (err: unknown) => {
          failure = (err as Error).message;
        },
      );
      await restoring;
      restoring = null;
      // Back to the start page: the app once restored, the damaged page (with the failure) if not.
      res.writeHead(303, { ...SECURITY_HEADERS, location: `/?token=${token}`, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      req.resume();
      const message = `${start.error.message} Open http://127.0.0.1:${port}/ to restore the newest backup.`;
      return sendJson(res, 503, { ok: false, error: { code: 'conflict', message } });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS);
      res.end();
      return;
    }
    res.writeHead(503, {
      ...SECURITY_HEADERS,
      'content-security-policy': DAMAGED_PAGE_CSP,
      // With no-referrer, Chromium sends "Origin: null" with the form's POST, which the guard rightly refuses.
      'referrer-policy': 'same-origin',
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': cookie,
    });
    res.end(req.method === 'HEAD' ? undefined : damagedPage(start.error, failure));
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
        app?.stop();
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
