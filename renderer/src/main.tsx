// Placeholder until the renderer lands: proves the build and the window work.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <h1>Lectern</h1>
    </StrictMode>,
  );
}
