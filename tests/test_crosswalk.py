"""The names crosswalk: every fault is named by file and line with a fix, other names reach the page with
their source, related words never show as names, and the crosswalk file is found like the definitions file."""

from __future__ import annotations

import textwrap

import pytest

from mlterms.glossary.crosswalk import apply_crosswalk, load_crosswalk
from mlterms.glossary.curate import curate
from mlterms.glossary.curation_file import empty
from mlterms.errors import CurationError
from mlterms.glossary.links import linkable_names
from mlterms.glossary.inputs import Inputs
from mlterms.notes.parse import parse
from mlterms.outputs.term_page import render_term

NOTES = textwrap.dedent("""\
    Principal Component Analysis (PCA)
    Translate the N-dimensional feature values into two-dimensional coordinates.

    Model explainers
    Use statistical techniques to calculate feature importance.

    Pecentile
    Give you a number that describes the value.
    """)
WIKI = "https://en.wikipedia.org/wiki/Principal_component_analysis"
SKLEARN_FILE = "https://github.com/scikit-learn/scikit-learn/blob/main/sklearn/decomposition/_pca.py"
MESSAGE = "n_components must be between 0 and min(n_samples, n_features)"
GOOD = f"""\
terms:
  principal-component-analysis:
    - {{name: Karhunen-Loeve transform, kind: synonym, community: Wikipedia, source: "{WIKI}"}}
    - {{name: eigen decomposition, kind: related, community: Wikipedia, source: "{WIKI}"}}
abbreviations:
  - {{abbreviation: kNN, means: k-nearest neighbors, term: none, source: "{WIKI}"}}
"""


def glossary_with(tmp_path, text: str):
    path = tmp_path / "crosswalk.yml"
    path.write_text(text, encoding="utf-8")
    glossary = curate(parse(NOTES, empty().rules), empty(), None)
    apply_crosswalk(glossary, load_crosswalk(path))
    return glossary


def entry(name="Karhunen-Loeve transform", kind="synonym", community="Wikipedia", source=WIKI,
          slug="principal-component-analysis") -> str:
    return f'terms:\n  {slug}:\n    - {{name: "{name}", kind: "{kind}", community: "{community}", source: "{source}"}}\n'


@pytest.mark.parametrize("text, line, fragment", [
    (entry(slug="no-such-term"), 2, "no term has the slug 'no-such-term'"),
    (entry(name=" "), 3, "name of a name of 'principal-component-analysis' is empty"),
    (entry(community=""), 3, "community of 'Karhunen-Loeve transform' (principal-component-analysis) is empty"),
    ("terms:\n  principal-component-analysis:\n    - {name: KLT, kind: synonym, community: Wikipedia}\n", 3,
     "'KLT' (principal-component-analysis) has no source"),
    (entry(source="http://en.wikipedia.org/wiki/PCA"), 3, "is not an https URL"),
    (entry(source="https://example.com/pca"), 3, "not on the list of official documentation sites"),
    (entry(kind="alias"), 3, "the kind of 'Karhunen-Loeve transform' (principal-component-analysis) is 'alias'"),
    (entry(name="Model explainers"), 3, "is a name of another term, 'Model explainers'"),
    (entry(name="pca"), 3, "'pca' is already a name of 'Principal Component Analysis (PCA)'"),
    (entry() + f'  model-explainers:\n    - {{name: KARHUNEN-LOEVE TRANSFORM, kind: related, community: x, '
               f'source: "{WIKI}"}}\n', 5, "is also given on line 3 (principal-component-analysis)"),
    (f'abbreviations:\n  - {{abbreviation: PCA, means: principal component analysis, term: none, '
     f'source: "{WIKI}"}}\n', 2, "'PCA' is marked none, but search finds 'Principal Component Analysis (PCA)' by it"),
    (f'abbreviations:\n  - {{abbreviation: kNN, means: k-nearest neighbors, term: knn, source: "{WIKI}"}}\n', 2,
     "the abbreviation 'kNN' names no term 'knn'"),
    (entry(name="KMeans(n_clusters=3)", kind="code"), 3, "is kind code, but not a Python name or dotted path"),
    (entry(name="eigenvalues of the covariance", kind="question"), 3, "is kind question, but not a question"),
    (entry(name="what is PCA?", kind="related"), 3, "ends with '?' but is kind related"),
    (entry(name="must be between", kind="message", community="scikit-learn"), 3,
     "is kind message, but shorter than 4 words"),
    # a library's repository may source its own message, and nothing else
    (entry(name="Karhunen", kind="related", source=SKLEARN_FILE), 3, "not on the list of official documentation sites"),
    (entry(name=MESSAGE, kind="message", source="https://github.com/someone/fork/blob/main/pca.py"), 3,
     "not on the list of official documentation sites"),
    (f'absent:\n  - {{name: PCA, source: "{WIKI}"}}\n', 2,
     "'PCA' is listed as absent, but search finds 'Principal Component Analysis (PCA)' by it"),
    (entry(name="eigen decomposition", kind="related") + f'absent:\n  - {{name: Eigen-decomposition, source: "{WIKI}"}}\n',
     5, "'Eigen-decomposition' is listed as absent, but search finds"),
    (entry(name="KLT", kind="related") + f'abbreviations:\n  - {{abbreviation: KLT, means: Karhunen-Loeve transform, '
     f'term: none, source: "{WIKI}"}}\n', 5, "'KLT' is marked none, but search finds"),
    ('absent:\n  - {name: confusion matrix}\n', 2, "'confusion matrix' has no source"),
    ("names: {}\n", 1, "unknown top-level key 'names'"),
    ("terms:\n  principal-component-analysis: {name: KLT}\n", 2, "the names of 'principal-component-analysis' must be a list"),
    ("terms:\n  principal-component-analysis:\n    - [KLT, synonym]\n", 3, "must be a mapping"),
])
def test_every_crosswalk_fault_names_file_line_and_fix(tmp_path, text, line, fragment):
    with pytest.raises(CurationError) as err:
        glossary_with(tmp_path, text)
    matches = [p for p in err.value.problems if fragment in p.message]
    assert matches, [p.message for p in err.value.problems]
    assert matches[0].path.endswith("crosswalk.yml") and matches[0].line == line and matches[0].hint


