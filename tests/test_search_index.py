"""The search index gives each term's other names a field of their own, weighted like its title."""

from __future__ import annotations

import html
import json

import pytest

from mlterms.browser import search, term_slug


@pytest.fixture(scope="module")
def index(built_site) -> dict:
    """What the search worker reads: names.json (every page's names) and the result texts (search/docs)."""
    search_dir = built_site / "search"
    names = json.loads((search_dir / "names.json").read_text(encoding="utf-8"))["pages"]
    rows = [row for shard in sorted((search_dir / "docs").glob("*.json"))
            for row in json.loads(shard.read_text(encoding="utf-8"))]
    return {"names": {html.unescape(entry[0]): entry[1] for entry in names},
            "docs": {row[2]: row[4] for row in rows}}


def test_each_term_page_entry_carries_the_terms_other_names_and_summary(index, site_terms):
    with_aliases = [t for t in site_terms if t["aliases"]]
    assert len(with_aliases) > 50
    for term in with_aliases:
        # (an alias that only differs from the title in case adds nothing: search ignores case)
        expected = {a for a in term["aliases"] if a.casefold() != term["title"].casefold()}
        assert expected <= set(index["names"][term["title"]]), term["slug"]
    for term in site_terms:
        assert html.unescape(index["docs"][f"terms/{term['slug']}/"]) == term["summary"], term["slug"]
    # ...and only there: the "Also called" line is not counted again as text.
    assert not [loc for loc, text in index["docs"].items() if "Also called" in text]


@pytest.mark.browser
@pytest.mark.parametrize("alias, slug", [("Gaussian distribution", "normal-distribution"),
                                         ("hyperparameter optimization", "hyperparameter-tuning")])
def test_an_alias_finds_its_term_first(page, served_site, alias, slug):
    """Counted as mere text, an alias came third, behind pages whose titles share a word.

    ("Root Mean Square Error", the first example, is a metric used in validating a model, not another
    name for it: the alias audit of issue 19 made it a related word.)"""
    page.goto(served_site)
    assert [term_slug(u) for u in search(page, alias)][0] == slug


@pytest.mark.browser
def test_a_term_result_shows_the_terms_summary(page, served_site, site_terms):
    """The page's own entry (the one a result shows) carries the summary, not an empty text."""
    summary = next(t["summary"] for t in site_terms if t["slug"] == "kmeans-inertia")
    page.goto(served_site)
    search(page, "inertia")
    first = page.locator(".md-search-result__item").first
    assert " ".join(summary.split()[:8]) in " ".join(first.inner_text().split())


def test_plural_forms_of_the_names_words():
    from mlterms.search_index import plural, plural_forms
    assert [plural(w) for w in ["outlier", "class", "matrix", "batch", "probability", "day", "means"]] == \
        ["outliers", "classes", "matrixes", "batches", "probabilities", "days", "means"]
    # Letters-only words of three or more: identifiers, numbers and short words have no plural here.
    assert plural_forms(["Decision tree", "K-means", "predict_proba", "F1 score", "tree"]) == \
        ["decisions", "trees", "means", "predicts", "probas", "scores"]


@pytest.mark.browser
def test_a_plural_query_finds_the_term_named_in_the_singular(page, served_site):
    """Search matches what is typed as a prefix: without the plural forms, "regressions" finds nothing."""
    page.goto(served_site)
    assert "regression" in [term_slug(u) for u in search(page, "regressions")][:3]
