import { describe, expect, it } from 'vitest';
import { isAppPage, isTrustedExternalUrl, trustedExternalUrl } from '../../shared/trusted-url';
import { accepted, rejected } from './trusted-url.cases';

describe('trustedExternalUrl', () => {
  it.each(accepted)('accepts %s', (raw, href) => {
    expect(trustedExternalUrl(raw)).toBe(href);
    expect(isTrustedExternalUrl(raw)).toBe(true);
  });

  it.each(rejected)('rejects %s', (_label, raw) => {
    expect(trustedExternalUrl(raw)).toBeNull();
    expect(isTrustedExternalUrl(raw)).toBe(false);
  });
});

describe('isAppPage', () => {
  const dev = 'http://localhost:5173/';
  const built = 'file:///opt/lectern/out/renderer/index.html';
  const cases: [string, unknown, string, boolean][] = [
    ['dev page', 'http://localhost:5173/', dev, true],
    ['dev page with path and hash', 'http://localhost:5173/index.html#x', dev, true],
    ['dev server on another port', 'http://localhost:5174/', dev, false],
    ['dev server as https', 'https://localhost:5173/', dev, false],
    ['other host', 'http://127.0.0.1:5173/', dev, false],
    ['userinfo trick', 'http://localhost:5173@evil.example/', dev, false],
    ['built page', 'file:///opt/lectern/out/renderer/index.html', built, true],
    ['built page with hash', 'file:///opt/lectern/out/renderer/index.html#/p/1', built, true],
    ['another local file', 'file:///etc/passwd', built, false],
    ['sibling file', 'file:///opt/lectern/out/renderer/other.html', built, false],
    ['http against built', 'http://localhost:5173/', built, false],
    ['file against dev', 'file:///opt/lectern/out/renderer/index.html', dev, false],
    ['about:blank', 'about:blank', built, false],
    ['data page', 'data:text/html,hi', dev, false],
    ['empty', '', dev, false],
    ['not a string', null, dev, false],
    ['malformed app url', 'http://localhost:5173/', 'not a url', false],
  ];
  it.each(cases)('%s', (_label, candidate, app, expected) => {
    expect(isAppPage(candidate, app)).toBe(expected);
  });
});
