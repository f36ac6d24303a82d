/** The command palette (Ctrl+K): every action by name, filtered as you type, Enter runs it. */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { KEYMAP, displayKey } from '../keymap';
import { keysFor, useBindings } from '../state/bindings';
import { usePanes } from '../state/panes';
import { runAction, targetIds } from '../actions';
import { paletteExtras } from './palette-extras';
import { Dialog } from './Dialog';

interface Entry {
  id: string;
  label: string;
  keys: readonly string[];
  run: () => void;
}

export function Palette() {
  const close = usePanes((s) => s.closeDialog);
  const overrides = useBindings((s) => s.overrides);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();

  const entries: Entry[] = useMemo(
    () => [
      ...KEYMAP.filter((a) => a.id !== 'palette').map((a) => ({
        id: a.id,
        label: a.label,
        keys: keysFor(a.id, overrides),
        run: () => runAction(a.id),
      })),
      ...paletteExtras(targetIds).map((e) => ({ ...e, keys: [] })),
    ],
    [overrides],
  );
  const shown = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return entries.filter((e) => words.every((w) => e.label.toLowerCase().includes(w)));
  }, [entries, text]);

  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    close();
    // After the dialog is gone, so the action sees the table as the user will.
    requestAnimationFrame(() => entry.run());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = shown.length;
      if (n > 0) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(shown[active]);
    }
  };

  return (
    <Dialog title="Command palette" onClose={close} className="palette" quietTitle>
      <input
        data-autofocus
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
        className="text-input palette-input"
        placeholder="Type a command…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul role="listbox" id={listId} aria-label="Commands" className="palette-list">
        {shown.map((entry, i) => (
          <li
            key={entry.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(entry);
            }}
          >
            <span>{entry.label}</span>
            {entry.keys[0] ? <kbd>{displayKey(entry.keys[0])}</kbd> : null}
          </li>
        ))}
        {shown.length === 0 ? <li className="muted">No command matches.</li> : null}
      </ul>
    </Dialog>
  );
}
