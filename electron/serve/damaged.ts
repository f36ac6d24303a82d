/**
 * `lectern serve` on a damaged library: instead of the app, one plain page says what is wrong (the same words as the
 * window's dialog, from electron/library/damaged-start.ts) and offers "Restore newest backup (<date>)" as a form that
 * posts to POST /api/restore-newest. The page has no script at all; its own policy allows only its one inline style
 * and a form posting back to this server. Every request still passes the token, Host and Origin guard first.
 */
import crypto from 'node:crypto';
import type { DamagedLibraryError, Library } from '../library';
import { damagedStartPrompt } from '../library/damaged-start';

export const RESTORE_PATH = '/api/restore-newest';

export interface DamagedStart {
  error: DamagedLibraryError;
  /** Restores the newest good backup and opens the library; throws, saying why, when it cannot. */
  restore(): Promise<Library>;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}p{white-space:pre-wrap;overflow-wrap:anywhere}.error{color:#a00}
button{font:inherit;padding:.4rem 1rem;cursor:pointer}`;

const STYLE_HASH = crypto.createHash('sha256').update(STYLE).digest('base64');

/** The damaged page's policy: nothing runs, nothing loads, it may only post its form back here. */
export const DAMAGED_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page; `failure` is why the last restore did not work, if it did not. */
export function damagedPage(error: DamagedLibraryError, failure: string | null): string {
  const prompt = damagedStartPrompt(error);
  const paragraphs = prompt.detail.split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`);
  const restore =
    prompt.restoreId === null
      ? ''
      : `<form method="post" action="${RESTORE_PATH}"><button type="submit" autofocus>${escapeHtml(
          prompt.buttons[prompt.restoreId] ?? '',
        )}</button></form>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lectern: ${escapeHtml(prompt.message)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(prompt.message)}</h1>
${paragraphs.join('\n')}
${failure ? `<p class="error" role="alert">${escapeHtml(failure)}</p>` : ''}
${restore}
<p>To leave the library as it is, stop <code>lectern serve</code> (Ctrl+C).</p>
</main>
</body>
</html>
`;
}
