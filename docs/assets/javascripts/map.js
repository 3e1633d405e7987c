/* ML Terms concept map (/map/): draws map/graph.json (written by the build: scripts/mlterms/concept_map.py,
 * positions included) with cytoscape (canvas 2D, pinned in package.json, copied into the site by the build).
 * Loaded by the map page alone; navigation.instant re-runs it each time the page is shown.
 * Colours come from Material's CSS variables, read again when the reader switches light/dark.
 * performance.mark("map-first-render"): cytoscape's first "render" event, i.e. the first frame drawn with
 * every node on the canvas (what `scripts/bench.py --only map` measures from navigation start); on the way:
 * "map-start" (this script runs), "map-loaded" (data and library in), "map-built" (the graph built).
 * Every text from the data is set with textContent: nothing in it becomes markup. */
(function () {
  "use strict";
  var app = document.getElementById("concept-map-app");
  if (!app) return;
  if (window.mltermsMap && !window.mltermsMap.destroyed()) window.mltermsMap.destroy();  // an earlier visit's
  var base = new URL(app.getAttribute("data-base"), location.href);
  var container = document.getElementById("concept-map");
  var input = document.getElementById("map-search-input");
  var listbox = document.getElementById("map-search-options");
  var status = app.querySelector(".map-status");
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var MAX_OPTIONS = 8;
  var EDGE_BUDGET = 3000;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.cytoscape) return resolve();
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  /* A CSS colour (any syntax, variables included) as [r, g, b, a], as the browser computes it. */
  function cssColour(value) {
    var probe = document.createElement("span");
    probe.style.color = value;
    probe.style.display = "none";
    app.appendChild(probe);
    var parts = getComputedStyle(probe).color.match(/[\d.]+/g).map(Number);
    probe.remove();
    return { rgb: "rgb(" + parts.slice(0, 3).join(",") + ")", alpha: parts.length > 3 ? parts[3] : 1 };
  }

  function theme() {
    return {
      fg: cssColour("var(--md-default-fg-color)"),
      light: cssColour("var(--md-default-fg-color--light)"),
      bg: cssColour("var(--md-default-bg-color)"),
      accent: cssColour("var(--md-accent-fg-color)"),
      font: getComputedStyle(document.body).fontFamily
    };
  }

  function styles(t) {
    return [
      { selector: "node.term", style: {
        "width": 14, "height": 14, "background-color": "data(colour)",
        "border-width": 1.5, "border-color": t.fg.rgb, "border-opacity": 0.55,
        "font-size": 12, "font-family": t.font, "color": t.fg.rgb,
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 160,
        "min-zoomed-font-size": 9, "z-index": 2 } },
      { selector: "node.group", style: {
        "shape": "round-rectangle", "width": "data(w)", "height": "data(h)",
        "background-color": "data(colour)", "background-opacity": 0.1,
        "border-width": 2, "border-color": "data(colour)", "border-opacity": 0.6,
        "label": "data(name)", "font-size": "data(labelSize)", "font-weight": "bold", "font-family": t.font,
        "color": t.fg.rgb,
        "text-valign": "top", "text-margin-y": -8, "min-zoomed-font-size": 7, "events": "no", "z-index": 0 } },
      { selector: "edge", style: {
        "curve-style": "haystack", "haystack-radius": 0, "width": 1, "line-color": t.light.rgb,
        "opacity": 0.22, "z-index": 1 } },
      { selector: ".faded", style: { "opacity": 0.12 } },
      { selector: "node.group.faded", style: { "opacity": 0.35 } },
      { selector: "edge.faded", style: { "opacity": 0.04 } },
      // Only named nodes carry a label: measuring 5,000 labels would take seconds (see nameVisible).
      { selector: "node.named, node.neighbour, node.hover, node.focus", style: { "label": "data(title)" } },
      { selector: "node.neighbour", style: { "min-zoomed-font-size": 0, "z-index": 8 } },
      { selector: "edge.highlight", style: { "line-color": t.accent.rgb, "opacity": 0.9, "width": 2.5, "z-index": 7 } },
      { selector: "node.hover, node.focus", style: {
        // (not bold: cytoscape 3.35 measures a label for its cache in the base weight, and would crop it)
        "min-zoomed-font-size": 0, "font-size": 15, "z-index": 10, "text-wrap": "none",
        "text-background-color": t.bg.rgb, "text-background-opacity": 0.9, "text-background-padding": 3,
        "text-background-shape": "round-rectangle" } },
      { selector: "node.focus", style: {
        "width": 28, "height": 28, "border-width": 4, "border-color": t.accent.rgb, "border-opacity": 1 } }
    ];
  }

  function start() {
    performance.mark("map-start");
    Promise.all([
      fetch(new URL("map/graph.json", base)).then(function (r) {
        if (!r.ok) throw new Error("map/graph.json: HTTP " + r.status);
        return r.json();
      }),
      loadScript(new URL("assets/javascripts/cytoscape.min.js", base).href)
    ]).then(function (results) {
      if (!document.body.contains(app)) return;  // the reader has moved on (navigation.instant)
      performance.mark("map-loaded");
      draw(results[0]);
    }).catch(function (error) {
      status.textContent = "The map could not be loaded (" + error.message + "). The A–Z index and the tag " +
        "pages list the same terms.";
      throw error;
    });
  }

  /* The build lays the tags' blocks out in rows for a landscape window; here the same blocks (each moved
     whole, its terms inside unchanged) are put into rows for this canvas's shape, so a phone held upright
     gets a tall map instead of a thin strip. The same shelf packing as concept_map.pack. */
  function shift(tags, aspect, gap, gapY, labelSize) {
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

  function draw(data) {
    var colour = {};
    var elements = [];
    // The blocks' names, above them, all in one size, in proportion to the blocks (so that they read on the
    // whole map however many terms it holds); a block takes the room its name needs.
    var sides = data.tags.map(function (tag) { return Math.sqrt(tag.w * tag.h); })
      .sort(function (a, b) { return a - b; });
    var labelSize = Math.max(30, sides[Math.floor(sides.length / 2)] / 9);
    var moves = shift(data.tags, Math.max(0.5, container.clientWidth / Math.max(1, container.clientHeight)),
                      data.gap, data.gap + labelSize, labelSize);
    data.tags.forEach(function (tag) {
      colour[tag.name] = tag.colour;
      elements.push({ group: "nodes", classes: "group", selectable: false, grabbable: false,
        data: { id: "tag:" + tag.name, name: tag.name, colour: tag.colour, w: tag.w, h: tag.h,
                labelSize: labelSize },
        position: { x: tag.x + moves[tag.name].dx, y: tag.y + moves[tag.name].dy } });
    });
    data.nodes.forEach(function (node) {
      var move = moves[node.tag];
      elements.push({ group: "nodes", classes: "term", grabbable: false,
        data: { id: node.slug, title: node.status ? node.title + " (" + node.status.split(" ")[0] + ")" : node.title,
                url: node.url, colour: colour[node.tag] },
        position: { x: node.x + move.dx, y: node.y + move.dy } });
    });
    /* Every link is drawn while there are at most EDGE_BUDGET of them (our 192 terms have 360). Beyond that
       (5,000 terms have some 13,000) cytoscape would spend seconds building them and every frame drawing
       them, and the whole map would be a grey fog: the map then draws the links of the term pointed at or
       picked, when it is. */
    var edges = data.edges.map(function (pair, i) {
      // "edge:": no slug holds a colon, so no edge takes a term's id (a term slugged "e0" once hid edge 0)
      return { group: "edges", data: { id: "edge:" + i, source: data.nodes[pair[0]].slug,
        target: data.nodes[pair[1]].slug } };
    });
    var allEdges = edges.length <= EDGE_BUDGET, edgesOf = {};
    if (allEdges) elements = elements.concat(edges);
    else edges.forEach(function (edge, i) {
      [edge.data.source, edge.data.target].forEach(function (slug) { (edgesOf[slug] = edgesOf[slug] || []).push(i); });
    });
    var large = data.nodes.length > 1500;
    var cy = cytoscape({
      container: container, elements: elements, style: styles(theme()), layout: { name: "preset" },
      autoungrabify: true, autounselectify: true, boxSelectionEnabled: false,
      minZoom: 0.02, maxZoom: 4,
      // Large maps: while the reader drags or zooms, move a snapshot of the canvas and leave the
      // edges out, so that panning stays smooth at 5,000 terms on a slow phone.
      textureOnViewport: large, hideEdgesOnViewport: large
    });
    window.mltermsMap = cy;
    performance.mark("map-built");
    cy.one("render", function () {
      performance.mark("map-first-render");
      container.setAttribute("data-rendered", String(cy.nodes(".term").length));
    });

    var byTitle = data.nodes.map(function (node) {
      return { slug: node.slug, title: node.title, key: node.title.toLowerCase() };
    });

    if (!allEdges) {
      var note = document.createElement("p");
      note.className = "map-note";
      note.textContent = "This map has " + edges.length.toLocaleString("en") + " links: it draws those of " +
        "the term you point at or find.";
      container.parentNode.insertBefore(note, container);
    }
    function showLinks(slug, kind) {  // (large maps) add the term's links, marked with why they are shown
      if (allEdges) return;
      var missing = (edgesOf[slug] || []).filter(function (i) { return cy.getElementById("e" + i).empty(); });
      cy.add(missing.map(function (i) { return edges[i]; }));
      cy.getElementById(slug).connectedEdges().addClass(kind);
    }
    function hideLinks(kind, keep) {  // (large maps) take them away again, unless shown for the other reason
      if (allEdges) return;
      var marked = cy.edges("." + kind).removeClass(kind);
      marked.not("." + keep).remove();
    }

    /* Labels for the terms in view once they are big enough to read (12 px at zoom 1, so from zoom 0.75),
       a moment after the view moves: cytoscape measures every label it is given, and 5,000 at once would
       hold the first frame up by seconds on a slow phone. */
    var LABEL_ZOOM = 0.75, labelTimer = null;
    function nameVisible() {
      labelTimer = null;
      if (cy.destroyed()) return;
      var named = cy.nodes(".named");
      if (cy.zoom() < LABEL_ZOOM) { named.removeClass("named"); return; }
      var box = cy.extent(), margin = 100;
      var inView = cy.nodes(".term").filter(function (n) {
        var at = n.position();
        return at.x > box.x1 - margin && at.x < box.x2 + margin && at.y > box.y1 - margin && at.y < box.y2 + margin;
      });
      cy.batch(function () { named.not(inView).removeClass("named"); inView.addClass("named"); });
    }
    cy.on("viewport", function () { if (!labelTimer) labelTimer = setTimeout(nameVisible, 100); });

    function open(node) { location.href = new URL(node.data("url"), base).href; }
    /* A tap or click opens the term whose dot is nearest, within a finger's reach (16 px) but never past
       half-way to the next row: on a phone showing the whole map the dots are a few pixels apart, and
       cytoscape's own hit test would take the topmost of those the finger covers, not the nearest. */
    var terms = cy.nodes(".term"), reach = Math.min(data.cell[0], data.cell[1]) / 2 - 1;
    function nearest(at) {
      var best = null, bestD = Math.pow(Math.min(16 / cy.zoom(), reach), 2);
      for (var i = 0; i < terms.length; i++) {
        var p = terms[i].position(), d = (p.x - at.x) * (p.x - at.x) + (p.y - at.y) * (p.y - at.y);
        if (d <= bestD) { best = terms[i]; bestD = d; }
      }
      return best;
    }
    cy.on("tap", function (event) {
      var node = nearest(event.position);
      if (node) open(node);
      else clearFocus();
    });
    cy.on("mouseover", "node.term", function (event) {
      showLinks(event.target.id(), "shown-hover");
      event.target.addClass("hover");
      container.style.cursor = "pointer";
    });
    cy.on("mouseout", "node.term", function (event) {
      event.target.removeClass("hover");
      hideLinks("shown-hover", "shown-focus");
      container.style.cursor = "";
    });

    /* The scheme toggle (light/dark) changes the CSS variables: restyle. */
    var observer = new MutationObserver(function () { cy.style(styles(theme())); });
    observer.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    cy.on("destroy", function () { observer.disconnect(); });
    /* navigation.instant: when the reader moves to another page, let the map go with it. */
    if (window.document$) {
      var left = window.document$.subscribe(function () {
        if (!document.body.contains(container)) {
          if (!cy.destroyed()) cy.destroy();
          if (left) left.unsubscribe();
        }
      });
    }

    function clearFocus() {
      hideLinks("shown-focus", "shown-hover");
      cy.elements().removeClass("faded focus neighbour highlight");
      container.removeAttribute("data-focused");
      status.textContent = "";
    }

    function focus(slug) {
      var node = cy.getElementById(slug);
      if (node.empty()) return;
      hideLinks("shown-focus", "shown-hover");
      showLinks(slug, "shown-focus");
      var out = node.outgoers("node"), into = node.incomers("node");
      var near = node.closedNeighborhood();
      cy.batch(function () {
        cy.elements().removeClass("faded focus neighbour highlight");
        cy.elements().not(near).not("node.group").addClass("faded");
        near.nodes().not(node).addClass("neighbour");
        node.connectedEdges().addClass("highlight");
        node.addClass("focus");
      });
      container.removeAttribute("data-focused");
      status.textContent = "";
      status.appendChild(document.createTextNode(node.data("title") + ": links to " + out.length + " term" +
        (out.length === 1 ? "" : "s") + ", linked from " + into.length + ". "));
      var a = document.createElement("a");
      a.href = new URL(node.data("url"), base).href;
      a.textContent = "Open " + node.data("title");
      status.appendChild(a);
      var done = function () { container.setAttribute("data-focused", slug); };
      // The dot itself in the middle (cy.center would centre the dot and its label together).
      var zoom = Math.max(cy.zoom(), 1.1), at = node.position();
      var pan = { x: cy.width() / 2 - at.x * zoom, y: cy.height() / 2 - at.y * zoom };
      if (reduceMotion) { cy.viewport({ zoom: zoom, pan: pan }); done(); }
      else cy.animate({ zoom: zoom, pan: pan }, { duration: 350, complete: done });
    }

    /* The search box: a combobox (WAI-ARIA 1.2) over the term names. */
    var matches = [], active = -1;
    function rank(query) {
      var q = query.trim().toLowerCase();
      if (!q) return [];
      var first = [], word = [], inside = [];
      for (var i = 0; i < byTitle.length; i++) {
        var at = byTitle[i].key.indexOf(q);
        if (at === 0) first.push(byTitle[i]);
        else if (at > 0 && /[^a-z0-9]/.test(byTitle[i].key.charAt(at - 1))) word.push(byTitle[i]);
        else if (at > 0) inside.push(byTitle[i]);
      }
      var byLength = function (a, b) { return a.key.length - b.key.length || (a.key < b.key ? -1 : 1); };
      return first.sort(byLength).concat(word.sort(byLength), inside.sort(byLength)).slice(0, MAX_OPTIONS);
    }
    function show(list) {
      matches = list; active = -1;
      listbox.textContent = "";
      list.forEach(function (match, i) {
        var option = document.createElement("li");
        option.id = "map-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-slug", match.slug);
        option.textContent = match.title;
        option.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep the input's focus
        option.addEventListener("click", function () { pick(i); });
        listbox.appendChild(option);
      });
      listbox.hidden = !list.length;
      input.setAttribute("aria-expanded", list.length ? "true" : "false");
      input.removeAttribute("aria-activedescendant");
    }
    function move(to) {
      if (!matches.length) return;
      active = (to + matches.length) % matches.length;
      Array.prototype.forEach.call(listbox.children, function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", "map-option-" + active);
      listbox.children[active].scrollIntoView({ block: "nearest" });
    }
    function pick(i) {
      var match = matches[i];
      if (!match) return;
      input.value = match.title;
      show([]);
      focus(match.slug);
    }
    input.addEventListener("input", function () { show(rank(input.value)); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (listbox.hidden) show(rank(input.value)); move(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(active - 1); }
      else if (e.key === "Enter") {
        if (matches.length) { e.preventDefault(); pick(active >= 0 ? active : 0); }
      } else if (e.key === "Escape") {
        if (!listbox.hidden) { e.preventDefault(); show([]); }
      }
    });
    input.addEventListener("blur", function () { show([]); });

    function zoomBy(factor) {
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    }
    app.querySelector(".map-zoom-in").addEventListener("click", function () { zoomBy(1.5); });
    app.querySelector(".map-zoom-out").addEventListener("click", function () { zoomBy(1 / 1.5); });
    app.querySelector(".map-fit").addEventListener("click", function () { clearFocus(); cy.fit(undefined, 20); });
    cy.fit(undefined, 20);

    Array.prototype.forEach.call(app.querySelectorAll(".map-tools [disabled]"), function (el) {
      el.disabled = false;
    });
  }

  start();
})();
