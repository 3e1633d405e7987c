"""The one-line definitions, editor's notes, learn-more links and compare lines, and the lints that
keep them to the house style (on synthetic input as well as on our notes)."""

from __future__ import annotations

import html
import importlib
import json
import re
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, article_text, run_build
from mlterms.glossary import dated
from mlterms.glossary.definitions import OFFICIAL_SITES, api_url, load_definitions, url_problem
from mlterms.errors import CurationError
from mlterms.glossary.lifecycle import labelled_row_summary
from mlterms.checks.summary_lint import flags

DEFINITIONS = ROOT / "notes" / "definitions.yml"


# --- the summary lint, on synthetic summaries --------------------------------------------------

@pytest.mark.parametrize("summary, title, expected", [
    ("Data encoding: converting categories into numbers.", "Data encoding", "starts with its title"),
    ("Binary classification is a task with two classes.", "Binary classification", "starts with its title"),
    ("is classification with two categories.", "Binary classification", "starts in lower case"),
    ("This measures the tightness of the clusters.", "Inertia", "starts with the dangling word 'This'"),
    ("These columns are scaled to the same range.", "Scaling", "starts with the dangling word 'These'"),
    ("A metric listed in the above table for comparing runs.", "Metric", "points at text the reader can't see"),
    ("A " + "very " * 40 + "long definition.", "Long", "characters long (at most 160)"),
    ("A definition without a full stop", "Stop", "has no final full stop"),
    ("A definition that was cut off…", "Cut", "is cut with an ellipsis"),
    ("Normalize the data before training the model.", "Normalize data", "is an instruction"),
    ("Use argparse to read the arguments of a script.", "argparse", "is an instruction"),
    ("To use MLflow in Azure ML, you must set the tracking URI.", "MLflow", "is an instruction"),
    ("A first sentence. A second sentence.", "Two", "is more than one sentence"),
])
def test_the_lint_flags_each_rule(summary, title, expected):
    assert any(expected in flag for flag in flags(summary, title)), flags(summary, title)


@pytest.mark.parametrize("summary, title", [
    ("An ensemble method that trains models sequentially, each correcting the errors of the previous ones.", "Boosting"),
    ("Method of a fitted scikit-learn classifier that returns the probability of every class.", "predict_proba()"),
    ("Use of labeled data to train a model that predicts a category.", "Classification"),
    ("Python library for parsing command-line arguments, such as sklearn.model_selection options.", "argparse"),
    ("The cut-off value that turns a predicted probability into a class label.", "Classification threshold"),
])
def test_the_lint_passes_definitions_in_house_style(summary, title):
    assert flags(summary, title) == []


# --- our notes: every term meets the house style -----------------------------------------------

def test_every_term_has_a_summary_in_house_style_and_the_notes_lint_is_quiet():
    """What the build's lint phase reports on our notes: 0 flagged summaries, no notes warnings."""
    from mlterms.checks.input_lint import lint
    from mlterms.glossary.inputs import Inputs, glossary_from, read_source
    inputs = Inputs.locate()
    source = read_source(inputs)
    glossary = glossary_from(source, inputs, None)
    problems, counts = lint(source, glossary)
    assert counts["summaries_flagged"] == 0 and counts["notes_warnings"] == 0, [str(p) for p in problems]
    assert counts["summaries_curated"] + counts["summaries_automatic"] == len(glossary.terms) >= 180


def test_every_page_opens_with_its_definition_and_every_listing_uses_the_same_line(built_site, site_terms):
    # The result text search shows for each page (search/docs shards: [page, section, location, title, text, tags]).
    search_text = {row[2]: row[4] for shard in (built_site / "search" / "docs").glob("*.json")
                   for row in json.loads(shard.read_text(encoding="utf-8"))}
    tag_pages = {p.parent.name: " ".join(article_text(p.read_text(encoding="utf-8")).split())
                 for p in (built_site / "tags").glob("*/index.html")}
    az = " ".join(article_text((built_site / "terms" / "index.html").read_text(encoding="utf-8")).split())
    for term in site_terms:
        page = (built_site / term["url"] / "index.html").read_text(encoding="utf-8")
        first = article_text(page).split("\n")
        heading = next(i for i, line in enumerate(first) if line.startswith(term["title"]))
        heading += term["status"] != "current"  # a non-current term's status line comes first
        assert first[heading + 1] == term["summary"], term["slug"]  # the line right under the h1
        assert '<p class="term-definition">' in page
        metas = _metas(page)
        for key in ("description", "og:description", "twitter:description"):
            assert metas.get(key) == labelled_row_summary(term), (term["slug"], key)
        assert labelled_row_summary(term) in html.unescape(search_text[term["url"]])
        assert labelled_row_summary(term) in az
        for tag in term["tags"]:
            assert labelled_row_summary(term) in tag_pages[tag], (term["slug"], tag)


