// Live reload for `impact serve`. The preview adds this script to every page
// it serves (built pages never contain it). It waits for the next build with
// a long poll on /__impact/events, reloads the page after a good build, and
// lays the errors of a failed build over the page until a good build comes.
(function () {
  "use strict";
  var me = document.currentScript;
  var generation = me ? me.getAttribute("data-generation") : null;
  var instance = me ? me.getAttribute("data-instance") : null;
  var attempt = -1;
  // The preview writes the overlay into pages served while the site is
  // broken (src/serve/inject.rs); this script keeps it up to date.
  var overlay = document.getElementById("impact-overlay");
  if (overlay) wireHide(overlay);

  function wireHide(box) {
    var hide = box.querySelector("button");
    if (hide) hide.addEventListener("click", function () { box.hidden = true; });
  }

  function styles() {
    if (document.getElementById("impact-live-css")) return;
    var link = document.createElement("link");
    link.id = "impact-live-css";
    link.rel = "stylesheet";
    link.href = "/__impact/live.css";
    document.head.appendChild(link);
  }

  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    if (text) el.textContent = text; // text, never HTML: errors quote the sources
    if (cls) el.className = cls;
    parent.appendChild(el);
    return el;
  }

  function showErrors(status) {
    styles();
    if (!overlay) {
      overlay = document.createElement("section");
      overlay.id = "impact-overlay";
      overlay.setAttribute("role", "alert");
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    // The same words as overlay_html in src/serve/inject.rs.
    add(overlay, "h2", "The site did not build: " + status.summary);
    add(overlay, "p", (generation === "0"
      ? "Nothing has built since the preview started."
      : "This is the last version that built.") +
      " Fix the problem below and save the file; the page updates by itself.");
    add(overlay, "pre", status.report || status.errors.join("\n"));
    add(overlay, "button", "Hide").type = "button";
    wireHide(overlay);
    overlay.hidden = false;
  }

  function hideErrors() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  // Returns false when the page is being reloaded.
  function apply(status) {
    if (status.instance !== instance || String(status.generation) !== generation) {
      location.reload();
      return false;
    }
    // A long poll that timed out brings the same build again: leave the
    // overlay as it is (hidden, if the reader hid it).
    if (status.attempt !== attempt) {
      if (status.ok) hideErrors(); else showErrors(status);
    }
    attempt = status.attempt;
    return true;
  }

  function poll() {
    fetch("/__impact/events?after=" + attempt, { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) throw new Error("status " + r.status);
        return r.json();
      })
      .then(function (status) { if (apply(status)) poll(); })
      // The server is gone (stopped or restarting): try again shortly.
      .catch(function () { setTimeout(poll, 1000); });
  }

  poll();
})();
