/*
 * Starts the app on a page the server sent with its first screen, after that screen has painted, so that a slow
 * phone paints from the HTML before it fetches the app's modules. The entry and the modules it imports at once
 * are named by the server (data-entry, data-preload) from the build's shell. data-start says when:
 * - "paint": in the frame after the first one (a signed-in visitor);
 * - "intent": when the visitor first taps, presses a key or focuses something, or once the page has stood idle
 *   for IDLE_MS after its load. The modules are fetched (not run) meanwhile, so the start is quick when it comes.
 */
(function () {
  var IDLE_MS = 3000;
  var me = document.currentScript;
  var entry = me && me.getAttribute('data-entry');
  if (!entry) return;
  var preload = (me.getAttribute('data-preload') || '').split(' ').filter(Boolean);
  var started = false;

  function addLink(rel, href) {
    var link = document.createElement('link');
    link.rel = rel;
    link.crossOrigin = '';
    link.href = href;
    if (rel === 'prefetch') link.as = 'script';
    document.head.appendChild(link);
  }

  function start() {
    if (started) return;
    started = true;
    for (var i = 0; i < INTENTS.length; i++) removeEventListener(INTENTS[i], start, true);
    for (var j = 0; j < preload.length; j++) addLink('modulepreload', preload[j]);
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry;
    document.head.appendChild(script);
  }

  var INTENTS = ['pointerdown', 'keydown', 'focusin', 'touchstart'];

  if (me.getAttribute('data-start') !== 'intent') {
    // The frame after the first one: its callbacks run once the first screen has been painted.
    requestAnimationFrame(function () {
      setTimeout(start, 0);
    });
    return;
  }
  for (var k = 0; k < INTENTS.length; k++) addEventListener(INTENTS[k], start, { capture: true, passive: true });
  function whenLoaded() {
    var files = [entry].concat(preload);
    for (var i = 0; i < files.length; i++) addLink('prefetch', files[i]);
    setTimeout(function () {
      if (window.requestIdleCallback) requestIdleCallback(start, { timeout: IDLE_MS });
      else start();
    }, IDLE_MS);
  }
  if (document.readyState === 'complete') whenLoaded();
  else addEventListener('load', whenLoaded, { once: true });
})();