def test_the_page_shows_other_names_with_their_source_and_never_related_words(tmp_path):
    glossary = glossary_with(tmp_path, GOOD)
    term = glossary.by_slug["principal-component-analysis"]
    assert [o.name for o in term.other_names] == ["Karhunen-Loeve transform"]
    assert term.related == ["eigen decomposition"] and [a.abbreviation for a in glossary.abbreviations] == ["kNN"]
    page = render_term(term, glossary, linkable_names(glossary))
    other = next(line for line in page.splitlines() if "Other names" in line)
    assert "Karhunen&#45;Loeve transform" in other and f'<a href="{WIKI}">Wikipedia</a>' in other
    assert "eigen" not in page  # a related word is searched, never shown
    assert "Karhunen" not in next(line for line in page.splitlines() if "Also called" in line)


def test_names_are_escaped_not_interpreted(tmp_path):
    glossary = glossary_with(tmp_path, entry(name="<b>PC</b> {{ x }}", community="*stats*"))
    page = render_term(glossary.by_slug["principal-component-analysis"], glossary, linkable_names(glossary))
    other = next(line for line in page.splitlines() if "Other names" in line)
    assert "<b>" not in other and "{{" not in other and "*stats*" not in other


def test_our_pages_never_show_a_related_word_as_a_name():
    from mlterms.glossary.inputs import load_glossary
    glossary = load_glossary(Inputs.locate(), None)
    overfitting = glossary.by_slug["overfitting"]
    assert "generalization" in overfitting.related and "generalization" not in overfitting.names
    for term in glossary.terms:
        shown = {*term.names, *(o.name for o in term.other_names)}
        assert not shown & set(term.related), term.slug
    assert glossary.by_slug["databricks-job"].other_names[0].name == "Lakeflow Jobs"


def test_the_crosswalk_is_found_like_the_definitions_file(tmp_path, monkeypatch):
    monkeypatch.delenv("MLTERMS_CROSSWALK", raising=False)
    assert Inputs.locate().crosswalk.name == "crosswalk.yml"
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    assert Inputs.locate(str(notes)).crosswalk is None
    (tmp_path / "crosswalk.yml").write_text(GOOD, encoding="utf-8")
    assert Inputs.locate(str(notes)).crosswalk == tmp_path / "crosswalk.yml"
    assert Inputs.locate(str(notes)).environment()["MLTERMS_CROSSWALK"] == str(tmp_path / "crosswalk.yml")


def names_json(tmp_path, glossary, **fields) -> dict:
    """The names.json search_files.write makes for this glossary, with the per-location ``fields`` named
    (each a search_entries function of the records: names, related, code_names, questions...)."""
    import json

    from mlterms.outputs import search_files
    from mlterms.record import records_of
    records = records_of(glossary, links={})
    docs = [{"location": f"terms/{t.slug}/", "title": t.title, "text": t.summary} for t in glossary.terms]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    search_files.write(tmp_path, **{"other_names": {}, **{key: make(records) for key, make in fields.items()}})
    return json.loads((tmp_path / "search" / "names.json").read_text(encoding="utf-8"))


