"""The keyboard opens what the eye sees (issue 18): in the real search box of the built site, Enter
opens the first result shown, for every query of tests/search_queries.yml.

Material's keyboard handler opens the result with the highest ``data-md-score``, not the first one
in the list; the worker's scores must therefore follow the order it returns."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT
from mlterms_tools.browser import RESULT_LINKS, engine_results

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
ISSUE_TABLE = ["regularisation", "kmeans", "hyperparamter", "cnn", "horovod runner", "normalise data",
               "how to explain a model"]
FIRST_SHOWN = "sel => { const a = document.querySelector(sel); return a ? a.getAttribute('href') : null; }"


def _where(url: str) -> str:
    """A page's path and anchor, without the ?h= highlight parameter."""
    parts = urlsplit(url)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def test_the_issue_table_is_in_the_query_set():
    queries = {q["query"] for q in QUERIES}
    assert [q for q in ISSUE_TABLE if q not in queries] == []


OPENED = """() => { window.__opened = null;  // the link Enter clicks, recorded and kept from opening
  addEventListener("click", e => { const a = e.target.closest && e.target.closest("a");
    if (a && a.closest(".md-search-result")) { window.__opened = a.href; e.preventDefault(); e.stopPropagation(); }
  }, true); }"""
SHOWN_FIRST = """([sel, want]) => { const a = document.querySelector(sel);
  return a && new URL(a.href).pathname + new URL(a.href).hash === want; }"""
# Queries in batches, each in one round trip: put the query in the box as a paste does (its value, an input
# event) and send the keyup Material reads the box on; wait (on the results list's changes) until the first
# link shown is `want`; then send Enter's keydown, which Material's keyboard handler reads from the window as
# it reads a key pressed (it answers by clicking the result it picks, which OPENED records). Rows of
# [query, the first link shown when it was not `want` (or no list was drawn for the query), the link Enter
# clicked]. A round trip per query and a key pressed through the browser took twice as long over the 3,575
# queries; the issue's table (test_enter_opens_the_first_result_shown) types its queries key by key and
# presses the real Enter.
SHOWN_THEN_ENTER = """async ([sel, rows, timeout]) => {
  const box = document.querySelector("input.md-search__input"), list = document.querySelector(".md-search-result");
  const first = () => { const a = document.querySelector(sel); return a ? new URL(a.href).pathname + new URL(a.href).hash : null; };
  const out = [];
  for (const [query, want] of rows) {
    box.value = query;
    box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste", data: query }));
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "End" }));
    /* The list is drawn again for every query: the previous query's list may have the same first link. */
    const shown = await new Promise(resolve => {
      const done = ok => { observer.disconnect(); clearTimeout(timer); resolve(ok); };
      const observer = new MutationObserver(() => { if (first() === want) done(true); });
      const timer = setTimeout(() => done(false), timeout);
      observer.observe(list, { childList: true, subtree: true, attributes: true });
    });
    window.__opened = null;
    box.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, key: "Enter", code: "Enter" }));
    out.push([query, shown ? null : String(first()), window.__opened]);
  }
  return out;
}"""
BATCH = 250  # queries a round trip: a failing run still shows its progress in a traceback's few seconds


def _settled(page, quiet_ms: int = 600) -> None:
    """Wait until the results list has not changed for ``quiet_ms``."""
    page.evaluate("""() => { window.__listChanged = performance.now();
      new MutationObserver(() => { window.__listChanged = performance.now(); })
        .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, attributes: true}); }""")
    page.wait_for_function(f"() => performance.now() - window.__listChanged > {quiet_ms}", timeout=15000)


def _open_search(page):
    box = page.locator("input.md-search__input")
    box.focus()
    page.wait_for_function("() => !/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    return box


def test_enter_picks_the_first_result_shown_for_every_query(page, served_site):
    """Every query in one page: the link Enter clicks is the first one shown (recorded, not followed).

    Search by meaning is left out here (its model does not load, as offline: a question keeps its
    answer by words): re-ranking some 1,200 questions twice would add minutes.
    test_search_meaning presses Enter on a question's answer by meaning."""
    page.route("**/search/meaning/**", lambda route: route.abort())
    page.goto(served_site)
    queries = list(dict.fromkeys(q["query"] for q in QUERIES))
    # What the worker ranks first, asked directly: the box must show it first, and Enter must pick it.
    first = {q: locs[0] for q, locs, _ in engine_results(page, queries) if locs}
    page.evaluate(OPENED)
    _open_search(page)
    wrong = [(query, "no result") for query in queries if query not in first]
    # a "no term" answer links a docs site
    rows = [[query, _where(urljoin(served_site, first[query]))] for query in queries if query in first]
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        for (query, want), (_, shown_instead, opened) in zip(batch, page.evaluate(SHOWN_THEN_ENTER, [RESULT_LINKS, batch, 10000])):
            if shown_instead is not None:
                wrong.append((query, "not shown first", shown_instead, want))
            if _where(opened or "") != want:
                wrong.append((query, "Enter opened", _where(opened or ""), want))
    assert len(rows) > 3000 and wrong == []
    assert not page.console_errors


@pytest.mark.parametrize("query", ISSUE_TABLE)
def test_enter_opens_the_first_result_shown(page, served_site, query):
    """The issue's table, followed for real: Enter opens the page of the first result shown."""
    page.goto(served_site)
    want = _where(urljoin(served_site, engine_results(page, [query])[0][1][0]))
    box = _open_search(page)
    box.type(query)
    # Typed key by key, each prefix is answered: wait for the whole word's answer, shown and settled
    # (a slow machine can still be showing a prefix's list, with another page first).
    page.wait_for_function(SHOWN_FIRST, arg=[RESULT_LINKS, want], timeout=10000)
    _settled(page)
    page.wait_for_function(SHOWN_FIRST, arg=[RESULT_LINKS, want], timeout=10000)
    box.press("Enter")
    page.wait_for_function("want => location.pathname + location.hash === want", arg=want, timeout=10000)
    assert page.locator(".md-content__inner > h1").first.is_visible()


def test_a_click_on_the_first_result_opens_it(page, served_site):
    page.goto(served_site)
    box = page.locator("input.md-search__input")
    box.focus()
    box.type("kmeans")
    link = page.locator(RESULT_LINKS).first
    link.wait_for()
    page.wait_for_timeout(500)
    want = _where(page.evaluate(FIRST_SHOWN, RESULT_LINKS))
    link.click()
    page.wait_for_function("want => location.pathname + location.hash === want", arg=want, timeout=10000)
    assert want.endswith("/terms/k-means-clustering/")


def test_scores_fall_strictly_in_the_order_shown(page, served_site):
    """Material breaks ties and picks by ``data-md-score``: every result after the first scores lower."""
    page.goto(served_site)
    page.locator("input.md-search__input").focus()
    page.locator("input.md-search__input").type("kmeans")
    page.locator(RESULT_LINKS).first.wait_for()
    page.wait_for_timeout(500)
    heads = page.locator(RESULT_LINKS + " > article").evaluate_all(
        "els => els.map(e => parseFloat(e.getAttribute('data-md-score')))")
    assert len(heads) > 3 and all(a > b for a, b in zip(heads, heads[1:])), heads