def _metas(page: str) -> dict[str, str]:
    """<meta name|property=... content=...> of a page, as a browser reads them."""
    from html.parser import HTMLParser
    found: dict[str, str] = {}

    def start(tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            found[attrs.get("name") or attrs.get("property") or ""] = attrs["content"]
    parser = HTMLParser()
    parser.handle_starttag = start
    parser.feed(page)
    return found


def test_the_social_card_draws_the_page_description():
    layout = (ROOT / "docs" / "overrides" / "layouts" / "ml-terms.yml").read_text(encoding="utf-8")
    assert 'page.meta.get("description", config.site_description)' in layout


# --- editor's notes -----------------------------------------------------------------------------

def test_an_editors_note_is_set_apart_from_the_notes_and_cites_its_source(built_site):
    definitions = load_definitions(DEFINITIONS)
    noted = [t for t in definitions.terms.values() if t.note]
    assert len(noted) >= 30
    for text in noted:
        page = (built_site / "terms" / text.slug / "index.html").read_text(encoding="utf-8")
        box = re.search(r'<div class="admonition info editor-note">(.*?)</div>', page, re.S)
        assert box, text.slug
        assert "not part of the study notes" in box.group(1)
        note = dated.render(text.note, dated.build_date())  # event dates in the tense of the build date
        assert "{" not in note  # every event token was written out
        assert html.escape(note, quote=False) in box.group(1).replace("&#39;", "'").replace("&quot;", '"') \
            or note in article_text(page)
        assert f'href="{html.escape(text.note_source, quote=True)}"' in box.group(1)
        # and the notes' own text is still there, before it
        assert page.index("From the study notes") < page.index("editor-note")


# --- learn-more links ---------------------------------------------------------------------------

def test_learn_more_links_are_https_official_and_cover_nine_in_ten_terms(site_terms, built_site):
    definitions = load_definitions(DEFINITIONS)
    linked = {slug for slug, t in definitions.terms.items() if t.learn_more or t.api}
    assert len(linked) >= 0.9 * len(site_terms)
    for slug, text in definitions.terms.items():
        for url in text.learn_more + ([api_url(text.api)] if text.api else []):
            parts = urlsplit(url)
            assert parts.scheme == "https" and parts.hostname in OFFICIAL_SITES, (slug, url)
    page = (built_site / "terms" / "kmeans-inertia" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://scikit-learn.org/stable/modules/generated/sklearn.cluster.KMeans.html"' in page


def test_every_api_path_exists_in_the_installed_library():
    """The link is derived from the dotted path, and the path from the library itself: import it."""
    definitions = load_definitions(DEFINITIONS)
    paths = [t.api for t in definitions.terms.values() if t.api]
    assert len(paths) >= 10
    for path in paths:
        parts = path.split(".")
        for i in range(len(parts), 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:i]))
                break
            except ImportError:
                continue
        for name in parts[i:]:
            obj = getattr(obj, name)  # AttributeError: the path does not exist
        assert obj is not None


@pytest.mark.parametrize("url, problem", [
    ("http://scikit-learn.org/stable/", "not an https URL"),
    ("https://example.com/kmeans", "not on the list of official documentation sites"),
    ("https://scikit-learn.org/stable/modules/clustering.html", None),
])
def test_url_rules(url, problem):
    found = url_problem(url)
    assert (found is None) if problem is None else (problem in found)


def test_a_bad_definitions_file_names_file_line_and_fix(tmp_path):
    path = tmp_path / "definitions.yml"
    path.write_text("terms:\n  outlier:\n    summary: A point far from the rest.\n"
                    "    note: The notes are wrong.\n    learn_more:\n      - http://example.com/x\n"
                    "  nosuch:\n    colour: red\n", encoding="utf-8")
    with pytest.raises(CurationError) as err:
        load_definitions(path)
    text = str(err.value)
    assert f"{path}:6: error: learn_more of 'outlier': 'http://example.com/x' is not an https URL" in text
    assert f"{path}:4: error: the editor's note of 'outlier' has no note_source" in text
    assert f"{path}:8: error: unknown setting 'colour' for 'nosuch'" in text


