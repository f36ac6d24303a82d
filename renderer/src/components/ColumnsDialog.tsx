/** Show, hide and reorder the table's columns from the keyboard (the header also resizes and reorders by drag). */
import { COLUMN_LABELS, useColumns } from '../state/columns';
import { usePanes } from '../state/panes';
import { Dialog } from './Dialog';

export function ColumnsDialog() {
  const close = usePanes((s) => s.closeDialog);
  const { order, hidden, setHidden, move, reset } = useColumns();
  return (
    <Dialog title="Columns" onClose={close} className="columns-dialog">
      <ul className="column-list">
        {order.map((id, i) => (
          <li key={id}>
            <label>
              <input
                type="checkbox"
                checked={!hidden[id]}
                disabled={id === 'title'}
                onChange={(e) => setHidden(id, !e.target.checked)}
                data-autofocus={i === 0 ? true : undefined}
              />
              {COLUMN_LABELS[id]}
            </label>
            <span className="column-moves">
              <button
                type="button"
                className="link-button"
                aria-label={`Move ${COLUMN_LABELS[id]} left`}
                disabled={i === 0}
                onClick={() => move(id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="link-button"
                aria-label={`Move ${COLUMN_LABELS[id]} right`}
                disabled={i === order.length - 1}
                onClick={() => move(id, 1)}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Drag a header to reorder, drag its edge to resize; on a focused header, Shift+←/→ resizes and Alt+←/→ moves.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={reset}>
          Reset layout
        </button>
        <button type="button" className="button primary" onClick={close}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
