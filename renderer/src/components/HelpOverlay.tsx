/** The `?` overlay: every shortcut, drawn from the keymap data, with a way to rebind each action. */
import { useState, type KeyboardEvent } from 'react';
import { ACTION_GROUPS, FIXED_KEYS, KEYMAP, displayKey, eventKey, type ActionId } from '../keymap';
import { keysFor, useBindings } from '../state/bindings';
import { usePanes } from '../state/panes';
import { Dialog } from './Dialog';

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 ? <span className="or"> or </span> : null}
          <kbd>{displayKey(k)}</kbd>
        </span>
      ))}
    </span>
  );
}

export function HelpOverlay() {
  const close = usePanes((s) => s.closeDialog);
  const overrides = useBindings((s) => s.overrides);
  const rebind = useBindings((s) => s.rebind);
  const reset = useBindings((s) => s.reset);
  const [capturing, setCapturing] = useState<ActionId | null>(null);

  const capture = (e: KeyboardEvent<HTMLButtonElement>, action: ActionId) => {
    if (capturing !== action) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape') {
      setCapturing(null);
      return;
    }
    const key = eventKey(e.nativeEvent);
    if (!key) return;
    rebind(action, key);
    setCapturing(null);
  };

  return (
    <Dialog title="Keyboard shortcuts" onClose={close} className="help">
      <div className="help-columns">
        {ACTION_GROUPS.map((group) => (
          <section key={group} className="help-group" aria-label={group}>
            <h3>{group}</h3>
            <table>
              <tbody>
                {KEYMAP.filter((a) => a.group === group).map((a) => (
                  <tr key={a.id}>
                    <td className="help-keys">
                      <Keys keys={keysFor(a.id, overrides)} />
                    </td>
                    <td>{a.label}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button rebind"
                        aria-label={`Change the key for ${a.label}`}
                        onClick={() => setCapturing(a.id)}
                        onKeyDown={(e) => capture(e, a.id)}
                        onBlur={() => setCapturing((c) => (c === a.id ? null : c))}
                      >
                        {capturing === a.id ? 'Press a key…' : 'Change'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <section className="help-group" aria-label="Always">
          <h3>Always</h3>
          <table>
            <tbody>
              {FIXED_KEYS.map((f) => (
                <tr key={f.label}>
                  <td className="help-keys">
                    <Keys keys={[f.keys]} />
                  </td>
                  <td>{f.label}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={reset}>
          Reset keys to defaults
        </button>
        <button type="button" className="button primary" data-autofocus onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
