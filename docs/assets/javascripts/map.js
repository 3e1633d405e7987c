/* ML Terms concept map (/map/): draws map/graph.json (written by the build: scripts/mlterms/outputs/concept_map.py,
 * positions included) with cytoscape (canvas 2D, pinned in package.json, copied into the site by the build).
 * Loaded by the map page alone; navigation.instant re-runs it each time the page is shown.
 *
 * First a plain canvas draws the whole map from graph.json (blocks, names, dots, links), so the reader
 * sees it before cytoscape (~140 KB gzip) has even been parsed: performance.mark("map-first-render").
 * Cytoscape then takes over in the same view ("map-interactive"). On the way: "map-start" (this script
 * runs), "map-loaded" (data and library in), "map-built" (the graph built).
 *
 * The page scrolls under the wheel and a one-finger drag: the map takes them only once activated (a
 * click or tap on it, or keyboard focus); then + and - zoom, the arrows pan, 0 shows the whole map and
 * Escape lets go. "Find a term" asks the site's own search worker (mlterms-search.js), so it knows the
 * same names and matches them the same way as site search. Every text from the data is set with
 * textContent or drawn on a canvas: nothing in it becomes markup.
 *
 * The pure helpers (mapShift, mapHubs, mapFit, ...) are in map-layout.js and "Find a term" in
 * map-search.js, both loaded just before. */
"use strict";

if (document.getElementById("concept-map-app"))
  mapAfterHelpers(function () { mapStart(document.getElementById("concept-map-app")); });

/* navigation.instant puts a page's scripts back all at once, and a script added that way runs when it
 * arrives, in no set order: this one can run before map-layout.js and map-search.js have. It starts once
 * both have run (at once on a page load, where scripts run in order). */
function mapAfterHelpers(start) {
  var ready = function () { return typeof window.mapHeadingRoom === "function" && typeof window.mapSearch === "function"; };
  if (ready()) return start();
  var started = false;
  Array.prototype.forEach.call(document.querySelectorAll("script[src]"), function (script) {
    if (/\/map-(layout|search)\.js(\?|$)/.test(script.src)) script.addEventListener("load", function () {
      if (!started && ready()) { started = true; start(); }
    });
  });
}

/* --- the page ------------------------------------------------------------------------------- */

function mapStart(app) {
  if (window.mltermsMap && !window.mltermsMap.destroyed()) window.mltermsMap.destroy();  // an earlier visit's
  var page = { app: app, base: new URL(app.getAttribute("data-base"), location.href),
    container: document.getElementById("concept-map"), status: app.querySelector(".map-status"),
    reduceMotion: window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches };
  performance.mark("map-start");
  var data = fetch(new URL("map/graph.json", page.base)).then(function (r) {
    if (!r.ok) throw new Error("map/graph.json: HTTP " + r.status);
    return r.json();
  });
  // cytoscape (preloaded by the page) runs only once the first frame is drawn: parsing it holds the
  // main thread for a while, and the reader would wait that long for the map.
  var prepared = data.then(function (d) { performance.mark("map-data"); return mapPrepare(page, d); });
  prepared.then(function () { return mapLoadScript(new URL("assets/javascripts/cytoscape.min.js", page.base).href); })
    .then(function () { return prepared; })
    .then(function (prepared) {
      if (!document.body.contains(app)) return;  // the reader has moved on (navigation.instant)
      performance.mark("map-loaded");
      mapDraw(page, prepared);
    }).catch(function (error) {
      page.status.textContent = "The map could not be loaded (" + error.message + "). The A–Z index and the " +
        "tag pages list the same terms.";
      throw error;
    });
}

function mapLoadScript(src) {
  return new Promise(function (resolve, reject) {
    if (window.cytoscape) return resolve();
    var script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = function () { reject(new Error("could not load " + src)); };
    document.head.appendChild(script);
  });
}

/* A CSS colour (any syntax, variables included) as [r, g, b], as the browser computes it. */
function mapCss(app, value) {
  var probe = document.createElement("span");
  probe.style.color = value;
  probe.style.display = "none";
  app.appendChild(probe);
  var parts = getComputedStyle(probe).color.match(/[\d.]+/g).map(Number).slice(0, 3);
  probe.remove();
  return parts;
}

