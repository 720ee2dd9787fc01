import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root, startRoute } from './App';
import './styles.css';

const el = document.getElementById('root');
// The first render as a transition: React renders in slices and yields to the browser between them, instead
// of one long task before anything responds (the header from index.html stays until the commit).
if (el) {
  startRoute(window.location.pathname, window.location.search);
  // Only the portal's entry pages come with a first screen; other pages do not load the code that replaces it.
  if (document.getElementById('first-screen')) void import('./firstScreen').then((m) => m.takeOverFirstScreen(el));
  const root = createRoot(el);
  startTransition(() =>
    root.render(
      <StrictMode>
        <Root />
      </StrictMode>,
    ),
  );
}
