"""The search index: each term's other names in names.json, its summary as its page's result text, and a
plural query folded to the singular by the worker."""

from __future__ import annotations

import html
import json

import pytest

from mlterms_tools.browser import search, term_slug
from mlterms.glossary.lifecycle import labelled_row_summary


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
        assert html.unescape(index["docs"][f"terms/{term['slug']}/"]) == labelled_row_summary(term), term["slug"]
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


@pytest.mark.browser
@pytest.mark.parametrize("query, slug", [("regressions", "regression"),
                                         ("probabilities", "probability-distribution")])
def test_a_plural_query_finds_the_term_named_in_the_singular(page, served_site, query, slug):
    """The worker folds a plural to its singular (canon: "-ies" -> "-y", "-s" dropped), as the indexer does.

    A name matches what is typed as a prefix or within a typo or two: without
    the folding "probabilities" is three edits from "probability" and finds no
    Probability term ("regressions", one edit away, still would, as a typo).
    """
    page.goto(served_site)
    assert slug in [term_slug(u) for u in search(page, query)][:3]
