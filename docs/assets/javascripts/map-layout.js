/* ML Terms concept map (/map/): the pure helpers of map.js (layout for the canvas, which names show,
 * label sizes, the first view, search answers as options, readable colours). Loaded before map.js by the
 * map page; exported for `node --test` (tests/js/map.test.js). */
"use strict";

var MAP = { MAX_OPTIONS: 8, EDGE_BUDGET: 3000, TAP_PX: 24, PAD: 20, NAME_ZOOM: 0.75 };

/* The build lays the tags' blocks out in rows for a landscape window; here the same blocks (each moved
   whole, its terms inside unchanged) are put into rows for this canvas's shape, so a phone held upright
   gets a tall map instead of a thin strip. The same shelf packing as concept_map.pack. */
function mapShift(tags, aspect, gap, gapY, labelSize) {
  var area = 0, widest = 0;
  var room = function (t) { return Math.max(t.w, 0.62 * t.name.length * labelSize); };  // the block or its name
  tags.forEach(function (t) { area += (room(t) + gap) * (t.h + gapY); widest = Math.max(widest, room(t)); });
  var width = Math.max(widest, Math.sqrt(area * aspect)), x = 0, y = 0, shelf = 0, moves = {};
  tags.forEach(function (t) {
    if (x > 0 && x + room(t) > width) { x = 0; y += shelf + gapY; shelf = 0; }
    moves[t.name] = { dx: x + room(t) / 2 - t.x, dy: y + t.h / 2 - t.y };
    x += room(t) + gap;
    shelf = Math.max(shelf, t.h);
  });
  return moves;
}

/* The blocks' names sit in the gap above them: room for a line at the size they are drawn. */
function mapHeadingRoom(tags) {
  var sides = tags.map(function (t) { return Math.sqrt(t.w * t.h); }).sort(function (a, b) { return a - b; });
  return Math.max(30, (sides[Math.floor(sides.length / 2)] || 0) / 9);
}

/* The terms whose names show on the whole map: in each tag's block, the one with the most links (in and
   out), ties by title; none in a block whose terms have no links. Returns slugs. */
function mapHubs(nodes, edges) {
  var degree = nodes.map(function () { return 0; });
  edges.forEach(function (e) { degree[e[0]]++; degree[e[1]]++; });
  var best = {};
  nodes.forEach(function (n, i) {
    var b = best[n.tag];
    if (degree[i] > 0 && (!b || degree[i] > degree[b.i] || (degree[i] === degree[b.i] && n.title < b.n.title))) {
      best[n.tag] = { i: i, n: n };
    }
  });
  return Object.keys(best).map(function (tag) { return best[tag].n.slug; });
}

/* Rendered size (px) of names and headings at a zoom: readable on the whole map, growing a little as the
   reader zooms in, never huge. */
function mapFontPx(zoom, base) { return Math.min(base * 1.5, Math.max(base, base * zoom)); }

/* The zoom from which a finger can pick a term: rows of dots at least TAP_PX apart. */
function mapTapZoom(cell) { return MAP.TAP_PX / Math.min(cell[0], cell[1]); }

/* The view that shows every block and its name: {zoom, pan} for a canvas of width × height. */
function mapFit(boxes, width, height, pad) {
  var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  boxes.forEach(function (b) {
    x1 = Math.min(x1, b.x - b.w / 2); x2 = Math.max(x2, b.x + b.w / 2);
    y1 = Math.min(y1, b.y - b.h / 2 - b.top); y2 = Math.max(y2, b.y + b.h / 2);
  });
  var zoom = Math.min((width - 2 * pad) / Math.max(1, x2 - x1), (height - 2 * pad) / Math.max(1, y2 - y1));
  return { zoom: zoom, pan: { x: (width - zoom * (x1 + x2)) / 2, y: (height - zoom * (y1 + y2)) / 2 } };
}

/* Site search's answer (Material's RESULT items) as the map's options: term pages only, each once, in
   the search's order, at most `max`. `nodes`: slug -> node. */
function mapTermHits(items, nodes, max) {
  var out = [], seen = {};
  (items || []).forEach(function (group) {
    var m = /(?:^|\/)terms\/([^/#?]+)\/$/.exec(group[0] && group[0].location || "");
    if (m && nodes[m[1]] && !seen[m[1]] && out.length < max) { seen[m[1]] = true; out.push(nodes[m[1]]); }
  });
  return out;
}

/* WCAG relative luminance and contrast of two [r, g, b] colours. */
function mapLuminance(rgb) {
  var c = rgb.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function mapContrast(a, b) {
  var la = mapLuminance(a), lb = mapLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/* A tag's colour made to stand out (3:1, WCAG's figure for graphics) on the page's background `bg`,
   mixed toward the text colour `fg` as little as needed: dark blues and purples lighten in dark mode. */
function mapReadable(hex, bg, fg) {
  var rgb = [1, 3, 5].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); });
  for (var t = 0; t <= 1.0001; t += 0.05) {
    var mixed = rgb.map(function (v, i) { return Math.round(v + (fg[i] - v) * t); });
    if (mapContrast(mixed, bg) >= 3) return "rgb(" + mixed.join(",") + ")";
  }
  return "rgb(" + fg.join(",") + ")";
}

if (typeof module !== "undefined") {
  module.exports = { mapShift: mapShift, mapHubs: mapHubs, mapFontPx: mapFontPx, mapTapZoom: mapTapZoom,
    mapFit: mapFit, mapTermHits: mapTermHits, mapReadable: mapReadable, mapContrast: mapContrast, MAP: MAP };
}
