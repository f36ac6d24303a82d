/**
 * App-wide hardening from Electron's security checklist: a CSP header on our own pages, every permission request
 * denied, and guards on every web contents ever created (no webviews, no navigation, no new windows).
 */
import { app, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';
import type { AppPage } from './app-page';
import { openExternalIfTrusted } from './external-links';

export function hardenSession(session: Session, page: AppPage): void {
  const policy = contentSecurityPolicy(page.dev ? 'development' : 'production');
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!page.isOwn(details.url)) {
      callback({});
      return;
    }
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
  // Lectern needs no camera, notifications, clipboard-read, geolocation... nothing: refuse them all, asked or checked.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Blocks navigation away from the page; a link to an http(s) site opens in the system browser instead. */
export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternalIfTrusted(url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfTrusted(url);
    return { action: 'deny' };
  });
}

/** Applies `guardContents` to every web contents the app ever creates, including ones we did not create ourselves. */
export function guardAllContents(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}
