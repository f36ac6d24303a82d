/** First run: an empty library says what Lectern is and offers the bundled sample on one key. */
import { importSample } from '../data/importing';
import { openFilePicker } from '../focus';

export function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Lectern</h1>
      <p>
        A research library you drive from the keyboard: import papers, triage the inbox one key per paper, tag them,
        write notes in Markdown, and search everything with a small query language.
      </p>
      <button type="button" className="button primary big" autoFocus onClick={() => void importSample()}>
        Import the sample papers <kbd>Enter</kbd>
      </button>
      <p className="muted">
        The sample is a page of trending papers from Hugging Face. Or import your own:{' '}
        <button type="button" className="link-button" onClick={openFilePicker}>
          choose files
        </button>{' '}
        (BibTeX, RIS, CSL-JSON, arXiv, …), drop them on the window, or paste text.
      </p>
    </section>
  );
}
