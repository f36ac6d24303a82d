/**
 * The window's entry point. It asks for the first page of papers at once, and only then loads React and the window
 * (a chunk of their own): the library prepares the rows while the window's code loads and renders.
 */
import { requestFirstPage } from './listing';
import './styles/theme.css';
import './styles/layout.css';
import './styles/table.css';
import './styles/panes.css';

const root = document.getElementById('root');
if (root) {
  // The code is asked for first: the library answers on one thread, and the page's files would wait behind the query.
  // No JSX in this file: its runtime would bring React into the entry chunk.
  const code = Promise.all([import('react'), import('react-dom/client'), import('./App')]);
  requestFirstPage();
  void code.then(([{ StrictMode, createElement }, { createRoot }, { App }]) => {
    createRoot(root).render(createElement(StrictMode, null, createElement(App)));
  });
}
