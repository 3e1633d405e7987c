"""Our search engine in the real browser: typo-tolerant, exact names first, light on bytes, the same
words as the Python indexer, and at home under a sub-path. (Speed, bytes and heap at 5,000 and
20,000 terms with the CPU slowed are figures of `make bench`, scripts/search_bench.py.)"""

from __future__ import annotations

import json
import random

import pytest
import yaml

from conftest import ROOT
from mlterms.outputs import search_files as search_engine
from mlterms_tools.browser import RESULT_LINKS, engine_results, search, serve, term_slug

pytestmark = pytest.mark.browser

# The issue-18 reader set (kinds other-name, learner-question, mistake, pasted-code) has its own targets,
# scored per kind by scripts/search_quality.py; this test keeps the earlier set to its figures.
READER_KINDS = {"other-name", "learner-question", "mistake", "pasted-code"}
QUERIES = [q for q in yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
           if q.get("kind") not in READER_KINDS]
WORDS = ["Regularisation", "normalised", "Optimisers", "analyse", "colours", "centre", "modelling", "catalogue",
         "one-hot", "predict_proba()", "KMeans.inertia_", "Probabilities", "classes", "Naïve Bayes", "Ångström",
         "機械学習 モデル", "😀 emoji", "x2 10th", "Différentiel", "standardization", "process", "virus", "analysis",
         "ﬁne ligature", "Straße", "ǅemal"]


def test_the_worker_and_the_indexer_split_and_normalise_words_alike(browser, served_site):
    page = browser.new_page()
    page.goto(served_site)
    page.add_script_tag(url=served_site + "assets/javascripts/mlterms-search-core.js")
    in_browser = page.evaluate("texts => texts.map(t => self.MLTermsCore.words(t))", WORDS)
    assert in_browser == [search_engine.words(t) for t in WORDS]
    assert search_engine.words("Regularisation normalised one-hot") == ["regularize", "normalized", "one", "hot"]
    page.close()


def test_the_search_files_give_every_page_its_location(built_site):
    """The worker reads each page's location from search/loc (it has no copy of slugify), a block of
    pages per file, in names.json's page order; names.json says which pages are not terms."""
    names = json.loads((built_site / "search" / "names.json").read_text(encoding="utf-8"))
    rows = names["pages"]
    block = search_engine.LOCATION_BLOCK
    locations = [loc for n in range(0, len(rows), block)
                 for loc in json.loads((built_site / "search" / "loc" / f"{n // block}.json").read_text(encoding="utf-8"))]
    assert len(locations) == len(rows) == len(set(locations))
    assert locations[[row[0] for row in rows].index("KMeans.inertia_")] == "terms/kmeans-inertia/"
    worker = (ROOT / "docs" / "assets" / "javascripts" / "mlterms-search.js").read_text()
    assert "slugify" not in worker and '"terms/"' not in worker  # nor does it know the URL rule
    terms = {t["url"] for t in json.loads((built_site / "terms.json").read_text(encoding="utf-8"))}
    term_pages = {loc for n, loc in enumerate(locations) if n not in set(names["other"])}  # ranked before walkthroughs
    assert term_pages == {u[u.index("terms/"):] for u in terms}


def test_every_exact_title_finds_its_term_first_even_under_a_sub_path(browser, built_site, site_terms):
    with serve(built_site, prefix="/ml-terms/") as base:
        page = browser.new_page()
        page.goto(base)
        rows = engine_results(page, [t["title"] for t in site_terms])
        page.close()
    missed = [(t["title"], locs[:3]) for t, (_, locs, _) in zip(site_terms, rows)
              if locs[:1] != [f"terms/{t['slug']}/"]]
    assert missed == []


def test_the_query_set_hits_its_targets(browser, served_site):
    page = browser.new_page()
    page.goto(served_site)
    rows = engine_results(page, [q["query"] for q in QUERIES])
    page.close()
    slugs = [[loc.split("/")[1] for loc in locs if loc.startswith("terms/")] for _, locs, _ in rows]
    hit1 = sum(1 for q, s in zip(QUERIES, slugs) if s[:1] == [q["expect"]])
    hit3 = sum(1 for q, s in zip(QUERIES, slugs) if q["expect"] in s[:3])
    kinds = {q["kind"] for q in QUERIES if "kind" in q}
    assert kinds == {"typo", "british", "question", "joined", "partial"}
    assert sum(1 for q in QUERIES if "kind" in q) >= 60
    assert hit1 >= 0.95 * len(QUERIES) and hit3 >= 0.99 * len(QUERIES), \
        [(q["query"], s[:3]) for q, s in zip(QUERIES, slugs) if s[:1] != [q["expect"]]]


@pytest.mark.parametrize("query, expect", [("overfiting", "overfitting"), ("regularisation", "regularization"),
                                           ("service principle", "service-principal"),
                                           ("how to explain a model", "model-explainers"),
                                           ("machine learning", "machine-learning")])
def test_the_real_search_box_forgives(search_page, query, expect):
    slugs = [term_slug(u) for u in search(search_page, query)]
    assert slugs[:1] == [expect], slugs


def test_a_result_opens_its_page_with_the_query_highlighted(page, served_site):
    page.goto(served_site)
    search(page, "inertia")
    href = page.locator(RESULT_LINKS).first.get_attribute("href")
    assert "h=inertia" in href
    page.locator(RESULT_LINKS).first.click()
    page.wait_for_url("**/terms/kmeans-inertia/**")
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=10000)
    assert "inertia" in page.locator("mark[data-md-highlight]").first.inner_text().lower()


def test_a_reader_who_never_searches_downloads_only_the_bootstrap(browser, built_site):
    served: list = []
    with serve(built_site, compress=True, served=served) as base:
        page = browser.new_page()
        page.goto(base + "terms/percentile/")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        before = [p for p, _ in served]
        page.locator("input.md-search__input").focus()  # heading for the search box warms the names
        page.wait_for_timeout(1000)
        after = [p for p, _ in served[len(before):]]
        page.close()
    search_bytes = sum(n for p, n in served[:len(before)] if "search" in p)
    assert "/search/search_index.json" in before
    assert not [p for p in before if p.startswith(("/search/text/", "/search/docs/")) or p == "/search/names.json"]
    assert not [p for p in before if p.endswith(("mlterms-search-core.js", "mlterms-search-rank.js"))]
    assert search_bytes < 8 * 1024, search_bytes  # the bootstrap and the worker script, gzipped
    assert "/search/names.json" in after
    assert any(p.endswith("mlterms-search-rank.js") for p in after)  # the ranking comes with the names


def test_exact_names_come_first_at_five_thousand_terms(browser, tmp_path):
    from mlterms_tools.search_scale import write_site
    terms = write_site(tmp_path, 5000)
    sample = random.Random(3).sample(terms, 60)
    with serve(tmp_path) as base:
        page = browser.new_page()
        page.goto(base)
        rows = engine_results(page, [t["title"] for t in sample])
        page.close()
    missed = [(t["title"], locs[:2]) for t, (_, locs, _) in zip(sample, rows) if locs[:1] != [f"terms/{t['slug']}/"]]
    assert missed == []
    assert json.loads((tmp_path / "search" / "search_index.json").read_text())["docs"] == []
