/**
 * Who may talk to `lectern serve`: only a page on this machine's loopback, at our port, holding this launch's token.
 * Checked on every request, together with the Host header (DNS rebinding) and the Origin header (other sites).
 */
import crypto from 'node:crypto';
import type http from 'node:http';

export const TOKEN_COOKIE = 'lectern_token';
export const TOKEN_HEADER = 'x-lectern-token';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return null;
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export type Verdict = { ok: true; viaQuery: boolean } | { ok: false; status: number; reason: string };

export function checkRequest(req: http.IncomingMessage, url: URL, token: string, port: number): Verdict {
  const hosts = allowedHosts(port);
  const host = req.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) return { ok: false, status: 421, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let originHost: string;
    try {
      const parsed = new URL(origin);
      originHost = parsed.protocol === 'http:' ? parsed.host : '';
    } catch {
      originHost = '';
    }
    if (!hosts.has(originHost.toLowerCase())) return { ok: false, status: 403, reason: 'foreign Origin header' };
  } else if (origin === 'null') {
    return { ok: false, status: 403, reason: 'opaque Origin' };
  }
  const fromQuery = url.searchParams.get('token');
  const header = req.headers[TOKEN_HEADER];
  const given = fromQuery ?? (typeof header === 'string' ? header : null) ?? cookieToken(req.headers.cookie);
  if (!given) return { ok: false, status: 401, reason: 'missing token' };
  if (!sameToken(given, token)) return { ok: false, status: 403, reason: 'wrong token' };
  return { ok: true, viaQuery: fromQuery !== null };
}
