// The map page: country outlines from the vendored world-atlas TopoJSON (no tile server), one
// circle per event place, a popup with the evidence. Everything from articles is set as text.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 1000, HEIGHT = 500;

  // Equirectangular projection onto a 1000 x 500 plane.
  function project(lon, lat) {
    return [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];
  }

  function ringPath(ring) {
    return ring.map(function (point, i) {
      var xy = project(point[0], point[1]);
      return (i ? "L" : "M") + xy[0].toFixed(1) + "," + xy[1].toFixed(1);
    }).join("") + "Z";
  }

  function geometryPath(geometry) {
    if (!geometry) return "";
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] :
      geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polygons.map(function (rings) { return rings.map(ringPath).join(""); }).join("");
  }

  function element(name, attributes) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { el.setAttribute(key, attributes[key]); });
    return el;
  }

  function html(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  // The view: the box around the places, at least 40 by 20 degrees, kept at 2:1.
  function viewBox(places) {
    if (!places.length) return [0, 0, WIDTH, HEIGHT];
    var lons = places.map(function (p) { return p.lon; });
    var lats = places.map(function (p) { return p.lat; });
    var west = Math.min.apply(null, lons), east = Math.max.apply(null, lons);
    var south = Math.min.apply(null, lats), north = Math.max.apply(null, lats);
    var width = Math.max(east - west + 20, 40, (north - south + 10) * 2);
    var cx = (west + east) / 2, cy = (south + north) / 2;
    var nw = project(cx - width / 2, cy + width / 4), se = project(cx + width / 2, cy - width / 4);
    return [nw[0], nw[1], se[0] - nw[0], se[1] - nw[1]];
  }

  function showPopup(popup, place, x, y) {
    popup.textContent = "";
    popup.appendChild(html("h3", place.name + (place.country ? " (" + place.country + ")" : "")));
    popup.appendChild(html("p", place.n + " event" + (place.n === 1 ? "" : "s"), "meta"));
    var list = html("ul");
    place.examples.forEach(function (ex) {
      var item = html("li");
      item.appendChild(html("span", ex.date + " · " + ex.type + " · " + ex.factuality + " ", "meta"));
      item.appendChild(html("span", ex.evidence, "evidence"));
      var link = html("a", " in context");
      link.href = "/articles/" + encodeURIComponent(ex.article_id) + "?event=" +
        encodeURIComponent(ex.event_id) + "#evidence";
      link.className = "to-evidence";
      item.appendChild(link);
      list.appendChild(item);
    });
    popup.appendChild(list);
    var all = html("a", "All events at " + place.name);
    all.href = "/events?place=" + encodeURIComponent(place.name);
    popup.appendChild(all);
    popup.hidden = false;
    popup.style.left = Math.max(0, x) + "px";
    popup.style.top = Math.max(0, y) + "px";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("map");
    var popup = document.getElementById("popup");
    if (!box || typeof topojson === "undefined") return;
    var get = function (url) {
      return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); });
    };
    Promise.all([get(box.getAttribute("data-atlas")), get(box.getAttribute("data-api"))])
      .then(function (loaded) {
        var atlas = loaded[0], data = loaded[1];
        if (!data.ok) { box.textContent = data.message || "Could not load the places."; return; }
        var view = viewBox(data.places);
        var svg = element("svg", { viewBox: view.join(" "), role: "img", "aria-label": "map of event places" });
        var land = element("g", { "class": "countries" });
        topojson.feature(atlas, atlas.objects.countries).features.forEach(function (country) {
          var path = element("path", { d: geometryPath(country.geometry) });
          var title = element("title", {});
          title.textContent = (country.properties && country.properties.name) || "";
          path.appendChild(title);
          land.appendChild(path);
        });
        svg.appendChild(land);
        var dots = element("g", { "class": "places" });
        var scale = view[2] / WIDTH;
        data.places.forEach(function (place) {
          var xy = project(place.lon, place.lat);
          var dot = element("circle", {
            cx: xy[0].toFixed(2), cy: xy[1].toFixed(2),
            r: ((2 + Math.sqrt(place.n) * 1.5) * scale).toFixed(3),
            "class": "place", tabindex: "0",
          });
          dot.setAttribute("data-name", place.name);
          var title = element("title", {});
          title.textContent = place.name + ": " + place.n;
          dot.appendChild(title);
          dot.addEventListener("click", function (event) {
            var rect = box.getBoundingClientRect();
            showPopup(popup, place, event.clientX - rect.left + 10, event.clientY - rect.top + 10);
            event.stopPropagation();
          });
          dots.appendChild(dot);
        });
        svg.appendChild(dots);
        svg.addEventListener("click", function () { popup.hidden = true; });
        box.textContent = "";
        box.appendChild(svg);
        box.setAttribute("data-ready", "true");
      })
      .catch(function () { box.textContent = "Could not load the map."; });
  });
})();
