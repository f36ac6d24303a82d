/**
 * The window's Content-Security-Policy, in one place: main sends it as a response header and the build writes it into
 * index.html as a meta tag, so both always agree.
 *
 * The built app runs only its own bundled scripts and styles. Imported text is rendered as text, so nothing needs
 * inline script, eval, remote images, frames, plugins or form posts. The dev server additionally needs inline script
 * (React Refresh's preamble), inline styles (Vite injects CSS as <style>) and a websocket for hot reload.
 */
export function contentSecurityPolicy(mode: 'production' | 'development'): string {
  const dev = mode === 'development';
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    ['style-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(dev ? ['ws:', 'wss:'] : [])],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['child-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}
