/*
 * Starts the app on a page the server sent with its first screen: after that screen has painted, so that a slow
 * phone paints from the HTML before it fetches the app's modules. The entry and the modules it imports at once
 * are named by the server (data-entry, data-preload) from the build's shell.
 */
(function () {
  var me = document.currentScript;
  var entry = me && me.getAttribute('data-entry');
  if (!entry) return;
  var preload = (me.getAttribute('data-preload') || '').split(' ').filter(Boolean);
  function start() {
    for (var i = 0; i < preload.length; i++) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = preload[i];
      document.head.appendChild(link);
    }
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry;
    document.head.appendChild(script);
  }
  // The frame after the first one: its callbacks run once the first screen has been painted.
  requestAnimationFrame(function () {
    setTimeout(start, 0);
  });
})();
