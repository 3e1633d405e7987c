"""The concept map (/map/): every term as a node, grouped and coloured by its first tag, the links
between definitions as edges.

The layout is computed here, at build time, not in the reader's browser: a
force simulation of 5,000 nodes would keep a phone busy for seconds, while
placing each tag's terms A–Z on a grid, and the tags' blocks side by side, is
linear, deterministic (the same notes draw the same map) and readable: a term
is found in its tag's block by name. The page draws ``map/graph.json`` with
cytoscape (canvas 2D, so it needs no GPU), pinned in package.json and copied
into the site by the build, like the study page's scheduler.

``map_data`` is the pure heart; ``render_page`` writes the page, ``write``
and ``copy_library`` are the I/O the hook calls after the build.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from mlterms.notes.front_matter import front_matter
from mlterms.notes.markup import escape, link
from mlterms.outputs import vendor
from mlterms.outputs.index_pages import tag_href
from mlterms.paths import NODE_MODULES
from mlterms.record import UNTAGGED, TermRecord

PAGE = "map.md"
DATA_FILE = "map/graph.json"
LIBRARY_SOURCE = NODE_MODULES / "cytoscape" / "dist" / "cytoscape.min.js"
LIBRARY_SITE = "assets/javascripts/cytoscape.min.js"
SCRIPT_SITE = "assets/javascripts/map.js"
LAYOUT_SITE = "assets/javascripts/map-layout.js"  # map.js's pure helpers (unit-tested with node --test)
SEARCH_SITE = "assets/javascripts/map-search.js"  # its "Find a term", over the site's search worker

# One colour per tag, in the order of the allowed tags. Mid-tone, so each reads on Material's white and
# slate backgrounds; the page draws a thin outline in the text colour round every node, which gives the
# shape its contrast whatever the fill (the colour tells tags apart, the block and its label say which).
# No two alike (Tableau 10, then ten that differ from those in hue or in lightness).
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#17becf", "#bcbd22", "#e7298a", "#6a3d9a", "#a6cee3", "#1b7a3a",
           "#b15928", "#2b4c8c", "#00a087", "#8c8c3c"]
UNTAGGED_COLOUR = "#8c8c8c"

# Model units (pixels at zoom 1): a term's cell is wide enough for a label of about 20 characters.
CELL_W, CELL_H = 170, 56
GROUP_PAD = 40      # inside a tag's block, round its grid
GROUP_GAP = 90      # between blocks (their labels sit in it)
ASPECT = 1.6        # the whole map's width : height, about a desktop window's


@dataclass(frozen=True)
class Group:
    """One tag's block of the map: its terms, A–Z, on a grid of ``cols`` columns."""

    tag: str
    colour: str
    terms: list[TermRecord]
    cols: int

    @property
    def rows(self) -> int:
        return math.ceil(len(self.terms) / self.cols)

    @property
    def size(self) -> tuple[float, float]:
        return self.cols * CELL_W + 2 * GROUP_PAD, self.rows * CELL_H + 2 * GROUP_PAD


def groups(records: tuple[TermRecord, ...], tags_allowed: list[str] | None = None) -> list[Group]:
    """The blocks, largest first; colours follow the allowed tags' order, so a tag keeps its colour
    when another tag gains or loses terms."""
    members: dict[str, list[TermRecord]] = {}
    for record in records:  # a term is drawn under its main tag (the curation lists it first)
        members.setdefault(record.main_tag, []).append(record)
    order = list(tags_allowed or []) + sorted(t for t in members if t not in (tags_allowed or []))
    colour = {tag: PALETTE[i % len(PALETTE)] for i, tag in enumerate(t for t in order if t != UNTAGGED)}
    colour[UNTAGGED] = UNTAGGED_COLOUR
    out = []
    for tag, terms in members.items():
        terms = sorted(terms, key=lambda t: t.sort_key)
        cols = max(1, math.ceil(math.sqrt(len(terms) * CELL_H / CELL_W)))  # a roughly square block
        out.append(Group(tag, colour[tag], terms, cols))
    return sorted(out, key=lambda g: (-len(g.terms), g.tag))


def pack(blocks: list[Group]) -> list[tuple[float, float]]:
    """Top-left corners for the blocks, in rows (shelves) of about ASPECT × as wide as the map is high."""
    area = sum((w + GROUP_GAP) * (h + GROUP_GAP) for w, h in (b.size for b in blocks))
    width = max(max((b.size[0] for b in blocks), default=0), math.sqrt(area * ASPECT))
    corners, x, y, shelf = [], 0.0, 0.0, 0.0
    for block in blocks:
        w, h = block.size
        if x > 0 and x + w > width:
            x, y, shelf = 0.0, y + shelf + GROUP_GAP, 0.0
        corners.append((x, y))
        x += w + GROUP_GAP
        shelf = max(shelf, h)
    return corners


