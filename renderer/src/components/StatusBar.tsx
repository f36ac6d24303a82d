/** The bottom bar: what just happened (undo is one key away), the selection, import progress and the last import. */
import { useState } from 'react';
import { useCursor } from '../state/cursor';
import { useNotices } from '../state/notices';
import { cancelImport, summarizeImport } from '../data/importing';
import { displayKey } from '../keymap';
import { focusTable } from '../focus';

function ImportSummary() {
  const report = useNotices((s) => s.lastImport);
  const dismiss = useNotices((s) => s.setLastImport);
  const [open, setOpen] = useState(false);
  if (!report) return null;
  return (
    <section className="import-summary" aria-label="Import summary">
      <strong>Import finished:</strong> {summarizeImport(report)}.{' '}
      <span className="muted">
        Press <kbd>{displayKey('u')}</kbd> to undo it.
      </span>
      {report.errors.length > 0 ? (
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'} {report.errors.length === 1 ? 'the problem' : `${report.errors.length} problems`}
        </button>
      ) : null}
      <button
        type="button"
        className="link-button"
        aria-label="Dismiss the import summary"
        onClick={() => {
          dismiss(null);
          focusTable();
        }}
      >
        ×
      </button>
      {open ? (
        <ul className="import-errors">
          {report.errors.map((e, i) => (
            <li key={i}>
              <code>
                {e.file}
                {e.line !== null ? `:${e.line}` : ''}
              </code>{' '}
              {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function StatusBar() {
  const message = useNotices((s) => s.message);
  const importing = useNotices((s) => s.importing);
  const marked = useCursor((s) => s.marked.size);
  return (
    <footer className="statusbar">
      <ImportSummary />
      <div className="statusbar-line">
        {importing ? (
          <div className="progress">
            <span>Importing {importing.name}…</span>
            <progress
              aria-label={`Importing ${importing.name}`}
              max={Math.max(1, importing.total)}
              value={importing.done}
            />
            <button type="button" className="link-button" onClick={cancelImport}>
              Cancel
            </button>
          </div>
        ) : null}
        <span role="status" aria-live="polite" className={`message${message?.tone === 'error' ? ' error' : ''}`}>
          {message?.text ?? ''}
        </span>
        <span className="spacer" />
        {marked > 0 ? <span className="selection">{marked} selected</span> : null}
        <span className="hint">
          <kbd>?</kbd> shortcuts · <kbd>{displayKey('Mod+k')}</kbd> commands
        </span>
      </div>
    </footer>
  );
}
