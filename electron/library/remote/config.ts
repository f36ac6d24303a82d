/**
 * Where the metadata services are and how politely to call them. Everything can be set from the environment, so tests
 * point Lectern at a loopback server replaying saved responses and use tiny delays.
 */
import { Service, type ServiceOptions } from './http';

export interface RemoteConfig {
  /** The arXiv API's query endpoint. LECTERN_ARXIV_API (a bare origin gets `/api/query`). */
  arxivApi: string;
  /** Crossref's REST API root (works are at `<root>/works/<doi>`). LECTERN_CROSSREF_API. */
  crossrefApi: string;
  /** arXiv asks for at least 3 s between calls. LECTERN_ARXIV_DELAY_MS. */
  arxivDelayMs: number;
  /** LECTERN_CROSSREF_DELAY_MS. */
  crossrefDelayMs: number;
  /** LECTERN_HTTP_TIMEOUT_MS, LECTERN_HTTP_RETRIES, LECTERN_HTTP_BACKOFF_MS. */
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** Crossref's "polite pool" wants a contact address in the User-Agent. LECTERN_CONTACT_EMAIL. */
  contact: string | null;
}

function number(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

function endpoint(value: string | undefined, fallback: string, path: string): string {
  const base = (value?.trim() || fallback).replace(/\/+$/, '');
  const url = new URL(base);
  if (url.pathname === '/' || url.pathname === '') return `${url.origin}${path}`;
  return base;
}

export function remoteConfig(env: NodeJS.ProcessEnv = process.env): RemoteConfig {
  return {
    arxivApi: endpoint(env['LECTERN_ARXIV_API'], 'https://export.arxiv.org/api/query', '/api/query'),
    crossrefApi: endpoint(env['LECTERN_CROSSREF_API'], 'https://api.crossref.org', '').replace(/\/works$/, ''),
    arxivDelayMs: number(env['LECTERN_ARXIV_DELAY_MS'], 3000),
    crossrefDelayMs: number(env['LECTERN_CROSSREF_DELAY_MS'], 100),
    timeoutMs: number(env['LECTERN_HTTP_TIMEOUT_MS'], 20_000),
    retries: number(env['LECTERN_HTTP_RETRIES'], 3),
    backoffMs: number(env['LECTERN_HTTP_BACKOFF_MS'], 1000),
    contact: env['LECTERN_CONTACT_EMAIL']?.trim() || null,
  };
}

export interface RemoteServices {
  config: RemoteConfig;
  arxiv: Service;
  crossref: Service;
}

/** Services are kept per configuration, so the spacing between calls holds across commands in one process. */
const services = new Map<string, RemoteServices>();

export function remoteServices(config: RemoteConfig = remoteConfig()): RemoteServices {
  const key = JSON.stringify(config);
  let s = services.get(key);
  if (!s) {
    const userAgent = `Lectern/0.1 (research library${config.contact ? `; mailto:${config.contact}` : ''})`;
    const common: Omit<ServiceOptions, 'minIntervalMs'> = {
      timeoutMs: config.timeoutMs,
      retries: config.retries,
      backoffMs: config.backoffMs,
      userAgent,
    };
    s = {
      config,
      arxiv: new Service({ ...common, minIntervalMs: config.arxivDelayMs }),
      crossref: new Service({ ...common, minIntervalMs: config.crossrefDelayMs }),
    };
    services.set(key, s);
  }
  return s;
}