def map_data(records: tuple[TermRecord, ...], tags_allowed: list[str] | None = None) -> dict:
    """What the page draws: tags (colour, count, block centre and size), nodes (slug, title, url, tag,
    x, y: the centre of the term's cell) and edges as pairs of node indexes (source links to target),
    each pair once. ``cell``: a term's cell (width, height); ``gap``: the space between blocks, for a page
    that re-packs them to its canvas."""
    blocks = groups(records, tags_allowed)
    tags, nodes, index = [], [], {}
    for block, (left, top) in zip(blocks, pack(blocks)):
        w, h = block.size
        tags.append({"name": block.tag, "colour": block.colour, "count": len(block.terms),
                     "url": None if block.tag == UNTAGGED else f"tags/{block.tag}/",
                     "x": left + w / 2, "y": top + h / 2, "w": w, "h": h})
        for i, term in enumerate(block.terms):
            row, col = divmod(i, block.cols)
            index[term.slug] = len(nodes)
            nodes.append({"slug": term.slug, "title": term.title, "url": term.url, "tag": block.tag,
                          "x": round(left + GROUP_PAD + (col + 0.5) * CELL_W),
                          "y": round(top + GROUP_PAD + (row + 0.5) * CELL_H)})
            if label := term.lifecycle.label:  # only non-current terms carry it (the graph stays small)
                nodes[-1]["status"] = label
    edges = sorted({(index[r.slug], index[target]) for r in records
                    for target in r.neighbours.links_to if target in index and target != r.slug})
    return {"version": 1, "cell": [CELL_W, CELL_H], "gap": GROUP_GAP, "tags": tags, "nodes": nodes, "edges": [list(e) for e in edges]}


def render_page(records: tuple[TermRecord, ...], tags_allowed: list[str] | None = None) -> str:
    """map.md: the canvas, the search box, the legend and the text alternatives; map.js draws."""
    n = len(records)
    meta = {"title": "Concept map", "description": f"All {n} terms on one map, grouped by tag, with the links "
                                                   "between their definitions.",
            "hide": ["toc"], "search": {"exclude": True},
            # loaded after the article, inside the part instant navigation swaps (overrides/main.html)
            "page_scripts": [LAYOUT_SITE, SEARCH_SITE, SCRIPT_SITE]}
    legend = []
    for block in groups(records, tags_allowed):
        swatch = (f'<span class="map-swatch" data-tag="{escape(block.tag)}" style="background-color: {block.colour}" '
                  'aria-hidden="true"></span>')
        name = escape(block.tag) if block.tag == UNTAGGED else link(block.tag, tag_href(block.tag))
        legend.append(f"- {swatch} {name} ({len(block.terms)})")
    label = (f"Concept map of {n} terms, grouped and coloured by tag, with lines for the links between their "
             "definitions. The same information as text: the A–Z index, the tag pages and each term’s "
             "“Mentioned in”.")
    return "\n".join([
        front_matter(meta), "# Concept map", "",
        f"Every term, {n} in all, as a dot in its main tag’s block (A–Z), coloured by that tag; a line joins two "
        "terms when one’s definition links to the other. Click or tap the map to explore it: then drag to move, "
        "scroll or pinch to zoom (keys: + and − zoom, the arrows move, 0 shows the whole map, Esc lets go), "
        "and click a term to open it; or find one by name. The same connections as text: "
        f"{link('the A–Z index', 'terms/index.md')}, {link('the tags', tag_href('index'))} and each term’s "
        "“Mentioned in”.", "",
        '<div id="concept-map-app" class="map-app" data-base="../" markdown>', "",
        '<div class="map-tools">',
        # the library downloads while the theme loads, not once map.js has run and asked for it
        f'<link rel="preload" href="../{LIBRARY_SITE}" as="script">',
        f'<link rel="preload" href="../{DATA_FILE}" as="fetch" crossorigin="anonymous">',
        '<div class="map-search">',
        '<label for="map-search-input">Find a term on the map</label>',
        '<input id="map-search-input" class="map-search-input" type="text" role="combobox" '
        'aria-autocomplete="list" aria-expanded="false" aria-controls="map-search-options" autocomplete="off" '
        'spellcheck="false" placeholder="Type a term’s name" disabled>',
        '<ul id="map-search-options" class="map-search-options" role="listbox" aria-label="Matching terms" '
        'hidden></ul>',
        "</div>",
        '<div class="map-zoom" role="group" aria-label="Zoom">',
        '<button type="button" class="md-button map-zoom-in" aria-label="Zoom in" disabled>+</button>',
        '<button type="button" class="md-button map-zoom-out" aria-label="Zoom out" disabled>−</button>',
        '<button type="button" class="md-button map-fit" disabled>Whole map</button>',
        "</div>",
        "</div>", "",
        '<p class="map-status" role="status"></p>', "",
        '<div class="map-frame">',
        f'<div id="concept-map" class="map-canvas" role="application" tabindex="0" aria-label="{escape(label)}" '
        'aria-roledescription="concept map"></div>',
        '<div class="map-activate" aria-hidden="true" hidden>Click or tap to explore the map</div>',
        "</div>", "",
        "<noscript>The map needs JavaScript; the A–Z index and the tag pages do not.</noscript>", "",
        '<div class="map-legend" markdown>', "",
        "Tags (a term is drawn under its first tag):", "",
        *legend, "",
        "</div>", "",
        "</div>", ""])


def write(site: Path, records: tuple[TermRecord, ...], tags_allowed: list[str] | None) -> None:
    """Write map/graph.json into the built site."""
    target = site / DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(map_data(records, tags_allowed), ensure_ascii=False,
                                 separators=(",", ":")), encoding="utf-8")


def copy_library(site: Path) -> None:
    """Put the pinned cytoscape into the site, or say how to get it."""
    vendor.copy_into_site(LIBRARY_SOURCE, site, LIBRARY_SITE)
