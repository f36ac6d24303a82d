/**
 * Electron's security checklist, checked statically: the main and preload sources are read as text (no Electron is
 * needed), so a regression such as `sandbox: false` or an `allow` window handler fails here before it ships.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/csp';
import { trustedExternalUrl } from '../../shared/trusted-url';
import { accepted, rejected } from './trusted-url.cases';

const root = path.resolve(import.meta.dirname, '../..');

function sources(folder: string): Map<string, string> {
  const dir = path.join(root, folder);
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  return new Map(files.map((f) => [`${folder}/${f}`, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

const main = sources('electron/main');
const preload = sources('electron/preload');
const all = new Map([...main, ...preload]);
const mainText = [...main.values()].join('\n');
const preloadText = [...preload.values()].join('\n');

function filesMatching(pattern: RegExp, files = all): string[] {
  return [...files].filter(([, text]) => pattern.test(text)).map(([file]) => file);
}

/** The source of each `new BrowserWindow({...})`, up to its closing `});`. */
function windowConstructions(): string[] {
  return [...mainText.matchAll(/new BrowserWindow\(\{[\s\S]*?\n {2}\}\);/g)].map((m) => m[0]);
}

describe('every window is sandboxed and isolated', () => {
  const windows = windowConstructions();

  it('creates windows only through the hardened factory', () => {
    expect(windows.length).toBeGreaterThan(0);
    expect(filesMatching(/new BrowserWindow\(/)).toEqual(['electron/main/window.ts']);
  });

  it.each([
    ['contextIsolation', 'true'],
    ['sandbox', 'true'],
    ['nodeIntegration', 'false'],
    ['webviewTag', 'false'],
  ])('sets %s: %s', (key, value) => {
    for (const w of windows) expect(w).toMatch(new RegExp(`\\b${key}:\\s*${value}\\b`));
  });

  it('turns off middle-click (Auxclick) navigation', () => {
    for (const w of windows) expect(w).toMatch(/\bdisableBlinkFeatures:\s*'Auxclick'/);
  });

  it('never weakens a security preference anywhere', () => {
    const weak =
      /contextIsolation:\s*false|sandbox:\s*false|nodeIntegration(InWorker|InSubFrames)?:\s*true|webSecurity:\s*false|allowRunningInsecureContent:\s*true|webviewTag:\s*true|experimentalFeatures:\s*true/;
    expect(filesMatching(weak)).toEqual([]);
  });

  it('enables the sandbox app-wide too', () => {
    expect(mainText).toMatch(/app\.enableSandbox\(\)/);
  });
});

describe('navigation and new windows', () => {
  it('prevents will-navigate and will-redirect', () => {
    expect(mainText).toMatch(/'will-navigate',\s*\(event[^)]*\)\s*=>\s*\{\s*event\.preventDefault\(\)/);
    expect(mainText).toMatch(/'will-redirect',\s*\(event[^)]*\)\s*=>\s*\{\s*event\.preventDefault\(\)/);
    expect(mainText).toMatch(/'will-attach-webview',\s*\(event[^)]*\)\s*=>\s*\{\s*event\.preventDefault\(\)/);
  });

  it('denies window.open', () => {
    expect(mainText).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \}/);
    expect(filesMatching(/action:\s*'allow'/)).toEqual([]);
  });

  it('guards every web contents, not just our window', () => {
    expect(mainText).toMatch(/app\.on\('web-contents-created'[\s\S]*?guardContents\(contents\)/);
  });

  it('opens links externally only after the trusted-url check', () => {
    expect(filesMatching(/openExternal\(/)).toEqual(['electron/main/external-links.ts']);
    const links = main.get('electron/main/external-links.ts') ?? '';
    expect(links).toMatch(/const url = trustedExternalUrl\(raw\);\s*if \(url === null\) return false;/);
    expect(links).toMatch(/shell\.openExternal\(url\)/);
    expect(filesMatching(/shell\.openPath\(|executeJavaScript\(/)).toEqual([]);
  });
});

describe('permissions and content security policy', () => {
  it('denies every permission request and check', () => {
    expect(mainText).toMatch(/setPermissionRequestHandler\(\([^)]*\)\s*=>\s*callback\(false\)\)/);
    expect(mainText).toMatch(/setPermissionCheckHandler\(\(\)\s*=>\s*false\)/);
    expect(filesMatching(/callback\(true\)/)).toEqual([]);
  });

  it('sends the CSP header on our own pages', () => {
    expect(mainText).toMatch(/onHeadersReceived\(/);
    expect(mainText).toMatch(/headers\['Content-Security-Policy'\] = \[policy\]/);
    expect(mainText).toMatch(/contentSecurityPolicy\(/);
  });

  it('writes the same CSP into index.html at build time', () => {
    const config = fs.readFileSync(path.join(root, 'electron.vite.config.ts'), 'utf8');
    expect(config).toMatch(/transformIndexHtml/);
    expect(config).toMatch(/http-equiv="Content-Security-Policy" content="\$\{contentSecurityPolicy\(mode\)\}"/);
  });

  it('has a strict production policy', () => {
    const policy = contentSecurityPolicy('production');
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/base-uri 'none'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(contentSecurityPolicy('development')).not.toMatch(/unsafe-eval/);
  });
});

describe('IPC', () => {
  it('checks the sender frame before routing a call', () => {
    const ipc = main.get('electron/main/ipc.ts') ?? '';
    expect(ipc).toMatch(
      /ipcMain\.handle\(CALL_CHANNEL,[\s\S]*?if \(!isTrustedSender\(event[\s\S]*?return await router\.handle\(command, input\)/,
    );
    expect(ipc).toMatch(/frame !== win\.webContents\.mainFrame/);
    expect(ipc).toMatch(/page\.isOwn\(frame\.url\)/);
    expect(filesMatching(/ipcMain\.on\(|ipcMain\.handle\(/, main)).toEqual(['electron/main/ipc.ts']);
  });
});

describe('preload', () => {
  it('exposes one bridge, and never ipcRenderer itself', () => {
    expect([...preloadText.matchAll(/exposeInMainWorld\(/g)]).toHaveLength(1);
    expect(preloadText).toMatch(/exposeInMainWorld\('lectern', api\)/);
    expect(preloadText).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    const bridge = /const api: LecternApi = \{[\s\S]*?\n\};/.exec(preloadText)?.[0] ?? '';
    expect(bridge).toMatch(/call[\s\S]*on/);
    // ipcRenderer may be used inside the methods, never handed out as a value (shorthand, property or return).
    expect(bridge).not.toMatch(/([{,:]|return)\s*ipcRenderer\s*[,;}\n]/);
    expect(preloadText).not.toMatch(/ipcRenderer\.(send|sendSync|sendToHost|postMessage)\(/);
  });

  it('lets only contract names through and never hands the raw event to the page', () => {
    expect(preloadText).toMatch(/if \(!isCommandName\(command\)\)/);
    expect(preloadText).toMatch(/if \(!isEventName\(event\)/);
    expect(preloadText).toMatch(/listener\(payload as/);
    expect(preloadText).not.toMatch(/listener\(_?event\b/);
  });
});

describe('links from imported text', () => {
  it.each(rejected)('never opens %s', (_label, raw) => {
    expect(trustedExternalUrl(raw)).toBeNull();
  });
  it.each(accepted)('opens %s', (raw, href) => {
    expect(trustedExternalUrl(raw)).toBe(href);
  });
});
