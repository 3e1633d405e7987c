"""The concept map read as a learner reads it, at desktop (1280×800) and phone (390×844) sizes in both
schemes: names at the default view, readable as one zooms, the page scrolling under the wheel and a
finger until the map is activated, keyboard zoom and pan, dots that stand out in both schemes, "Find a
term" answering as site search does, and the navigation menu on /map/ and /print/."""

from __future__ import annotations

import pytest

from conftest import COMBOS, VIEWS

from test_map import NODE_ON_SCREEN, _activate, _settle  # noqa: F401

pytestmark = pytest.mark.browser

IDS = [f"{v}-{s}" for v, s in COMBOS]

LABELS = """() => {
  const cy = window.mltermsMap, z = cy.zoom();
  const px = n => parseFloat(n.style('font-size')) * z;
  return {
    groups: cy.nodes('.group').map(n => ({name: n.data('name'), label: n.style('label'), px: px(n)})),
    hubs: cy.nodes('.hub').map(n => ({title: n.data('title'), label: n.style('label'), px: px(n)})),
  };
}"""




def _open(page, served_site) -> None:
    page.goto(served_site + "map/")
    page.locator("#concept-map[data-rendered]").wait_for(timeout=30000)


@pytest.mark.parametrize("view", COMBOS, indirect=True, ids=IDS)
def test_at_the_default_view_every_block_and_the_most_linked_terms_are_named(view, served_site):
    page = view
    _open(page, served_site)
    page.locator("#concept-map").scroll_into_view_if_needed()
    _settle(page)
    page.screenshot(path=f"/tmp/study-shots/map-default-{page.view}-{page.scheme}.png")
    seen = page.evaluate(LABELS)
    assert len(seen["groups"]) >= 15
    for group in seen["groups"]:
        assert group["label"] == group["name"] and 12 <= group["px"] <= 20, group
    assert len(seen["hubs"]) >= len(seen["groups"]) - 2  # a block of unlinked terms has none
    for hub in seen["hubs"]:
        assert hub["label"] == hub["title"] and hub["px"] >= 11.5, hub
    # zoomed right in: every term in view named, headings still a sensible size
    # (a block body: zoom(...) returns the graph, which Playwright would take ~20 s to serialize)
    page.evaluate("() => { window.mltermsMap.zoom({level: 3, renderedPosition: {x: 100, y: 100}}); }")
    page.wait_for_function("() => window.mltermsMap.nodes('.named').length > 0")
    page.wait_for_timeout(200)
    seen = page.evaluate(LABELS)
    assert all(g["px"] <= 20 for g in seen["groups"])
    named = page.evaluate("() => window.mltermsMap.nodes('.named').map(n => parseFloat(n.style('font-size')) * "
                          "window.mltermsMap.zoom())")
    assert named and all(12 <= px <= 18.01 for px in named)


@pytest.mark.parametrize("view", COMBOS, indirect=True, ids=IDS)
def test_the_page_scrolls_over_the_map_until_it_is_activated(view, served_site):
    page = view
    _open(page, served_site)
    page.evaluate("() => window.scrollTo(0, 0)")
    box = page.locator("#concept-map").bounding_box()
    zoom, pan = page.evaluate("() => [window.mltermsMap.zoom(), window.mltermsMap.pan()]")
    x, y = box["x"] + box["width"] / 2, min(box["y"] + 60, page.viewport_size["height"] - 60)
    if page.view == "phone":  # a one-finger drag upwards over the map
        cdp = page.context.new_cdp_session(page)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        for step in range(1, 11):
            cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 30 * step}]})
            page.wait_for_timeout(16)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    else:
        page.mouse.move(x, y)
        page.mouse.wheel(0, 300)
    page.wait_for_function("() => window.scrollY > 100", timeout=5000)
    assert page.evaluate("() => [window.mltermsMap.zoom(), window.mltermsMap.pan()]") == [zoom, pan]
    if page.view == "desktop":  # activated, the wheel zooms the map and leaves the page where it is
        _activate(page)
        box = page.locator("#concept-map").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        scrolled = page.evaluate("scrollY")
        page.mouse.wheel(0, -300)
        page.wait_for_function(f"() => window.mltermsMap.zoom() > {zoom}", timeout=5000)
        assert page.evaluate("scrollY") == scrolled
        page.keyboard.press("Escape")  # lets go: the wheel is the page's again
        assert page.locator(".map-activate").is_visible()


