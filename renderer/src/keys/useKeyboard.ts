/**
 * The window's key handler: one listener that looks keys up in the user's bindings (drawn from keymap.ts). Keys typed
 * into a text field belong to the field; while a dialog is open the dialog handles its own keys.
 */
import { useLayoutEffect } from 'react';
import { eventKey, type ActionId } from '../keymap';
import { keyTable, useBindings } from '../state/bindings';
import { usePanes } from '../state/panes';
import { runAction } from '../actions';
import { TABLE_ID, focusTable, isTypingTarget } from '../focus';
import { useCursor } from '../state/cursor';

/** Actions that work even from inside a text field (they carry a modifier, so they never type a character). */
const FROM_FIELDS: ReadonlySet<ActionId> = new Set(['palette']);
/** Actions that leave focus where they put it; every other action is about the table and returns focus to it. */
const KEEP_FOCUS: ReadonlySet<ActionId> = new Set(['focus-search', 'palette', 'help', 'tag', 'note', 'import']);

export function useKeyboard(): void {
  const overrides = useBindings((s) => s.overrides);
  // A layout effect: the keys work from the first frame the window shows.
  useLayoutEffect(() => {
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
      const onControl = e.target instanceof HTMLElement && e.target.closest('button, a');
      if (onControl && (key === 'Enter' || key === 'Space')) return;
      if (key === 'Escape') {
        // Esc in the table drops the selection; anywhere else it returns to the table.
        if (document.activeElement?.id === TABLE_ID) useCursor.getState().clearMarks();
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
