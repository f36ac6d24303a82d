/**
 * A loopback HTTP server (127.0.0.1 only) replaying saved arXiv API and Crossref responses, for the add/enrich tests.
 * - arXiv `id_list` requests get the recording made for exactly those ids; other id lists get a feed of the recorded
 *   entries for each id (one per recording), or arXiv's real empty answer when none is recorded.
 * - arXiv title searches (`ti:"..."`) all get the one recorded search (`search_query=testing`): the enrich tests then
 *   pick the right paper among ten real results, and reject the others.
 * - Crossref `/works/<doi>` gets the recorded work or Crossref's 404; `/works?query.bibliographic=` gets a work list of
 *   every recorded work.
 * Faults can be queued (`failNext`): a status code (503, 429...), 'reset' (the connection dropped) or 'hang' (never
 * answer), one request each.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FIXTURES, ROOT } from './helpers';

interface Recording {
  url: string;
  status_code: number;
  body: string;
}

const ARXIV_DIR = path.join(FIXTURES, 'arxiv/api/arxiv.py-2026-recorded');
const CROSSREF_DIR = path.join(ROOT, 'tests/fixtures/crossref');
const EMPTY_FEED = fs.readFileSync(
  path.join(FIXTURES, 'malformed/arxiv/id_0000.0000_s0_m100_8b51d9633a68.atom.xml'),
  'utf8',
);

function recordings(dir: string): Recording[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Recording);
}

const byIdList = new Map<string, string>();
const entryById = new Map<string, string>();
let search = '';
for (const r of recordings(ARXIV_DIR)) {
  const url = new URL(r.url);
  const ids = url.searchParams.get('id_list') ?? '';
  if (ids) byIdList.set(ids, r.body);
  else search = r.body;
  for (const entry of r.body.match(/<entry>[\s\S]*?<\/entry>/g) ?? []) {
    const id = /<id>https?:\/\/arxiv\.org\/abs\/(.+?)<\/id>/.exec(entry)?.[1];
    if (id) {
      entryById.set(id, entry);
      entryById.set(id.replace(/v\d+$/, ''), entry);
    }
  }
}
const works = new Map<string, string>();
for (const r of recordings(CROSSREF_DIR)) {
  works.set(decodeURIComponent(new URL(r.url).pathname.replace(/^\/works\//, '')).toLowerCase(), r.body);
}

function arxivAnswer(url: URL): string {
  const ids = url.searchParams.get('id_list') ?? '';
  if (ids) {
    const exact = byIdList.get(ids);
    if (exact) return exact;
    const entries = ids.split(',').flatMap((id) => entryById.get(id) ?? []);
    return EMPTY_FEED.replace('</feed>', `${entries.join('\n')}\n</feed>`);
  }
  return search;
}

export interface ReplayServer {
  /** Origin to put in LECTERN_ARXIV_API / LECTERN_CROSSREF_API. */
  origin: string;
  /** Every request's path and query, in order. */
  requests: string[];
  failNext(...faults: (number | 'hang' | 'reset')[]): void;
  close(): Promise<void>;
}

export async function startReplayServer(): Promise<ReplayServer> {
  const requests: string[] = [];
  const faults: (number | 'hang' | 'reset')[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const fault = faults.shift();
    if (fault === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault !== undefined) {
      res.writeHead(fault, { 'retry-after': '0', 'content-type': 'text/plain' }).end('try again');
      return;
    }
    if (url.pathname === '/api/query') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(arxivAnswer(url));
    } else if (url.pathname === '/works') {
      const items = [...works.values()].map((body) => (JSON.parse(body) as { message: unknown }).message);
      const body = { status: 'ok', 'message-type': 'work-list', message: { 'total-results': items.length, items } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } else if (url.pathname.startsWith('/works/')) {
      const doi = decodeURIComponent(url.pathname.slice('/works/'.length)).toLowerCase();
      const body = works.get(doi);
      if (body) res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('Resource not found.');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    failNext: (...f) => faults.push(...f),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on: what an offline service looks like. */
export async function closedPort(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
