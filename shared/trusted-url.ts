/**
 * Which links may leave the app for the system browser, and which pages are the app's own.
 * Pure functions so the rules are tested without Electron; main calls them before `shell.openExternal` and before
 * answering IPC. Imported text (a paper's `url`) is attacker-controlled, so the rules reject anything unusual rather
 * than trying to repair it.
 */

const MAX_URL_LENGTH = 8192;

/**
 * Control characters, DEL and the backslash anywhere, and whitespace at either end. The URL parser silently strips or
 * rewrites these ("java\tscript:", "http:\\\\evil", " file:"), so a string containing them does not mean what it shows.
 */
// eslint-disable-next-line no-control-regex
const SUSPICIOUS = /[\u0000-\u001f\u007f\\]|^\s|\s$/;

/** Scheme and the two slashes of an authority, exactly: rules out `http:/evil`, `http:evil`, `http:/\evil`. */
const WEB_PREFIX = /^https?:\/\/[^/]/i;

/**
 * The canonical form of `raw` if it is a well-formed absolute http or https URL with a host and no user name or
 * password (which disguise the real host: `https://trusted.example@evil.example`); otherwise null.
 */
export function trustedExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (SUSPICIOUS.test(raw) || !WEB_PREFIX.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

export function isTrustedExternalUrl(raw: unknown): boolean {
  return trustedExternalUrl(raw) !== null;
}

/**
 * Whether `candidate` is the app's own page, given the URL the window loaded (`appUrl`): the same origin for the dev
 * server (http), the same file for a built app (file:, compared without query or hash).
 */
export function isAppPage(candidate: unknown, appUrl: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0) return false;
  let url: URL;
  let app: URL;
  try {
    url = new URL(candidate);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (url.protocol !== app.protocol) return false;
  if (app.protocol === 'file:') return url.host === app.host && url.pathname === app.pathname;
  if (app.protocol === 'http:' || app.protocol === 'https:') return url.origin === app.origin;
  return false;
}
