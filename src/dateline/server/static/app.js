// dateline web UI: small progressive enhancements. Pages work without this file.
// No inline scripts anywhere (the Content-Security-Policy forbids them); text from articles is
// only ever set with textContent, never as HTML.
(function () {
  "use strict";

  // Filter forms: leave empty fields out of the URL, so a link shows only the filters set.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("filters")) return;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && field.value === "") field.disabled = true;
    });
  });

  // Article reader: clicking a span (or a mention link in the record panel) marks the span and
  // every other mention of the same actor. A span's data-actor lists every actor mentioned
  // there, space-separated ("the two leaders" is a mention of each of two people).
  function actorsOf(el) {
    var value = el.getAttribute("data-actor");
    return value ? value.split(" ") : [];
  }

  function markActor(actors, clicked) {
    document.querySelectorAll(".seg.selected, .seg.same-actor").forEach(function (el) {
      el.classList.remove("selected", "same-actor");
    });
    if (clicked) clicked.classList.add("selected");
    if (!actors.length) return;
    document.querySelectorAll(".seg[data-actor]").forEach(function (el) {
      if (actorsOf(el).some(function (a) { return actors.indexOf(a) >= 0; })) {
        el.classList.add("same-actor");
      }
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest(".seg, .mention-link") : null;
    if (!target) return;
    if (target.classList.contains("mention-link")) {
      var at = target.getAttribute("data-at");
      var seg = document.querySelector('.seg[data-at="' + CSS.escape(at) + '"]');
      if (seg) {
        markActor(actorsOf(seg), seg);
        seg.scrollIntoView({ block: "center" });
      }
      return;
    }
    markActor(actorsOf(target), target);
  });

  // A reader opened on a record (?at=, #evidence): mark that actor's mentions too.
  document.addEventListener("DOMContentLoaded", function () {
    var at = new URLSearchParams(window.location.search).get("at");
    if (at === null) return;
    var seg = document.querySelector('.seg[data-at="' + CSS.escape(at) + '"]');
    if (seg) markActor(actorsOf(seg), seg);
  });
})();
