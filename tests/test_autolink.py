"""The autolinker: longest match, word boundaries, plurals, first mention only, no self links, not in code."""

from __future__ import annotations

from mlterms.glossary.autolink import Names, PageLinker
from mlterms.notes.markup import inline

NAMES = Names.build({
    "Regression": "regression",
    "Linear regression": "linear-regression",
    "Logistic regression": "logistic-regression",
    "predict_proba": "predict-proba",
    "Epoch": "epoch",
    "Run": "azure-ml-run",
    "Data": "data",
})


def linker(own: str = "outlier") -> PageLinker:
    return PageLinker(NAMES, own, href=lambda slug: f"{slug}.md")


def links(text: str, own: str = "outlier") -> list[tuple[str, str | None]]:
    return [(chunk, href) for chunk, href, _ in linker(own).text(text) if href]


def test_longest_name_wins():
    assert links("Linear regression is simple") == [("Linear regression", "linear-regression.md")]


def test_case_and_plural_tolerant():
    assert links("train for 10 epochs") == [("epochs", "epoch.md")]
    assert links("LOGISTIC REGRESSION") == [("LOGISTIC REGRESSION", "logistic-regression.md")]


def test_whole_words_only():
    assert links("a Runtime and a rerun and a data-driven Dataset") == []


def test_first_mention_only():
    assert links("regression, then regression again") == [("regression", "regression.md")]


def test_no_self_link():
    assert links("regression and linear regression", own="regression") == [
        ("linear regression", "linear-regression.md")]


def test_no_links_inside_code_or_urls_except_exact_term_code():
    rendered = inline("see https://example.org/regression and model.fit_regression() and predict_proba",
                      linker())
    assert "regression.md" not in rendered.split("predict")[0]
    assert "[<code>predict&#95;proba</code>](predict-proba.md)" in rendered


def test_text_without_names_is_unchanged():
    assert linker().text("nothing to see") == [("nothing to see", None, None)]
