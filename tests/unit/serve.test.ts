import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../electron/library';
import { startServer, type RunningServer } from '../../electron/serve/server';
import { resolveStatic } from '../../electron/serve/static';
import { tempDir, tempLibrary, TRENDING } from './helpers';

let library: Library;
let server: RunningServer;
let rendererDir: string;

/** A raw request, so tests can forge Host and Origin headers as a hostile page or DNS rebinding would. */
function request(
  pathAndQuery: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathAndQuery,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }),
        );
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      // The server may cut an oversized upload short; that is a refusal too.
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') resolve({ status: 413, body: '', headers: {} });
      else reject(err);
    });
    if (options.body) req.write(options.body);
    req.end();
  });
}

const call = (command: string, input: unknown, headers: Record<string, string> = {}) =>
  request('/api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lectern-token': server.token, ...headers },
    body: JSON.stringify({ command, input }),
  });

beforeAll(async () => {
  library = tempLibrary().library;
  rendererDir = tempDir('lectern-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lectern</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startServer({ library, port: 0, rendererDir, maxBodyBytes: 1024 * 1024 });
});
afterAll(async () => {
  await server.close();
  library.close();
});

describe('lectern serve', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('serves the contract to a request with the token', async () => {
    const text = fs.readFileSync(TRENDING, 'utf8');
    const r = await call('import.text', { name: 'trending-page.txt', text: text.slice(0, 20_000) });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body) as unknown).toMatchObject({ ok: true, value: { failed: 0 } });
    const list = JSON.parse((await call('papers.list', { query: 'quantile' })).body) as {
      value: { rows: { title: string }[] };
    };
    expect(list.value.rows[0]!.title).toBe('Flexible Model Aggregation for Quantile Regression');
    const bad = JSON.parse((await call('papers.get', { id: 'x' })).body) as unknown;
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('serves the page with the token in the URL and sets a strict same-site cookie for its assets', async () => {
    const page = await request(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Lectern</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await request('/assets/app.js', { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await request('/')).status).toBe(401);
    expect((await request('/assets/app.js')).status).toBe(401);
    expect((await request('/?token=wrong')).status).toBe(403);
    expect((await call('papers.list', {}, { 'x-lectern-token': 'x'.repeat(32) })).status).toBe(403);
    const noToken = await request('/api/call', {
      method: 'POST',
      body: JSON.stringify({ command: 'library.counts', input: {} }),
    });
    expect(noToken.status).toBe(401);
    expect((await request('/api/events')).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin, even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const r = await request(`/?token=${server.token}`, { headers: { host } });
      expect(r.status, host).toBe(421);
    }
    for (const origin of [
      'http://evil.example',
      `https://127.0.0.1:${server.port}`,
      'null',
      `http://127.0.0.1:${server.port}.evil.example`,
    ]) {
      const r = await call('library.counts', {}, { origin });
      expect(r.status, origin).toBe(403);
    }
    expect(
      (
        await call(
          'library.counts',
          {},
          { origin: `http://localhost:${server.port}`, host: `localhost:${server.port}` },
        )
      ).status,
    ).toBe(200);
  });

  it('refuses a body over the size limit', async () => {
    const big = JSON.stringify({
      command: 'import.text',
      input: { name: 'big.txt', text: 'x'.repeat(2 * 1024 * 1024) },
    });
    const r = await request('/api/call', {
      method: 'POST',
      headers: { 'x-lectern-token': server.token, 'content-type': 'application/json' },
      body: big,
    });
    expect(r.status).toBe(413);
    expect(library.counts().all).toBeGreaterThan(0);
  });

  it('streams library:changed events to the page', async () => {
    const events: string[] = [];
    const req = http.get({
      host: '127.0.0.1',
      port: server.port,
      path: '/api/events',
      headers: { host: `127.0.0.1:${server.port}`, 'x-lectern-token': server.token },
    });
    const got = new Promise<void>((resolve) => {
      req.on('response', (res) => {
        res.on('data', (c: Buffer) => {
          events.push(c.toString());
          if (events.join('').includes('event: library:changed')) resolve();
        });
        void call('papers.setStarred', { ids: [1], starred: true });
      });
    });
    await got;
    req.destroy();
    expect(events.join('')).toContain('"tables":["papers","history"]');
  });

  it('never serves files outside the renderer folder', () => {
    expect(resolveStatic(rendererDir, '/../../etc/passwd')).toBeNull();
    expect(resolveStatic(rendererDir, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStatic(rendererDir, '/assets/%00app.js')).toBeNull();
    expect(resolveStatic(rendererDir, '/assets/app.js')).toBe(fs.realpathSync(path.join(rendererDir, 'assets/app.js')));
  });
});
