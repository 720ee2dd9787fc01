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
    const typed = carriedInput(screen);
    screen.remove();
    root.hidden = false;
    if (typed) typed.into(root);
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
  // Loaded after the app began rendering: its page may be ready already.
  if (pageReady(root)) reveal();
}

/**
 * What the visitor typed into the first screen's search while the app loaded (the app starts when they focus it),
 * and a way to put it into the app's search: through the input's own value setter and an input event, so that the
 * app's state takes it as if typed there, with the focus where it was.
 */
function carriedInput(screen: HTMLElement): { into(root: HTMLElement): void } | null {
  const input = screen.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) return null;
  const focused = document.activeElement === input;
  const value = input.value;
  if (!value && !focused) return null;
  return {
    into(root) {
      const target = root.querySelector<HTMLInputElement>('input[data-testid="portal-search"]');
      if (!target) return;
      if (value) {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(target, value);
        target.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (focused) target.focus();
    },
  };
}
