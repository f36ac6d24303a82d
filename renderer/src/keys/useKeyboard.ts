/**
 * The window's key handler: one listener that looks keys up in the user's bindings (drawn from keymap.ts). Keys typed
 * into a text field belong to the field; while a dialog is open the dialog handles its own keys.
 */
import { useEffect } from 'react';
import { eventKey, type ActionId } from '../keymap';
import { keyTable, useBindings } from '../state/bindings';
import { usePanes } from '../state/panes';
import { runAction } from '../actions';
import { focusTable, isTypingTarget } from '../focus';

/** Actions that work even from inside a text field (they carry a modifier, so they never type a character). */
const FROM_FIELDS: ReadonlySet<ActionId> = new Set(['palette']);
/** Actions that leave focus where they put it; every other action is about the table and returns focus to it. */
const KEEP_FOCUS: ReadonlySet<ActionId> = new Set(['focus-search', 'palette', 'help', 'tag', 'note', 'import']);

export function useKeyboard(): void {
  const overrides = useBindings((s) => s.overrides);
  useEffect(() => {
    const table = keyTable(overrides);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const key = eventKey(e);
      if (!key) return;
      const panes = usePanes.getState();
      if (panes.dialog) return;
      const action = table.get(key);
      const typing = isTypingTarget(e.target);
      if (typing) {
        if (action && FROM_FIELDS.has(action)) {
          e.preventDefault();
          runAction(action);
        }
        return;
      }
      // Buttons and links keep Enter and Space for themselves.
      const onControl = e.target instanceof HTMLElement && e.target.closest('button, a, [role="separator"]');
      if (onControl && (key === 'Enter' || key === 'Space')) return;
      if (key === 'Escape') {
        focusTable();
        return;
      }
      if (!action) return;
      e.preventDefault();
      if (!KEEP_FOCUS.has(action)) focusTable();
      runAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [overrides]);
}
