// The network page: actors as nodes, edges coloured by PLOVER quad class (vis-network).
// Data from /api/network with the page's own filters; labels are set as text.
(function () {
  "use strict";
  var QUAD_COLOURS = { 1: "#2e7d32", 2: "#1565c0", 3: "#ef6c00", 4: "#c62828" };
  var QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  function textElement(text) {
    var el = document.createElement("div");
    el.textContent = text;
    return el;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("network");
    if (!box || typeof vis === "undefined") return;
    fetch(box.getAttribute("data-api"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (!data.ok) { box.textContent = data.message || "Could not load the network."; return; }
        if (!data.edges.length) { box.textContent = "No edges to draw."; return; }
        var degree = {};
        data.edges.forEach(function (e) {
          degree[e.source] = (degree[e.source] || 0) + e.n;
          degree[e.target] = (degree[e.target] || 0) + e.n;
        });
        var nodes = data.nodes.map(function (n) {
          return {
            id: n.id,
            label: n.name,
            value: degree[n.id] || 1,
            title: textElement(n.name + " (" + n.id + ") " + [n.country, n.sector].filter(Boolean).join(" ")),
          };
        });
        var edges = data.edges.map(function (e, i) {
          return {
            id: i,
            from: e.source,
            to: e.target,
            value: e.n,
            arrows: "to",
            // edges of one pair in different quad classes bend apart instead of overlapping
            smooth: { enabled: true, type: "curvedCW", roundness: 0.06 * e.quad },
            color: { color: QUAD_COLOURS[e.quad], highlight: QUAD_COLOURS[e.quad] },
            title: textElement(e.n + " events, " + QUAD_NAMES[e.quad] + ": " + e.types),
            quad: e.quad,
          };
        });
        var network = new vis.Network(
          box,
          { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) },
          {
            nodes: { shape: "dot", scaling: { min: 6, max: 30 }, font: { size: 13 } },
            edges: { scaling: { min: 1, max: 8 } },
            physics: { stabilization: { iterations: 150 }, barnesHut: { springLength: 140 } },
            interaction: { hover: true },
          }
        );
        network.once("stabilizationIterationsDone", function () {
          network.setOptions({ physics: false });
          box.setAttribute("data-ready", "true");
        });
        network.on("click", function (params) {
          if (params.nodes.length) {
            window.location.href = "/actors/" + encodeURIComponent(params.nodes[0]);
          } else if (params.edges.length) {
            var e = data.edges[params.edges[0]];
            window.location.href = "/events?source=" + encodeURIComponent(e.source) +
              "&target=" + encodeURIComponent(e.target) + "&quad=" + encodeURIComponent(e.quad);
          }
        });
      })
      .catch(function () { box.textContent = "Could not load the network."; });
  });
})();
