/**
 * The keymap: every keyboard action, its default keys and its name, in one place. The key handler, the `?` overlay
 * and the command palette are all drawn from this list, so they cannot drift apart.
 *
 * Keys are written as `Mod+Shift+z`: `Mod` is Ctrl, or Cmd on a Mac; letters are lower case with an explicit `Shift`;
 * other characters (`?`, `/`) are written as typed, whatever modifier produced them.
 */
export type ActionId =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'page-down'
  | 'page-up'
  | 'toggle-detail'
  | 'focus-search'
  | 'status-new'
  | 'status-to-read'
  | 'status-reading'
  | 'status-read'
  | 'status-skipped'
  | 'star'
  | 'tag'
  | 'note'
  | 'mark'
  | 'extend-down'
  | 'extend-up'
  | 'undo'
  | 'redo'
  | 'palette'
  | 'help'
  | 'import'
  | 'copy-bibtex';

export type ActionGroup = 'Move' | 'Triage' | 'Edit' | 'Select' | 'History' | 'Window';

export interface KeyAction {
  id: ActionId;
  /** What the palette and the overlay call it. */
  label: string;
  group: ActionGroup;
  keys: readonly string[];
}

export const KEYMAP: readonly KeyAction[] = [
  { id: 'next', label: 'Next paper', group: 'Move', keys: ['j', 'ArrowDown'] },
  { id: 'previous', label: 'Previous paper', group: 'Move', keys: ['k', 'ArrowUp'] },
  { id: 'first', label: 'First paper', group: 'Move', keys: ['Home'] },
  { id: 'last', label: 'Last paper', group: 'Move', keys: ['End'] },
  { id: 'page-down', label: 'Page down', group: 'Move', keys: ['PageDown'] },
  { id: 'page-up', label: 'Page up', group: 'Move', keys: ['PageUp'] },
  { id: 'toggle-detail', label: 'Open or close the detail pane', group: 'Window', keys: ['Enter', 'o'] },
  { id: 'focus-search', label: 'Search', group: 'Window', keys: ['/'] },
  { id: 'status-new', label: 'Mark as new (Inbox)', group: 'Triage', keys: ['1'] },
  { id: 'status-to-read', label: 'Mark as to read', group: 'Triage', keys: ['2'] },
  { id: 'status-reading', label: 'Mark as reading', group: 'Triage', keys: ['3'] },
  { id: 'status-read', label: 'Mark as read', group: 'Triage', keys: ['4'] },
  { id: 'status-skipped', label: 'Mark as skipped', group: 'Triage', keys: ['5'] },
  { id: 'star', label: 'Star or unstar', group: 'Triage', keys: ['s'] },
  { id: 'tag', label: 'Add tags', group: 'Edit', keys: ['t'] },
  { id: 'note', label: 'Edit the note', group: 'Edit', keys: ['n'] },
  { id: 'mark', label: 'Select or unselect the row', group: 'Select', keys: ['x'] },
  { id: 'extend-down', label: 'Extend the selection down', group: 'Select', keys: ['Shift+j', 'Shift+ArrowDown'] },
  { id: 'extend-up', label: 'Extend the selection up', group: 'Select', keys: ['Shift+k', 'Shift+ArrowUp'] },
  { id: 'undo', label: 'Undo', group: 'History', keys: ['u', 'Mod+z'] },
  { id: 'redo', label: 'Redo', group: 'History', keys: ['Mod+Shift+z'] },
  { id: 'palette', label: 'Command palette', group: 'Window', keys: ['Mod+k'] },
  { id: 'help', label: 'Keyboard shortcuts', group: 'Window', keys: ['?'] },
  { id: 'import', label: 'Import files…', group: 'Edit', keys: ['i'] },
  { id: 'copy-bibtex', label: 'Copy BibTeX of the selection', group: 'Edit', keys: ['Mod+Shift+c'] },
];

export const ACTION_GROUPS: readonly ActionGroup[] = ['Move', 'Triage', 'Edit', 'Select', 'History', 'Window'];

/** Keys with a fixed meaning everywhere; shown in the overlay but not rebindable. */
export const FIXED_KEYS: readonly { keys: string; label: string }[] = [
  { keys: 'Escape', label: 'Back to the table; close a box or dialog (a note is saved)' },
  { keys: 'Mod+Enter', label: 'Save the note and return to the table' },
  { keys: 'Enter', label: 'In the tag box: add the tag' },
];

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/** The keymap spelling of a key event, or null for a lone modifier. */
export function eventKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string | null {
  if (MODIFIERS.has(e.key)) return null;
  let key = e.key === ' ' ? 'Space' : e.key;
  const letter = key.length === 1 && key.toLowerCase() !== key.toUpperCase();
  if (letter) key = key.toLowerCase();
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Mod');
  if (e.altKey) parts.push('Alt');
  // A typed symbol already says which shift state made it ("?"), so Shift only qualifies letters and named keys.
  if (e.shiftKey && (letter || key.length > 1)) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageDown: 'PgDn',
  PageUp: 'PgUp',
  Escape: 'Esc',
};

/** How a key is shown to the user: "Ctrl+Shift+Z", or "⌘⇧Z" on a Mac. */
export function displayKey(key: string): string {
  const parts = key.split('+');
  const main = parts.pop() ?? '';
  const name = KEY_NAMES[main] ?? (main.length === 1 ? main.toUpperCase() : main);
  const shown = parts.length === 0 && main.length === 1 ? main : name;
  if (isMac) {
    const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
    return parts.map((p) => symbols[p] ?? p).join('') + shown;
  }
  return [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), shown].join('+');
}
