// The preview's live connection, added to every page it serves (never to a
// build): it reloads the page when the page changes, swaps the stylesheets
// in place when only they change, and shows the build's errors over the
// page until they are fixed.
(function () {
  "use strict";
  var script = document.currentScript;
  var overlayId = "live-preview-errors";
  var stream = new EventSource("/__live?path=" + encodeURIComponent(location.pathname) +
    "&version=" + encodeURIComponent(script.dataset.version));

  stream.addEventListener("reload", function () {
    stream.close();
    location.reload();
  });

  // Each stylesheet is loaded again beside the old one, which goes once
  // the new one applies, so the page never shows unstyled.
  stream.addEventListener("css", function (event) {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (old) {
      var fresh = old.cloneNode();
      var url = new URL(old.href);
      url.searchParams.set("live", event.data);
      fresh.href = url.href;
      fresh.addEventListener("load", function () { old.remove(); });
      old.after(fresh);
    });
  });

  stream.addEventListener("errors", function (event) {
    var errors = JSON.parse(event.data);
    var overlay = document.getElementById(overlayId);
    if (errors.length === 0) {
      if (overlay) overlay.remove();
      return;
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = overlayId;
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:60vh;overflow:auto;" +
        "margin:0;padding:1em 1.5em;background:#7f1d1d;color:#fff;font:14px/1.5 ui-monospace,monospace;" +
        "box-shadow:0 2px 8px rgba(0,0,0,.4)";
      document.body.appendChild(overlay);
    }
    var title = document.createElement("p");
    title.style.cssText = "margin:0 0 .5em;font-weight:bold";
    title.textContent = "The site does not build:";
    var list = document.createElement("pre");
    list.style.cssText = "margin:0;white-space:pre-wrap";
    list.textContent = errors.join("\n");
    overlay.replaceChildren(title, list);
  });
})();
