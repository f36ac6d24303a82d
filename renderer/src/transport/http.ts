/**
 * The contract over the loopback HTTP bridge of `lectern serve`: one POST per command, events over Server-Sent Events.
 * The launch token arrives in the page URL; it is kept for this tab and removed from the address bar.
 */
import type { CommandName, ContractEvents, EventName, LecternApi, Result } from '../../../shared/contract';

const TOKEN_KEY = 'lectern:token';

function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpApi(): LecternApi {
  const token = takeToken();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function ensureEvents(): void {
    if (source) return;
    // Same-origin EventSource sends the HttpOnly token cookie the server set with the page.
    source = new EventSource('/api/events');
    for (const name of ['library:changed', 'import:progress'] satisfies EventName[]) {
      source.addEventListener(name, (e) => {
        const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  }

  return {
    async call(command: CommandName, input: unknown) {
      try {
        const response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-lectern-token': token },
          body: JSON.stringify({ command, input }),
        });
        if (!response.ok) {
          const text = await response.text();
          return { ok: false, error: { code: 'internal', message: `${response.status}: ${text.trim()}` } };
        }
        return (await response.json()) as Result<never>;
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: `Lectern is not reachable: ${String(err)}` } };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void) {
      ensureEvents();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
  };
}