function mapTheme(app, data) {
  var rgb = function (c) { return "rgb(" + c.join(",") + ")"; };
  var fg = mapCss(app, "var(--md-default-fg-color)"), bg = mapCss(app, "var(--md-default-bg-color)");
  var colours = {};
  data.tags.forEach(function (t) { colours[t.name] = mapReadable(t.colour, bg, fg); });
  return { fg: rgb(fg), bg: rgb(bg), light: rgb(mapCss(app, "var(--md-default-fg-color--light)")),
    accent: rgb(mapCss(app, "var(--md-accent-fg-color)")), font: getComputedStyle(document.body).fontFamily,
    colours: colours, scheme: document.body.getAttribute("data-md-color-scheme") };
}

/* Positions for this canvas, the hubs, the first view; then the preview frame. */
function mapPrepare(page, data) {
  var c = page.container, aspect = Math.max(0.5, c.clientWidth / Math.max(1, c.clientHeight));
  /* The names above the blocks are drawn at a readable size whatever the zoom, so the room they take
     depends on the zoom that fits the map, which depends on that room: a few rounds settle it. */
  var room = mapHeadingRoom(data.tags), font = room, moves, boxes;
  for (var round = 0; round < 4; round++) {
    moves = mapShift(data.tags, aspect, data.gap, data.gap + room, font);
    boxes = data.tags.map(function (t) {
      return { x: t.x + moves[t.name].dx, y: t.y + moves[t.name].dy, w: t.w, h: t.h, top: room };
    });
    var zoom = mapFit(boxes, c.clientWidth, c.clientHeight, MAP.PAD).zoom;
    font = mapFontPx(zoom, 13) / zoom;
    room = Math.max(mapHeadingRoom(data.tags), 1.6 * font);
  }
  data.tags.forEach(function (t) { t.x += moves[t.name].dx; t.y += moves[t.name].dy; t.top = room; });
  data.nodes.forEach(function (n) { n.x += moves[n.tag].dx; n.y += moves[n.tag].dy; });
  data.hubs = mapHubs(data.nodes, data.edges);
  data.view = mapFit(data.tags, c.clientWidth, c.clientHeight, MAP.PAD);
  data.theme = mapTheme(page.app, data);
  mapPreview(page, data);
  return data;
}

/* The whole map on a plain canvas, as cytoscape will draw it: the first frame the reader sees. */
function mapPreview(page, data) {
  var c = page.container, ratio = window.devicePixelRatio || 1, t = data.theme, v = data.view, z = v.zoom;
  var canvas = document.createElement("canvas");
  canvas.className = "map-preview";
  canvas.width = c.clientWidth * ratio; canvas.height = c.clientHeight * ratio;
  c.appendChild(canvas);
  var g = canvas.getContext("2d"), at = function (x, y) { return [v.pan.x + x * z, v.pan.y + y * z]; };
  g.scale(ratio, ratio);
  g.textAlign = "center";
  data.tags.forEach(function (tag) {
    var p = at(tag.x - tag.w / 2, tag.y - tag.h / 2);
    g.strokeStyle = g.fillStyle = t.colours[tag.name];
    g.globalAlpha = 0.1; g.fillRect(p[0], p[1], tag.w * z, tag.h * z);
    g.globalAlpha = 0.6; g.lineWidth = 2 * z; g.strokeRect(p[0], p[1], tag.w * z, tag.h * z);
    g.globalAlpha = 1; g.fillStyle = t.fg; g.font = "bold " + mapFontPx(z, 13) + "px " + t.font;
    g.fillText(tag.name, p[0] + tag.w * z / 2, p[1] - 6);
  });
  g.strokeStyle = t.light; g.globalAlpha = 0.22; g.lineWidth = 1;
  g.beginPath();
  data.edges.forEach(function (e) {
    var a = at(data.nodes[e[0]].x, data.nodes[e[0]].y), b = at(data.nodes[e[1]].x, data.nodes[e[1]].y);
    g.moveTo(a[0], a[1]); g.lineTo(b[0], b[1]);
  });
  g.stroke();
  g.globalAlpha = 1;
  data.nodes.forEach(function (n) {
    var p = at(n.x, n.y);
    g.beginPath(); g.arc(p[0], p[1], 7 * z, 0, 2 * Math.PI);
    g.fillStyle = t.colours[n.tag]; g.fill();
  });
  performance.mark("map-first-render");
  c.setAttribute("data-previewed", String(data.nodes.length));
}