def test_related_words_reach_the_search_names_file_apart_from_the_names(tmp_path):
    """names.json carries a term's related words as their own (fifth) element, which the worker weighs below
    an alias: a related word is never one of the names."""
    from mlterms.outputs.search_entries import names_by_location, related_by_location
    glossary = glossary_with(tmp_path, GOOD)
    rows = names_json(tmp_path, glossary, other_names=names_by_location, related=related_by_location)["pages"]
    pca = next(row for row in rows if row[0].startswith("Principal"))
    assert "Karhunen-Loeve transform" in pca[1] and "eigen decomposition" not in pca[1]
    assert pca[3] == ["eigen decomposition"]
    assert all(row[3:4] in ([], [[]]) for row in rows if row is not pca)  # an empty list at the end is left out


def test_code_names_absent_concepts_and_abbreviations_reach_names_json(tmp_path):
    """kind: code goes to its own (seventh) element, apart from the identifiers the examples use; an
    abbreviation of a term is a related word of it (search finds the term, no page shows it as a name);
    absent concepts and abbreviations marked none are listed with their source, for "No term for …"."""
    from mlterms.outputs.search_entries import absent_names, code_names_by_location
    text = (f'terms:\n  principal-component-analysis:\n'
            f'    - {{name: sklearn.decomposition.PCA, kind: code, community: scikit-learn, source: "{WIKI}"}}\n'
            f'abbreviations:\n  - {{abbreviation: EVD, means: eigenvalue decomposition, '
            f'term: principal-component-analysis, source: "{WIKI}"}}\n'
            f'  - {{abbreviation: kNN, means: k-nearest neighbors, term: none, source: "{WIKI}"}}\n'
            f'absent:\n  - {{name: confusion matrix, source: "{WIKI}"}}\n')
    glossary = glossary_with(tmp_path, text)
    pca = glossary.by_slug["principal-component-analysis"]
    assert pca.code_names == ["sklearn.decomposition.PCA"] and "sklearn.decomposition.PCA" not in pca.code
    assert "EVD" in pca.related and "EVD" not in pca.names
    data = names_json(tmp_path, glossary, code_names=code_names_by_location, absent=lambda _: absent_names(glossary))
    row = next(r for r in data["pages"] if r[0].startswith("Principal"))
    assert row[5] == ["sklearn.decomposition.PCA"]
    assert all(r[5:6] in ([], [[]]) for r in data["pages"] if r is not row)
    assert data["absent"] == [["confusion matrix", WIKI], ["kNN", WIKI], ["k-nearest neighbors", WIKI]]


def test_a_reader_question_is_searched_in_a_field_of_its_own_and_never_shown(tmp_path):
    """kind question goes to the term's questions (search only), not its related words; no page shows it."""
    question = "How do I reduce the number of features while keeping most of the variance?"
    glossary = glossary_with(tmp_path, entry(name=question, kind="question"))
    pca = glossary.by_slug["principal-component-analysis"]
    assert pca.questions == [question] and question not in pca.related
    from mlterms.outputs.search_entries import questions_by_location, related_by_location
    rows = names_json(tmp_path, glossary, related=related_by_location, questions=questions_by_location)["pages"]
    row = next(r for r in rows if r[0].startswith("Principal"))
    assert row[6] == [question] and question not in row[3]  # names.json's own field for questions
    assert all(o.name != question for o in pca.other_names)



def test_a_library_message_is_searched_apart_from_every_name_and_never_shown(tmp_path):
    """kind message, sourced from the library's own repository, goes to names.json's top-level "messages"
    as [message, page number]: not a name, related word or question of the term, and no page shows it."""
    glossary = glossary_with(tmp_path, entry(name=MESSAGE, kind="message", community="scikit-learn",
                                             source=SKLEARN_FILE))
    pca = glossary.by_slug["principal-component-analysis"]
    assert pca.messages == [MESSAGE]
    assert MESSAGE not in pca.related + pca.questions and all(o.name != MESSAGE for o in pca.other_names)
    from mlterms.outputs.search_entries import messages_by_location, questions_by_location, related_by_location
    data = names_json(tmp_path, glossary, related=related_by_location, questions=questions_by_location,
                      messages=messages_by_location)
    number = next(n for n, r in enumerate(data["pages"]) if r[0].startswith("Principal"))
    assert data["messages"] == [[MESSAGE, number]]
    assert all(MESSAGE not in str(row) for row in data["pages"])
    assert MESSAGE not in render_term(pca, glossary, linkable_names(glossary))
