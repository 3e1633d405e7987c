"""In a real browser (Debian chromium via Playwright), on the built site served over HTTP:
search finds terms and navigates, cross-links preview on hover, aliases redirect, copy-link copies."""

from __future__ import annotations

import pytest
import yaml

from conftest import NOT_FOUND_ERROR, ROOT, expect_console_error
from mlterms_tools.browser import RESULT_LINKS, search, term_slug

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
SAMPLE = [q for q in QUERIES if q["query"] in
          {"proba", "inertia", "PCA", "one hot", "SSE", "predict_proba", "kmeans", "fit_transform", "OvR", "Pecentile"}]


def test_the_sample_covers_the_issue_queries():
    assert len(SAMPLE) == 10


@pytest.mark.parametrize("query", SAMPLE, ids=lambda q: q["query"])
def test_search_box_finds_the_term_in_the_top_three(search_page, query):
    slugs = [term_slug(u) for u in search(search_page, query["query"])]
    assert query["expect"] in slugs[:3], slugs


def test_clicking_a_search_result_opens_the_term(page, served_site):
    page.goto(served_site)
    search(page, "inertia")
    page.locator(RESULT_LINKS).first.click()
    page.wait_for_url("**/terms/kmeans-inertia/**")
    # Instant navigation swaps the content in after the address changes: wait for the new heading.
    heading = page.locator(".md-content__inner > h1").filter(has_text="KMeans.inertia_")
    heading.wait_for(timeout=10000)
    assert heading.inner_text().startswith("KMeans.inertia_")


def test_hover_on_a_cross_link_shows_a_preview(page, served_site):
    page.goto(served_site + "terms/binary-classification/")
    link = page.locator("article a[href$='/classification/']").first
    link.hover()
    preview = page.locator(".md-tooltip2, .md-tooltip--active, [role=tooltip]").filter(has_text="Classification")
    preview.first.wait_for(state="visible", timeout=10000)
    assert "predict which category" in preview.first.inner_text()


def test_alias_url_redirects_to_the_term(page, served_site):
    page.goto(served_site + "terms/pca/")
    page.wait_for_url("**/terms/principal-component-analysis/")
    heading = page.locator(".md-content__inner > h1").filter(has_text="Principal Component Analysis")
    heading.wait_for(timeout=10000)


def test_copy_link_button_copies_the_term_url(browser, served_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(served_site + "terms/percentile/")
    tab.get_by_role("button", name="Copy the link to this term").click()
    tab.wait_for_timeout(300)
    assert tab.evaluate("navigator.clipboard.readText()") == served_site + "terms/percentile/"
    context.close()


def test_404_page_offers_a_search_for_the_missing_term(page, served_site):
    page.goto(served_site + "terms/no-such-term/")
    link = page.locator("#not-found-search-link")
    assert link.is_visible() and "no such term" in link.inner_text()
    assert link.get_attribute("href").endswith("?q=no%20such%20term")
    expect_console_error(page, NOT_FOUND_ERROR)  # the browser logs the page's own 404 status, and only that