function mapStyles(t) {
  return [
    { selector: "node.term", style: {
      "width": 14, "height": 14, "background-color": "data(colour)",
      "border-width": 1.5, "border-color": t.fg, "border-opacity": 0.55,
      "font-size": 12, "font-family": t.font, "color": t.fg,
      "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 150, "z-index": 2 } },
    { selector: "node.group", style: {
      "shape": "round-rectangle", "width": "data(w)", "height": "data(h)",
      "background-color": "data(colour)", "background-opacity": 0.1,
      "border-width": 2, "border-color": "data(colour)", "border-opacity": 0.6,
      "label": "data(name)", "font-size": 13, "font-weight": "bold", "font-family": t.font, "color": t.fg,
      "text-valign": "top", "text-margin-y": -6, "text-wrap": "wrap", "text-max-width": "data(w)",
      "events": "no", "z-index": 0 } },
    { selector: "edge", style: {
      "curve-style": "haystack", "haystack-radius": 0, "width": 1, "line-color": t.light, "opacity": 0.22, "z-index": 1 } },
    { selector: ".faded", style: { "opacity": 0.12 } },
    { selector: "node.group.faded", style: { "opacity": 0.35 } },
    { selector: "edge.faded", style: { "opacity": 0.04 } },
    // Only named nodes carry a label: measuring 5,000 labels would take seconds (see mapNames).
    { selector: "node.hub, node.named, node.neighbour, node.hover, node.focus", style: { "label": "data(title)" } },
    { selector: "node.hub", style: { "text-max-width": "data(wrap)", "z-index": 6, "text-valign": "center",
      "text-background-color": t.bg, "text-background-opacity": 0.75, "text-background-padding": 1 } },
    { selector: "node.hub.named", style: { "text-valign": "bottom", "text-background-opacity": 0 } },
    { selector: "node.neighbour", style: { "z-index": 8 } },
    { selector: "edge.highlight", style: { "line-color": t.accent, "opacity": 0.9, "width": 2.5, "z-index": 7 } },
    { selector: "node.hover, node.focus", style: {
      // (not bold: cytoscape 3.35 measures a label for its cache in the base weight, and would crop it)
      "z-index": 10, "text-wrap": "none", "text-background-color": t.bg, "text-background-opacity": 0.9,
      "text-background-padding": 3, "text-background-shape": "round-rectangle" } },
    { selector: "node.focus", style: {
      "width": 28, "height": 28, "border-width": 4, "border-color": t.accent, "border-opacity": 1 } }
  ];
}

function mapElements(data) {
  var elements = [], t = data.theme;
  data.tags.forEach(function (tag) {
    elements.push({ group: "nodes", classes: "group", selectable: false, grabbable: false,
      data: { id: "tag:" + tag.name, name: tag.name, colour: t.colours[tag.name], w: tag.w, h: tag.h },
      position: { x: tag.x, y: tag.y } });
  });
  var widths = {}, hubs = {};
  data.tags.forEach(function (tag) { widths[tag.name] = tag.w; });
  data.hubs.forEach(function (slug) { hubs[slug] = true; });
  data.nodes.forEach(function (node) {
    elements.push({ group: "nodes", classes: "term" + (hubs[node.slug] ? " hub" : ""), grabbable: false,
      data: { id: node.slug, title: node.title, url: node.url, colour: t.colours[node.tag], wrap: widths[node.tag] },
      position: { x: node.x, y: node.y } });
  });
  /* Every link is drawn while there are at most EDGE_BUDGET of them (our 192 terms have 360). Beyond that
     (5,000 terms have some 13,000) cytoscape would spend seconds building them and every frame drawing
     them, and the whole map would be a grey fog: the map then draws the links of the term pointed at or
     picked, when it is. */
  var edges = data.edges.map(function (pair, i) {
    // "edge:": no slug holds a colon, so no edge takes a term's id (a term slugged "e0" once hid edge 0)
    return { group: "edges", data: { id: "edge:" + i, source: data.nodes[pair[0]].slug, target: data.nodes[pair[1]].slug } };
  });
  var links = { all: edges.length <= MAP.EDGE_BUDGET, edges: edges, of: {} };
  if (links.all) elements = elements.concat(edges);
  else edges.forEach(function (edge, i) {
    [edge.data.source, edge.data.target].forEach(function (slug) { (links.of[slug] = links.of[slug] || []).push(i); });
  });
  return { elements: elements, links: links };
}

function mapDraw(page, data) {
  var built = mapElements(data), large = data.nodes.length > 1500, c = page.container;
  var cy = cytoscape({
    container: c, elements: built.elements, style: mapStyles(data.theme), layout: { name: "preset" },
    autoungrabify: true, autounselectify: true, boxSelectionEnabled: false, minZoom: 0.02, maxZoom: 4,
    zoom: data.view.zoom, pan: data.view.pan,
    userZoomingEnabled: false, userPanningEnabled: false,  // until the reader activates the map
    // Large maps: while the reader drags or zooms, move a snapshot of the canvas and leave the
    // edges out, so that panning stays smooth at 5,000 terms on a slow phone.
    textureOnViewport: large, hideEdgesOnViewport: large
  });
  window.mltermsMap = cy;
  performance.mark("map-built");
  mapSizeLabels(cy);
  cy.one("render", function () {
    performance.mark("map-interactive");
    var preview = c.querySelector(".map-preview");
    if (preview) preview.remove();
    c.setAttribute("data-rendered", String(cy.nodes(".term").length));
  });
  if (!built.links.all) {
    var note = document.createElement("p");
    note.className = "map-note";
    note.textContent = "This map has " + built.links.edges.length.toLocaleString("en") + " links: it draws " +
      "those of the term you point at or find.";
    c.parentNode.parentNode.insertBefore(note, c.parentNode);
  }
  var map = { page: page, data: data, cy: cy, links: built.links };
  map.focus = function (slug) { mapFocus(map, slug); };
  map.clear = function () { mapClear(map); };
  map.whole = function () { mapClear(map); cy.viewport(mapFit(data.tags, cy.width(), cy.height(), MAP.PAD)); };
  mapLabelsOnZoom(cy);
  mapPointer(map);
  mapActivation(map);
  mapSearch(map);
  mapThemeAndLifetime(map);
  Array.prototype.forEach.call(page.app.querySelectorAll(".map-tools [disabled]"), function (el) { el.disabled = false; });
}

/* Names and headings at a readable size for the zoom (cytoscape sizes labels in model units). */
function mapSizeLabels(cy) {
  var zoom = cy.zoom();
  cy.batch(function () {
    cy.nodes(".group").style("font-size", mapFontPx(zoom, 13) / zoom);
    cy.nodes(".hub, .named, .neighbour, .hover, .focus").style("font-size", mapFontPx(zoom, 12) / zoom);
    cy.nodes(".hub").forEach(function (n) { n.style("text-max-width", Math.max(n.data("wrap"), 110 / zoom)); });
  });
}

/* Every term's name once the cells are wide enough to hold it (from zoom NAME_ZOOM), for the terms in
   view, a moment after the view moves: cytoscape measures every label it is given, and 5,000 at once
   would hold a frame up by seconds on a slow phone. */
function mapLabelsOnZoom(cy) {
  var timer = null;
  function names() {
    timer = null;
    if (cy.destroyed()) return;
    var named = cy.nodes(".named");
    if (cy.zoom() < MAP.NAME_ZOOM) { named.removeClass("named"); mapSizeLabels(cy); return; }
    var box = cy.extent(), margin = 100;
    var inView = cy.nodes(".term").filter(function (n) {
      var at = n.position();
      return at.x > box.x1 - margin && at.x < box.x2 + margin && at.y > box.y1 - margin && at.y < box.y2 + margin;
    });
    cy.batch(function () { named.not(inView).removeClass("named"); inView.addClass("named"); });
    mapSizeLabels(cy);
  }
  cy.on("viewport", function () { if (!timer) timer = setTimeout(names, 100); });
}

function mapShowLinks(map, slug, kind) {  // (large maps) add the term's links, marked with why they are shown
  if (map.links.all) return;
  var cy = map.cy, missing = (map.links.of[slug] || []).filter(function (i) { return cy.getElementById("edge:" + i).empty(); });
  cy.add(missing.map(function (i) { return map.links.edges[i]; }));
  cy.getElementById(slug).connectedEdges().addClass(kind);
}
function mapHideLinks(map, kind, keep) {  // (large maps) take them away again, unless shown for the other reason
  if (map.links.all) return;
  map.cy.edges("." + kind).removeClass(kind).not("." + keep).remove();
}

/* A tap or click opens the term whose dot is nearest, within reach. A mouse may pick a dot on the whole
   map (16 px reach, never past half-way to the next row); a finger first zooms in to where rows of dots
   are TAP_PX apart, then picks. */
function mapPointer(map) {
  var cy = map.cy, c = map.page.container, terms = cy.nodes(".term"), cell = map.data.cell;
  var reach = Math.min(cell[0], cell[1]) / 2 - 1, tapZoom = mapTapZoom(cell);
  function nearest(at, px) {
    var best = null, bestD = Math.pow(Math.min(px / cy.zoom(), reach), 2);
    for (var i = 0; i < terms.length; i++) {
      var p = terms[i].position(), d = (p.x - at.x) * (p.x - at.x) + (p.y - at.y) * (p.y - at.y);
      if (d <= bestD) { best = terms[i]; bestD = d; }
    }
    return best;
  }
  cy.on("tap", function (event) {
    var touch = event.originalEvent && /touch|pointer/.test(event.originalEvent.type) &&
      (event.originalEvent.pointerType === "touch" || /touch/.test(event.originalEvent.type));
    if (touch && cy.zoom() < tapZoom) {
      cy.zoom({ level: tapZoom * 1.05, renderedPosition: event.renderedPosition });
      return;
    }
    var node = nearest(event.position, touch ? MAP.TAP_PX : 16);
    if (node) location.href = new URL(node.data("url"), map.page.base).href;
    else map.clear();
  });
  cy.on("mouseover", "node.term", function (event) {
    mapShowLinks(map, event.target.id(), "shown-hover");
    event.target.addClass("hover");
    mapSizeLabels(cy);
    c.style.cursor = "pointer";
  });
  cy.on("mouseout", "node.term", function (event) {
    event.target.removeClass("hover");
    mapHideLinks(map, "shown-hover", "shown-focus");
    c.style.cursor = "";
  });
}

/* The map takes the wheel and drags only once the reader asks for it (a click or tap on the cover, or
   focus by keyboard); Escape or a click elsewhere gives them back to the page. */
function mapActivation(map) {
  var cy = map.cy, c = map.page.container, cover = map.page.app.querySelector(".map-activate");
  function set(active) {
    cy.userZoomingEnabled(active); cy.userPanningEnabled(active);
    if (cover) cover.hidden = active;
    c.setAttribute("data-active", String(active));
  }
  if (cover) cover.addEventListener("click", function () { set(true); c.focus({ preventScroll: true }); });
  c.addEventListener("focus", function () { set(true); });
  function outside(e) { if (!c.parentNode.contains(e.target)) set(false); }
  document.addEventListener("pointerdown", outside);
  cy.on("destroy", function () { document.removeEventListener("pointerdown", outside); });
  function pan(dx, dy) { cy.panBy({ x: dx, y: dy }); }
  function zoomBy(f) { cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); }
  var keys = { "+": function () { zoomBy(1.5); }, "=": function () { zoomBy(1.5); }, "-": function () { zoomBy(1 / 1.5); },
    "ArrowLeft": function () { pan(80, 0); }, "ArrowRight": function () { pan(-80, 0); },
    "ArrowUp": function () { pan(0, 80); }, "ArrowDown": function () { pan(0, -80); },
    "0": map.whole, "Escape": function () { set(false); } };
  c.addEventListener("keydown", function (e) {
    if (!keys[e.key] || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    keys[e.key]();
  });
  var app = map.page.app;
  app.querySelector(".map-zoom-in").addEventListener("click", function () { zoomBy(1.5); });
  app.querySelector(".map-zoom-out").addEventListener("click", function () { zoomBy(1 / 1.5); });
  app.querySelector(".map-fit").addEventListener("click", map.whole);
  set(false);
}

/* The scheme toggle (light/dark) changes the CSS variables: restyle. navigation.instant: when the
   reader moves to another page, the map goes with it. */
function mapThemeAndLifetime(map) {
  var cy = map.cy, c = map.page.container;
  var tagOf = {};
  map.data.nodes.forEach(function (n) { tagOf[n.slug] = n.tag; });
  var restyle = function () {
    map.data.theme = mapTheme(map.page.app, map.data);
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        n.data("colour", map.data.theme.colours[n.hasClass("group") ? n.data("name") : tagOf[n.id()]]);
      });
    });
    cy.style(mapStyles(map.data.theme));
    mapSizeLabels(cy);
    mapSwatches(map);
  };
  var observer = new MutationObserver(restyle);
  observer.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  /* Material sets the scheme that matches the reader's system from its own script, which may run
     after the theme above was read (light colours on a dark page): catch up now. */
  if (map.data.theme.scheme !== document.body.getAttribute("data-md-color-scheme")) restyle();
  else mapSwatches(map);
  cy.on("destroy", function () { observer.disconnect(); });
  if (window.document$) {
    var left = window.document$.subscribe(function () {
      if (!document.body.contains(c)) {
        if (!cy.destroyed()) cy.destroy();
        if (left) left.unsubscribe();
      }
    });
  }
}

/* The legend's swatches in the colours the map draws (made readable for the scheme). */
function mapSwatches(map) {
  Array.prototype.forEach.call(map.page.app.querySelectorAll(".map-swatch[data-tag]"), function (s) {
    var colour = map.data.theme.colours[s.getAttribute("data-tag")];
    if (colour) s.style.backgroundColor = colour;
  });
}
