"""The concept map (/map/) in a real browser: one node per term, the link graph as edges, a click on a
node opens its term, the search box centres a term, colours follow the scheme, axe finds nothing; and
the layout the build computes (scripts/mlterms/outputs/concept_map.py) puts every term in its own cell."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from conftest import ROOT
from mlterms_tools.browser import goto_for_instant_navigation
from test_accessibility import axe_violations

# (the axe_js fixture comes from test_accessibility; pytest finds it through this import)
from test_accessibility import axe_js  # noqa: F401

NODE_ON_SCREEN = """slug => {
  const cy = window.mltermsMap, box = cy.container().getBoundingClientRect();
  const at = cy.$id(slug).renderedPosition();
  return {x: box.left + at.x, y: box.top + at.y, cx: box.left + box.width / 2, cy: box.top + box.height / 2};
}"""


def _open(page, served_site, scheme: str = "light") -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(served_site + "map/")
    page.locator("#concept-map[data-rendered]").wait_for(timeout=30000)


def _settle(page) -> None:
    """Two frames: cytoscape learns where its canvas is from the scroll event of the next frame."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def _activate(page) -> None:
    """Click the cover ("Click or tap to explore the map"), as a reader does before using the map."""
    page.locator("#concept-map").scroll_into_view_if_needed()
    page.locator(".map-activate").click()
    page.locator('#concept-map[data-active="true"]').wait_for()
    page.wait_for_timeout(300)  # cytoscape ignores the wheel for a moment after the page scrolled
    _settle(page)


def _graph(built_site: Path) -> dict:
    return json.loads((built_site / "map" / "graph.json").read_text(encoding="utf-8"))


def _link_graph() -> set[tuple[str, str]]:
    """(from, to) for every link between two term pages' own texts, as the pages link them (not from the map)."""
    from mlterms.glossary.links import link_graph, linkable_names
    from mlterms.glossary.inputs import Inputs, load_glossary
    glossary = load_glossary(Inputs.locate(), None)
    return {(source, target) for source, targets in link_graph(glossary, linkable_names(glossary)).items()
            for target in targets if target != source}


def _drawn_edges(page) -> set[tuple[str, str]]:
    return {tuple(e) for e in page.evaluate("() => window.mltermsMap.edges().map(e => [e.source().id(), "
                                            "e.target().id()])")}


@pytest.mark.browser
def test_the_map_draws_every_term_and_every_link_and_asks_nothing_outside_the_site(page, served_site, site_terms,
                                                                                 built_site):
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(served_site) else None)
    _open(page, served_site)
    drawn = page.evaluate("() => window.mltermsMap.nodes('.term').map(n => n.id())")
    assert sorted(drawn) == sorted(t["slug"] for t in site_terms)
    assert page.locator("#concept-map").get_attribute("data-rendered") == str(len(site_terms))
    graph = _graph(built_site)
    expected = _link_graph()  # what the term pages link, each edge from the page that links
    assert {(graph["nodes"][a]["slug"], graph["nodes"][b]["slug"]) for a, b in graph["edges"]} == expected
    assert _drawn_edges(page) == expected and len(expected) > 100
    assert page.evaluate("() => performance.getEntriesByName('map-first-render').length") == 1
    assert outside == []
    assert not page.console_errors


@pytest.mark.browser
def test_a_term_slugged_like_an_edge_keeps_every_edge(page, served_site, built_site):
    """Terms slugged "e0" and "e1" (graph.json rewritten on its way to the page): the map's edge ids once
    were "e0", "e1"..., and cytoscape dropped the edge whose id a term already had."""
    graph = _graph(built_site)
    first, second = graph["edges"][0]
    graph["nodes"][first]["slug"], graph["nodes"][second]["slug"] = "e0", "e1"
    page.route("**/map/graph.json", lambda route: route.fulfill(json=graph))
    _open(page, served_site)
    expected = {(graph["nodes"][a]["slug"], graph["nodes"][b]["slug"]) for a, b in graph["edges"]}
    assert ("e0", "e1") in expected
    assert _drawn_edges(page) == expected
    assert sorted(page.evaluate("() => window.mltermsMap.nodes('.term').map(n => n.id())")) == \
        sorted(n["slug"] for n in graph["nodes"])