def test_the_keyboard_zooms_and_pans_the_map_once_it_has_the_focus(page, served_site):
    _open(page, served_site)
    page.locator("#concept-map").focus()
    assert page.get_attribute("#concept-map", "data-active") == "true"
    zoom = page.evaluate("() => window.mltermsMap.zoom()")
    page.keyboard.press("+")
    assert page.evaluate("() => window.mltermsMap.zoom()") > zoom * 1.4
    pan = page.evaluate("() => window.mltermsMap.pan().x")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("() => window.mltermsMap.pan().x") < pan - 50
    page.keyboard.press("0")
    assert abs(page.evaluate("() => window.mltermsMap.zoom()") / zoom - 1) < 0.02  # the whole map again
    page.keyboard.press("Escape")
    assert page.get_attribute("#concept-map", "data-active") == "false"


DOT_CONTRAST = """() => {
  const bg = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number);
  const lum = c => { c = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  return window.mltermsMap.nodes('.group').map(n => {
    const c = n.style('background-color').match(/\\d+/g).map(Number);
    return [n.data('name'), ratio(c, bg)];
  });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_tags_dots_stand_out_from_the_background(page, served_site, scheme):
    page.emulate_media(color_scheme=scheme)
    _open(page, served_site)
    found = page.evaluate(DOT_CONTRAST)
    low = [(name, round(r, 2)) for name, r in found if r < 3]
    assert len(found) >= 15 and low == []


SWITCH_AFTER_COLOURS_READ = """
new MutationObserver((records, observer) => {
  for (const record of records) for (const node of record.removedNodes) {
    if (node.nodeName === "SPAN" && record.target.closest && record.target.closest("[data-base]")) {
      observer.disconnect();
      document.body.setAttribute("data-md-color-scheme", "slate");
      window.switchedAfterColoursRead = true;
      return;
    }
  }
}).observe(document, {childList: true, subtree: true});
"""


def test_a_scheme_set_while_the_map_loads_is_the_one_it_draws_in(page, served_site):
    """Material switches to the reader's system scheme from its own script, which on a loaded machine
    can run after the map has read its colours: the map must not keep the other scheme's colours."""
    # The map reads its colours with probe spans that it removes at once: the first removal is the
    # moment just after, when Material's own script sets the scheme.
    page.add_init_script(SWITCH_AFTER_COLOURS_READ)
    page.emulate_media(color_scheme="light")
    _open(page, served_site)
    assert page.evaluate("() => window.switchedAfterColoursRead") is True
    low = [(name, round(r, 2)) for name, r in page.evaluate(DOT_CONTRAST) if r < 3]
    assert low == []


@pytest.mark.parametrize("query, expected", [("sklearn", "scikit-learn"), ("kmeans", "K-means clustering"),
                                             ("feature scaling", "Data scaling"),
                                             ("hyperparamter", "Hyperparameter")])
def test_find_a_term_knows_the_names_site_search_knows(page, served_site, query, expected):
    _open(page, served_site)
    box = page.get_by_role("combobox", name="Find a term on the map")
    box.fill(query)
    page.get_by_role("option").first.wait_for(timeout=15000)
    options = page.get_by_role("option").all_inner_texts()
    assert expected in options[:3], options
    # answered by the site's own search worker, not by a matcher of the map's
    assert page.evaluate("() => performance.getEntriesByType('resource').some(r => "
                         "r.name.endsWith('/assets/javascripts/mlterms-search.js'))")


@pytest.mark.parametrize("path", ["map/", "print/"])
@pytest.mark.parametrize("width", [1280, 1920])
def test_the_navigation_menu_is_on_the_map_and_print_pages(browser, served_site, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(served_site + path)
    nav = page.locator(".md-sidebar--primary")
    assert nav.is_visible()
    assert nav.get_by_role("link", name="A–Z index").is_visible()
    context.close()
    phone = browser.new_context(**VIEWS["phone"])
    page = phone.new_page()
    page.goto(served_site + path)
    menu = page.locator("label.md-header__button[for='__drawer']")
    assert menu.is_visible()
    menu.tap()
    page.locator(".md-sidebar--primary").get_by_role("link", name="A–Z index").wait_for()
    phone.close()
