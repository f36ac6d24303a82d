/**
 * Polite HTTP for the metadata services: a timeout on every request, retries with exponential backoff on 5xx, 429
 * and network failures, a minimum interval between calls to one service (arXiv asks for three seconds), and one clear
 * error when a service cannot be reached.
 */
import { LibraryError } from '../errors';

export interface ServiceOptions {
  /** Minimum time between the starts of two requests to this service. */
  minIntervalMs: number;
  timeoutMs: number;
  /** Further attempts after the first, for failures that may pass. */
  retries: number;
  /** The first retry waits this long, each next one twice as long (or what a 429's Retry-After asks, if longer). */
  backoffMs: number;
  userAgent: string;
}

export interface Response {
  status: number;
  text: string;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Why a fetch failed, in the words of the network layer (ECONNREFUSED, ENOTFOUND, a timeout). */
function networkCause(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  }
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined;
  if (cause && typeof cause === 'object') {
    const c = cause as { code?: unknown; message?: unknown };
    if (typeof c.code === 'string') return c.code;
    if (typeof c.message === 'string') return c.message;
  }
  return err instanceof Error ? err.message : String(err);
}

function retryAfterMs(value: string | null): number {
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, at - Date.now());
}

/** One remote service (a host), whose calls are spaced out and retried. */
export class Service {
  private queue: Promise<void> = Promise.resolve();
  private lastStart = -Infinity;

  constructor(readonly options: ServiceOptions) {}

  /** Waits for this service's next free turn: calls go one at a time, at least `minIntervalMs` apart. */
  private turn(): Promise<void> {
    const mine = this.queue.then(async () => {
      const wait = this.lastStart + this.options.minIntervalMs - Date.now();
      if (wait > 0) await delay(wait);
      this.lastStart = Date.now();
    });
    this.queue = mine;
    return mine;
  }

  /** GET `url`; answers with any final status (404 included) for the caller to judge. */
  async get(url: URL, accept: string): Promise<Response> {
    const { retries, backoffMs, timeoutMs } = this.options;
    for (let attempt = 0; ; attempt++) {
      await this.turn();
      const backoff = backoffMs * 2 ** attempt;
      let response: globalThis.Response;
      let text: string;
      try {
        response = await fetch(url, {
          headers: { accept, 'user-agent': this.options.userAgent },
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (err) {
        if (attempt < retries) {
          await delay(backoff);
          continue;
        }
        throw new LibraryError('unavailable', `cannot reach ${url.host}: ${networkCause(err, timeoutMs)}`);
      }
      if (response.status === 429 || response.status >= 500) {
        if (attempt < retries) {
          await delay(Math.max(backoff, retryAfterMs(response.headers.get('retry-after'))));
          continue;
        }
        throw new LibraryError(
          'unavailable',
          `${url.host} keeps failing (HTTP ${response.status} after ${retries + 1} tries); try again later`,
        );
      }
      return { status: response.status, text };
    }
  }
}
