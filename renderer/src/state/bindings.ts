/** The user's key bindings: the keymap's defaults, overridden per action and remembered in localStorage. */
import { create } from 'zustand';
import { KEYMAP, type ActionId } from '../keymap';

const STORAGE_KEY = 'lectern:keys';

type Overrides = Partial<Record<ActionId, string[]>>;

function load(): Overrides {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object') return {};
    const known = new Set<string>(KEYMAP.map((a) => a.id));
    const out: Overrides = {};
    for (const [id, keys] of Object.entries(parsed as Record<string, unknown>)) {
      if (known.has(id) && Array.isArray(keys) && keys.every((k) => typeof k === 'string')) {
        out[id as ActionId] = keys;
      }
    }
    return out;
  } catch {
    return {};
  }
}

interface BindingsState {
  overrides: Overrides;
  /** Binds `key` to `action` alone: the key is taken from any other action that had it. */
  rebind: (action: ActionId, key: string) => void;
  reset: () => void;
}

export const useBindings = create<BindingsState>((set, get) => ({
  overrides: load(),
  rebind: (action, key) => {
    const next: Overrides = {};
    for (const a of KEYMAP) {
      const keys = keysFor(a.id, get().overrides).filter((k) => k !== key);
      if (a.id === action) next[a.id] = [key];
      else if (keys.length !== keysFor(a.id, get().overrides).length || get().overrides[a.id]) next[a.id] = keys;
    }
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    set({ overrides: next });
  },
  reset: () => {
    localStorage.removeItem(STORAGE_KEY);
    set({ overrides: {} });
  },
}));

export function keysFor(action: ActionId, overrides: Overrides): readonly string[] {
  return overrides[action] ?? KEYMAP.find((a) => a.id === action)?.keys ?? [];
}

/** Key → action for the current bindings. */
export function keyTable(overrides: Overrides): Map<string, ActionId> {
  const table = new Map<string, ActionId>();
  for (const a of KEYMAP) for (const k of keysFor(a.id, overrides)) if (!table.has(k)) table.set(k, a.id);
  return table;
}