def test_a_definition_for_a_slug_the_notes_lack_fails_the_build(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Outlier\nA data point far from the rest.\n", encoding="utf-8")
    (tmp_path / "definitions.yml").write_text("terms:\n  outlyer:\n    summary: A typo in the slug.\n",
                                              encoding="utf-8")
    result = run_build("--notes", str(notes), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert f"{tmp_path / 'definitions.yml'}:2: error: no term has the slug 'outlyer'" in result.stdout


# --- compare lines ------------------------------------------------------------------------------

REQUIRED_GROUPS = [{"one-vs-one", "one-vs-rest"}, {"bagging", "boosting"}, {"fit", "transform", "fit-transform"},
                   {"predict", "predict-proba"}, {"normalize-data", "minmaxscaler"},
                   {"agglomerative-method", "divisive-method"}, {"statistical-population", "statistical-sample"},
                   {"service-endpoints", "private-endpoints", "private-link-service"},
                   {"azure-vpn-gateway", "expressroute"}, {"discrete-hyperparameters", "continuous-hyperparameters"},
                   {"mlflow-tracking", "mlflow-projects", "mlflow-models", "mlflow-model-registry"},
                   # near-duplicates that stay separate terms must be told apart (issue 19)
                   {"data-scaling", "normalize-data", "minmaxscaler"},
                   {"stratified-sampling", "stratification-technique"}, {"ml-experiment", "mlflow-experiment"}]

# Near-duplicates folded into one term (curation merge_into): old slug -> the term it became.
MERGED = {"scaling-numeric-features": "data-scaling", "data-encoding": "encoding-categorical-variables"}


def test_compare_groups_exist_and_show_on_every_page_of_the_group(built_site):
    groups = load_definitions(DEFINITIONS).compare
    for required in REQUIRED_GROUPS:
        assert any(required <= set(g.slugs) for g in groups), required
    for group in groups:
        for slug in group.slugs:
            text = article_text((built_site / "terms" / slug / "index.html").read_text(encoding="utf-8"))
            assert "Compare with" in text and " ".join(group.difference.split()) in text, slug


def test_merged_near_duplicates_redirect_and_keep_their_notes_text(built_site, site_terms):
    """A quiz must not offer two terms for one concept: each merged slug is gone from the glossary, its URL
    redirects to the term it became, and its notes lines are on that term's page (nothing lost)."""
    slugs = {t["slug"] for t in site_terms}
    notes_lines = (ROOT / "notes" / "ml-terms.txt").read_text(encoding="utf-8").splitlines()
    for old, new in MERGED.items():
        assert old not in slugs and new in slugs, (old, new)
        redirect = (built_site / "terms" / old / "index.html").read_text(encoding="utf-8")
        assert f'url=../{new}/"' in redirect, old
        page = " ".join(article_text((built_site / "terms" / new / "index.html").read_text(encoding="utf-8")).split())
        title = {"scaling-numeric-features": "Scaling numeric features", "data-encoding": "data encoding"}[old]
        first = notes_lines.index(title) + 1  # the merged entry's first definition line
        assert " ".join(notes_lines[first].split()) in page, (old, notes_lines[first])


# --- the notes lint, on a synthetic notes file ---------------------------------------------------

LINT_NOTES = """Regularization
A technique that discourages complex models so that they generalize better.

Early stopping Training stops when the validation loss has not improved for several epochs.

Outlier
A data point that is noticably different from the rest, avilable in x_train or https://example.org/recieve.
Azure Machine Learning Studio provides a web portal for the whole workspace.
"""


def test_the_notes_lint_flags_a_hidden_title_and_misspellings_but_not_code_or_urls(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(LINT_NOTES, encoding="utf-8")
    (tmp_path / "curation.yml").write_text("corrections:\n  avilable: available\n", encoding="utf-8")
    result = run_build("--notes", str(notes), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout
    out = result.stdout
    assert (f"{notes}:4: warning: this paragraph may start a new term, 'Early stopping', written on one line "
            "with its definition; it is shown as part of 'Regularization'") in out
    assert "add  - Early stopping  under entry_starts:" in out
    assert f"{notes}:7: warning: possible misspelling 'noticably' (codespell suggests 'noticeably')" in out
    assert "add  noticably: noticeably  under corrections:" in out
    assert "'avilable'" not in out  # already corrected by the curation file
    assert "recieve" not in out  # inside a URL
    assert ":8: warning: this paragraph" not in out  # "Azure Machine Learning Studio provides": a name


def test_an_entry_starts_hint_silences_the_hidden_title_warning(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(LINT_NOTES, encoding="utf-8")
    (tmp_path / "curation.yml").write_text("entry_starts:\n  - Early stopping\ncorrections:\n"
                                           "  avilable: available\n  noticably: noticeably\n", encoding="utf-8")
    result = run_build("--notes", str(notes), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout
    assert "this paragraph may start" not in result.stdout and "misspelling" not in result.stdout, result.stdout
    assert "notes_warnings 0" in result.stdout
    assert (tmp_path / "site" / "terms" / "early-stopping" / "index.html").exists()
