/** Links leave the app only for the system browser, and only when they are plain http(s) URLs. */
import { shell } from 'electron';
import { trustedExternalUrl } from '../../shared/trusted-url';

export function openExternalIfTrusted(raw: unknown): boolean {
  const url = trustedExternalUrl(raw);
  if (url === null) return false;
  shell.openExternal(url).catch((err: unknown) => {
    console.error(`lectern: could not open ${url}:`, err);
  });
  return true;
}
