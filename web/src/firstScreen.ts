/**
 * The server sends the portal's entry pages with their first screen as HTML (`#first-screen`, see
 * src/web/first-screen.ts) and the app's root hidden. The app renders into its hidden root and takes the
 * screen's place once its page is ready (nothing loading any more), so the visitor never sees a skeleton
 * replace content, nor the layout move.
 */

/** Whether the app's page in `root` has nothing left loading (no skeleton, spinner or busy region). */
export function pageReady(root: ParentNode): boolean {
  return (
    root.querySelector('main') !== null &&
    root.querySelector('.ant-skeleton, .ant-spin-spinning, [aria-busy="true"], [data-testid="page-loading"]') === null
  );
}

/** Shows the app in place of the server's first screen once `pageReady`, or after `maxMs` whatever its state. */
export function takeOverFirstScreen(root: HTMLElement, maxMs = 8000): void {
  const screen = document.getElementById('first-screen');
  if (!screen) {
    root.hidden = false;
    return;
  }
  let done = false;
  const reveal = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    screen.remove();
    root.hidden = false;
  };
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    // Once per frame at most: a page renders in many small mutations.
    requestAnimationFrame(() => {
      queued = false;
      if (pageReady(root)) reveal();
    });
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'class'] });
  const timer = setTimeout(reveal, maxMs);
}
