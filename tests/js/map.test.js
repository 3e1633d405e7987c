// The concept map's pure helpers (docs/assets/javascripts/map-layout.js), run by `node --test`
// (tests/test_js_units.py runs this file under pytest).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const map = require("../../docs/assets/javascripts/map-layout.js");

test("hubs: the most-linked term of each block, none for a block without links", () => {
  const nodes = [{ slug: "a", title: "A", tag: "x" }, { slug: "b", title: "B", tag: "x" },
    { slug: "c", title: "C", tag: "y" }, { slug: "d", title: "D", tag: "z" }, { slug: "e", title: "E", tag: "y" }];
  const edges = [[0, 1], [1, 2], [1, 4], [2, 4]];
  assert.deepEqual(map.mapHubs(nodes, edges).sort(), ["b", "c"]);  // y: c and e tie on 2, by title
});

test("names stay readable whatever the zoom, and never huge", () => {
  assert.equal(map.mapFontPx(0.1, 12), 12);
  assert.equal(map.mapFontPx(1.2, 12), 12 * 1.2);
  assert.equal(map.mapFontPx(4, 12), 18);
});

test("a finger picks a term only where rows are 24 px apart", () => {
  assert.equal(map.mapTapZoom([170, 56]) * 56, 24);
});

test("the first view holds every block and its name, centred", () => {
  const boxes = [{ x: 100, y: 100, w: 200, h: 100, top: 40 }, { x: 500, y: 300, w: 100, h: 100, top: 40 }];
  const view = map.mapFit(boxes, 600, 400, 20);
  const left = view.pan.x + 0 * view.zoom, right = view.pan.x + 550 * view.zoom;
  const top = view.pan.y + 10 * view.zoom, bottom = view.pan.y + 350 * view.zoom;
  assert.ok(left >= 19.9 && right <= 580.1 && top >= 19.9 && bottom <= 380.1);
  assert.ok(Math.abs((left + right) / 2 - 300) < 0.01 && Math.abs((top + bottom) / 2 - 200) < 0.01);
});

test("search answers become term options: term pages only, each once, in order", () => {
  const nodes = { "k-means-clustering": { slug: "k-means-clustering" }, "kmeans-inertia": { slug: "kmeans-inertia" } };
  const items = [[{ location: "terms/k-means-clustering/" }, { location: "terms/k-means-clustering/#notes" }],
    [{ location: "tags/clustering/" }], [{ location: "terms/k-means-clustering/#x" }],
    [{ location: "terms/kmeans-inertia/" }], [{ location: "terms/unknown/" }]];
  assert.deepEqual(map.mapTermHits(items, nodes, 8).map((n) => n.slug), ["k-means-clustering", "kmeans-inertia"]);
  assert.equal(map.mapTermHits(items, nodes, 1).length, 1);
});

test("tag colours are made 3:1 against the background of each scheme", () => {
  const white = [255, 255, 255], slate = [30, 33, 41], ink = [0, 0, 0], paper = [226, 228, 233];
  for (const hex of ["#2b4c8c", "#6a3d9a", "#1b7a3a", "#edc948", "#bab0ac", "#a6cee3"]) {
    for (const [bg, fg] of [[white, ink], [slate, paper]]) {
      const rgb = map.mapReadable(hex, bg, fg).match(/\d+/g).map(Number);
      assert.ok(map.mapContrast(rgb, bg) >= 3, `${hex} on ${bg}`);
    }
  }
  assert.equal(map.mapReadable("#2b4c8c", white, ink), "rgb(43,76,140)");  // already fine: unchanged
});

test("blocks re-packed for a tall canvas make a tall map", () => {
  const tags = Array.from({ length: 6 }, (_, i) => ({ name: "t" + i, x: 300 * i, y: 0, w: 200, h: 200 }));
  const moves = map.mapShift(tags, 0.5, 50, 80, 20);
  const xs = tags.map((t) => t.x + moves[t.name].dx), ys = tags.map((t) => t.y + moves[t.name].dy);
  assert.ok(Math.max(...ys) - Math.min(...ys) > Math.max(...xs) - Math.min(...xs));
});
