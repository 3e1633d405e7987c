"""Reading the glossary end to end in a real browser, the ways readers do: keyboard only,
on a phone, in the dark scheme, and browsing by topic. No page logs a console error."""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from mlterms_tools.browser import RESULT_LINKS

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
SEARCH_BOX = "input.md-search__input"


def _focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)


def _search_by_keyboard(page, query: str, first_slug: str, heading: str) -> None:
    """Type the query, arrow down to the first result, press Enter, and check the term page opened."""
    page.keyboard.type(query, delay=20)
    # the list changes as the worker answers each keystroke: wait until it shows the term first
    expect(page.locator(RESULT_LINKS).first).to_have_attribute("href", re.compile(f"/terms/{first_slug}/"),
                                                               timeout=15000)
    page.keyboard.press("ArrowDown")
    assert _focused(page, RESULT_LINKS), "ArrowDown did not move the focus to the first result"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/terms/{first_slug}/**")
    assert urlsplit(page.url).path == f"/terms/{first_slug}/"
    expect(page.locator(".md-content__inner > h1")).to_have_text(re.compile("^" + re.escape(heading)))


def test_slash_focuses_search_and_the_keyboard_opens_a_result(page, served_site):
    page.goto(served_site)
    page.keyboard.press("/")
    assert _focused(page, SEARCH_BOX)
    _search_by_keyboard(page, "inertia", "kmeans-inertia", "KMeans.inertia_")
    assert not page.console_errors


def test_tab_reaches_search_from_the_top_of_a_term_page(page, served_site):
    page.goto(served_site + "terms/percentile/")
    page.keyboard.press("Tab")
    assert _focused(page, "a.md-skip"), "the first Tab stop is not the skip link"
    for _ in range(6):  # skip link, logo, colour scheme toggle, then the search box
        if _focused(page, SEARCH_BOX):
            break
        page.keyboard.press("Tab")
    assert _focused(page, SEARCH_BOX), "the search box is not among the first Tab stops"
    _search_by_keyboard(page, "predict_proba", "predict-proba", "predict_proba")
    assert not page.console_errors


def test_phone_opens_the_navigation_drawer(page, served_site):
    page.set_viewport_size(PHONE)
    page.goto(served_site + "terms/percentile/")
    drawer = page.locator("nav.md-nav--primary")
    box = drawer.bounding_box()
    assert box["x"] + box["width"] <= 0, "the drawer shows before the hamburger is pressed"
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function("() => { const r = document.querySelector('nav.md-nav--primary').getBoundingClientRect();"
                           " return r.left >= 0 && r.width > 200; }")  # slid in
    link = drawer.get_by_role("link", name="A–Z index")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/terms/")
    assert not page.console_errors


@pytest.mark.parametrize("path", ["terms/percentile/", "terms/k-means-clustering/", "terms/predict-proba/",
                                  "terms/pandas-dataframe-to-dict/", "terms/linkage-function/", "",
                                  "terms/", "tags/clustering/", "walkthroughs/clustering_walkthrough/"])
def test_phone_page_fits_the_screen(page, served_site, path):
    page.set_viewport_size(PHONE)
    page.goto(served_site + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    title = page.locator(".md-content__inner h1").first
    assert title.is_visible() and title.bounding_box()["x"] >= 0
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-content__inner')).fontSize)")
    assert size >= 14, f"body text is {size}px"
    assert not page.console_errors


def test_dark_mode_toggle_persists_across_a_reload(page, served_site):
    page.emulate_media(color_scheme="light")
    page.goto(served_site + "terms/percentile/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background != "rgb(255, 255, 255)"
    page.goto(served_site + "terms/k-means-clustering/")  # and on the next page
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator("label[title='Switch to light mode']").click()
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "default"
    assert not page.console_errors


def test_every_tag_page_links_every_term_with_that_tag(page, served_site, site_terms):
    by_tag = defaultdict(set)
    for term in site_terms:
        for tag in term["tags"]:
            by_tag[tag].add(served_site + term["url"])
    assert set().union(*by_tag.values()) == {served_site + t["url"] for t in site_terms}
    for tag, expected in sorted(by_tag.items()):
        page.goto(served_site + f"tags/{tag}/")
        hrefs = page.locator("article a[href]").evaluate_all("els => els.map(e => e.href.split('#')[0])")
        linked = {h for h in hrefs if h.startswith(served_site + "terms/") and h != served_site + "terms/"}
        assert linked == expected, \
            f"tags/{tag}/: missing {sorted(expected - linked)}, extra {sorted(linked - expected)}"
    assert not page.console_errors