@pytest.mark.browser
@pytest.mark.parametrize("slug", ["k-means-clustering", "percentile"])
def test_clicking_a_node_opens_its_term_page(page, served_site, slug):
    _open(page, served_site)
    _activate(page)
    at = page.evaluate(NODE_ON_SCREEN, slug)
    viewport = page.viewport_size
    assert 0 < at["x"] < viewport["width"] and 0 < at["y"] < viewport["height"]  # the whole map is in view
    page.mouse.click(at["x"], at["y"])
    page.wait_for_url(f"**/terms/{slug}/", timeout=15000)
    assert page.locator("h1").first.inner_text() != "Concept map"
    assert not page.console_errors


@pytest.mark.browser
def test_a_tap_on_a_phone_opens_the_term_under_the_finger(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        _open(page, served_site)
        page.locator("#concept-map").scroll_into_view_if_needed()
        _settle(page)
        box = page.locator(".map-activate").bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # activates
        page.locator('#concept-map[data-active="true"]').wait_for()
        zoom = page.evaluate("() => window.mltermsMap.zoom()")
        assert 56 * zoom < 20  # the whole map: rows of dots closer together than a fingertip
        at = page.evaluate(NODE_ON_SCREEN, "percentile")
        page.touchscreen.tap(at["x"], at["y"])  # too close to pick: zooms in where the finger is
        page.wait_for_function("() => window.mltermsMap.zoom() * 56 >= 24")
        assert "/map/" in page.url
        _settle(page)
        at = page.evaluate(NODE_ON_SCREEN, "percentile")
        page.touchscreen.tap(at["x"], at["y"] + 8)  # a little off, as fingers are: within the 24 px target
        page.wait_for_url("**/terms/percentile/", timeout=15000)
    finally:
        context.close()


@pytest.mark.browser
def test_the_search_box_picks_a_term_then_centres_and_highlights_it(page, served_site, built_site):
    _open(page, served_site)
    box = page.get_by_role("combobox", name="Find a term on the map")
    box.fill("k-me")
    options = page.get_by_role("option")
    options.first.wait_for()
    assert options.first.inner_text() == "K-means clustering"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    box.press("Enter")
    page.locator('#concept-map[data-focused="k-means-clustering"]').wait_for(timeout=15000)
    at = page.evaluate(NODE_ON_SCREEN, "k-means-clustering")
    assert abs(at["x"] - at["cx"]) < 2 and abs(at["y"] - at["cy"]) < 2  # centred
    state = page.evaluate("""() => { const cy = window.mltermsMap, n = cy.$id('k-means-clustering');
      return {focus: n.hasClass('focus'), zoom: cy.zoom(), near: n.neighborhood('node').map(m => m.id()),
              faded: cy.nodes('.term.faded').length, terms: cy.nodes('.term').length}; }""")
    assert state["focus"] and state["zoom"] >= 1
    assert state["faded"] == state["terms"] - 1 - len(state["near"]) and state["near"]
    assert page.get_by_role("combobox").get_attribute("aria-expanded") == "false"
    link = page.locator(".map-status a")
    assert link.inner_text() == "Open K-means clustering" and link.get_attribute("href").endswith(
        "/terms/k-means-clustering/")
    # a click on an option picks it too; "Whole map" lets go of the term
    box.fill("percentile")
    page.get_by_role("option", name="Percentile", exact=True).click()
    page.locator('#concept-map[data-focused="percentile"]').wait_for(timeout=15000)
    page.get_by_role("button", name="Whole map").click()
    assert page.evaluate("() => window.mltermsMap.$('.focus, .faded').length") == 0
    assert not page.console_errors


@pytest.mark.browser
def test_the_map_draws_when_reached_by_instant_navigation_and_again_on_return(page, served_site, site_terms):
    # navigation.instant adds the page's scripts all at once and each runs when it arrives: the helpers
    # arriving last (held back here) once made map.js fail ("mapHeadingRoom is not defined").
    def late(route):
        time.sleep(0.4)
        route.continue_()
    page.route(re.compile(r"/map-(layout|search)\.js$"), late)
    goto_for_instant_navigation(page, served_site)
    page.evaluate("() => { window.samePage = true; }")
    page.locator("a.md-nav__link", has_text="Concept map").first.click()
    page.locator("#concept-map[data-rendered]").wait_for(timeout=30000)
    assert page.evaluate("() => window.samePage")  # navigation.instant swapped the content, no page load
    assert page.evaluate("() => window.mltermsMap.nodes('.term').length") == len(site_terms)
    page.evaluate("() => { window.firstMap = window.mltermsMap; }")
    page.go_back()
    page.locator("#concept-map").wait_for(state="detached")
    page.wait_for_function("() => window.firstMap.destroyed()", timeout=15000)  # gone with its page
    page.go_forward()
    page.locator("#concept-map[data-rendered]").wait_for(timeout=30000)
    assert page.evaluate("() => window.samePage && window.firstMap.destroyed() && !window.mltermsMap.destroyed()")
    assert not page.console_errors


@pytest.mark.browser
def test_the_map_draws_in_the_text_colour_of_each_scheme(page, served_site):
    colour = ("() => [window.mltermsMap.nodes('.term').first().style('color'),"
              " getComputedStyle(document.querySelector('.md-typeset')).color]")

    def lightness(rgb: str) -> float:
        r, g, b = (int(float(v)) for v in rgb[rgb.index("(") + 1:].rstrip(")").split(",")[:3])
        return (r + g + b) / 3 / 255

    _open(page, served_site, "light")
    drawn, text = page.evaluate(colour)
    assert lightness(drawn) < 0.3 and lightness(text) < 0.3
    page.locator("form[data-md-component=palette] label:visible").first.click()  # the toggle: to dark
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(f"() => {{ const [d] = ({colour})(); return d !== {json.dumps(drawn)}; }}")
    drawn, text = page.evaluate(colour)
    assert lightness(drawn) > 0.7 and lightness(text) > 0.7


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violations_on_the_map(page, served_site, axe_js, scheme, width):  # noqa: F811
    if width != 1280:
        page.set_viewport_size({"width": width, "height": 844})
    _open(page, served_site, scheme)
    page.wait_for_load_state("networkidle")
    canvas = page.get_by_role("application", name="Concept map of")
    assert canvas.count() == 1
    assert axe_violations(page, axe_js) == []
    page.get_by_role("combobox", name="Find a term on the map").fill("clustering")  # with the options open
    page.get_by_role("option").first.wait_for()
    page.get_by_role("combobox").press("ArrowDown")
    assert axe_violations(page, axe_js) == []
    page.get_by_role("combobox").press("Enter")  # a term focused, its neighbours named
    page.locator("#concept-map[data-focused]").wait_for(timeout=15000)
    assert axe_violations(page, axe_js) == []
    page.locator("#concept-map").focus()  # activated by keyboard, zoomed in: every name in view
    page.keyboard.press("+")
    page.wait_for_function("() => window.mltermsMap.nodes('.named').length > 0")
    assert page.locator(".map-activate").is_hidden()
    page.wait_for_timeout(500)  # focus scrolled the page: Material's header title fades to the page's
    assert axe_violations(page, axe_js) == []
    assert not page.console_errors


def test_the_map_scripts_load_on_the_map_page_only(built_site):
    for path in ["index.html", "terms/index.html", "terms/k-means-clustering/index.html"]:
        html = (built_site / path).read_text(encoding="utf-8")
        assert "map.js" not in html and "cytoscape" not in html, path
    page = (built_site / "map" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../assets/javascripts/map.js"></script>' in page
    assert page.index("map-layout.js") < page.index("map-search.js") < page.index("/map.js")
    assert (built_site / "assets" / "javascripts" / "cytoscape.min.js").read_bytes() == \
        (ROOT / "node_modules" / "cytoscape" / "dist" / "cytoscape.min.js").read_bytes()
    assert 'href="../terms/"' in page and 'href="../tags/"' in page  # the text alternatives


def test_the_layout_gives_every_term_its_own_cell_inside_its_tags_block(built_site, site_terms):
    graph = _graph(built_site)
    nodes, blocks = graph["nodes"], {t["name"]: t for t in graph["tags"]}
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes) == len(site_terms)
    first_tag = {t["slug"]: t["tags"][0] for t in site_terms}
    for node in nodes:
        block = blocks[node["tag"]]
        assert node["tag"] == first_tag[node["slug"]]
        assert abs(node["x"] - block["x"]) < block["w"] / 2 and abs(node["y"] - block["y"]) < block["h"] / 2
    for a in graph["tags"]:  # no two blocks overlap
        for b in graph["tags"]:
            if a is not b:
                assert (abs(a["x"] - b["x"]) >= (a["w"] + b["w"]) / 2 or abs(a["y"] - b["y"]) >= (a["h"] + b["h"]) / 2)
    assert sum(t["count"] for t in graph["tags"]) == len(nodes)
