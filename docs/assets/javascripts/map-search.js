/* ML Terms concept map (/map/): "Find a term" and focusing a term, for map.js (loaded just before it). */
"use strict";

/* "Find a term": a combobox (WAI-ARIA 1.2) over site search's own answers, from a worker started from
   the site's search script (the SETUP / QUERY / RESULT messages Material's search uses). */
function mapSearch(map) {
  var input = document.getElementById("map-search-input"), listbox = document.getElementById("map-search-options");
  var nodes = {}, worker = null, matches = [], active = -1, pending = false;
  map.data.nodes.forEach(function (n) { nodes[n.slug] = n; });
  function ask(query) {
    if (!worker) {
      worker = new Worker(new URL("assets/javascripts/mlterms-search.js", map.page.base));
      worker.addEventListener("message", function (e) {
        if (e.data.type !== 3) return;  // RESULT
        show(input.value.trim() ? mapTermHits(e.data.data.items, nodes, MAP.MAX_OPTIONS) : []);
        if (pending) { pending = false; pick(active >= 0 ? active : 0); }
      });
      var setup = fetch(new URL("search/search_index.json", map.page.base)).then(function (r) { return r.json(); });
      setup.then(function (index) { worker.postMessage({ type: 0, data: index }); });  // SETUP
      worker.ready = setup;
    }
    worker.ready.then(function () { worker.postMessage({ type: 2, data: query }); });  // QUERY
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
    map.focus(match.slug);
  }
  input.addEventListener("focus", function () { if (!worker) ask(""); });  // start it: the index loads
  input.addEventListener("input", function () { pending = false; ask(input.value); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); if (listbox.hidden) ask(input.value); move(active + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(active - 1); }
    else if (e.key === "Enter") {
      e.preventDefault();
      if (matches.length) pick(active >= 0 ? active : 0); else if (input.value.trim()) pending = true;
    } else if (e.key === "Escape" && !listbox.hidden) { e.preventDefault(); show([]); }
  });
  input.addEventListener("blur", function () { show([]); });
  map.cy.on("destroy", function () { if (worker) worker.terminate(); });
}

function mapClear(map) {
  mapHideLinks(map, "shown-focus", "shown-hover");
  map.cy.elements().removeClass("faded focus neighbour highlight");
  map.page.container.removeAttribute("data-focused");
  map.page.status.textContent = "";
}

function mapFocus(map, slug) {
  var cy = map.cy, node = cy.getElementById(slug), page = map.page;
  if (node.empty()) return;
  mapHideLinks(map, "shown-focus", "shown-hover");
  mapShowLinks(map, slug, "shown-focus");
  var out = node.outgoers("node"), into = node.incomers("node"), near = node.closedNeighborhood();
  cy.batch(function () {
    cy.elements().removeClass("faded focus neighbour highlight");
    cy.elements().not(near).not("node.group").addClass("faded");
    near.nodes().not(node).addClass("neighbour");
    node.connectedEdges().addClass("highlight");
    node.addClass("focus");
  });
  page.container.removeAttribute("data-focused");
  page.status.textContent = node.data("title") + ": links to " + out.length + " term" +
    (out.length === 1 ? "" : "s") + ", linked from " + into.length + ". ";
  var a = document.createElement("a");
  a.href = new URL(node.data("url"), page.base).href;
  a.textContent = "Open " + node.data("title");
  page.status.appendChild(a);
  var done = function () { mapSizeLabels(cy); page.container.setAttribute("data-focused", slug); };
  // The dot itself in the middle (cy.center would centre the dot and its label together).
  var zoom = Math.max(cy.zoom(), 1.1), at = node.position();
  var pan = { x: cy.width() / 2 - at.x * zoom, y: cy.height() / 2 - at.y * zoom };
  if (page.reduceMotion) { cy.viewport({ zoom: zoom, pan: pan }); done(); }
  else cy.animate({ zoom: zoom, pan: pan }, { duration: 350, complete: done });
}
