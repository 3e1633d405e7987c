"""The curation layer: defaults for uncurated terms, merges, and errors that name the curation line."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import run_build
from mlterms.glossary.curate import curate
from mlterms.glossary.curation_file import check_curation, empty, load_curation
from mlterms.errors import CurationError
from mlterms.notes.parse import parse

NOTES = textwrap.dedent("""\
    Principal Component Analysis (PCA)
    Translate the N-dimensional feature values into two-dimensional coordinates.

    Model explainers
    Use statistical techniques to calculate feature importance.

    MimicExplainer
    Model explainers
    An explainer that creates a global surrogate model.

    Model explainers
    A Permutation Feature Importance explainer.

    Pecentile
    Give you a number that describes the value.

    Percentile rank
    A rank.
    """)


def write(tmp_path, text: str):
    path = tmp_path / "curation.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def glossary_for(tmp_path, curation_text: str, tags=("statistics", "explainability")):
    cur = load_curation(write(tmp_path, curation_text))
    return curate(parse(NOTES, cur.rules), cur, list(tags))


def test_uncurated_terms_get_default_slug_title_abbreviation_alias_and_untagged_warning():
    glossary = curate(parse(NOTES), empty(), ["statistics"])
    pca = glossary.by_slug["principal-component-analysis"]
    assert pca.title == "Principal Component Analysis (PCA)" and pca.aliases == ["PCA"]
    assert any("has no tags" in w.message and w.line == 1 for w in glossary.warnings)


def test_same_title_twice_is_one_term_with_both_texts():
    glossary = curate(parse(NOTES), empty(), None)
    explainers = glossary.by_slug["model-explainers"]
    assert [d.entry.first_line for d in explainers.definitions] == [4, 11]


def test_shared_second_line_naming_a_term_becomes_linked_context():
    glossary = curate(parse(NOTES), empty(), None)
    mimic = glossary.by_slug["mimicexplainer"]
    assert mimic.context.text == "Model explainers" and mimic.context.parts == [("Model explainers", "model-explainers")]
    assert [ln.stripped for ln in mimic.definitions[0].lines] == ["An explainer that creates a global surrogate model."]


def test_curated_title_slug_tags_and_notes_title_kept(tmp_path):
    glossary = glossary_for(tmp_path, """\
        terms:
          Pecentile: {title: Percentile, slug: percentile, tags: [statistics], aliases: [percentiles]}
        """)
    term = glossary.by_slug["percentile"]
    assert (term.title, term.tags, term.notes_titles) == ("Percentile", ["statistics"], ["Pecentile"])
    assert "percentiles" in term.names and "Pecentile" in term.names


def test_merge_into_folds_a_near_duplicate(tmp_path):
    glossary = glossary_for(tmp_path, """\
        terms:
          Percentile rank: {merge_into: pecentile}
        """)
    assert [d.entry.first_line for d in glossary.by_slug["pecentile"].definitions] == [14, 17]
    assert "percentile-rank" not in glossary.by_slug


def test_related_words_reach_the_term_but_never_its_names(tmp_path):
    glossary = glossary_for(tmp_path, """\
        terms:
          Pecentile: {title: Percentile, slug: pecentile, aliases: [centile], related: [quantile, quartile]}
          Percentile rank: {merge_into: pecentile, related: [rank, quartile]}
        """)
    term = glossary.by_slug["pecentile"]
    assert term.related == ["quantile", "quartile", "rank"]
    assert "centile" in term.names and not {"quantile", "quartile", "rank"} & set(term.names)


@pytest.mark.parametrize("curation_text, line, fragment", [
    ("terms:\n  Percentile: {tags: [statistics]}\n", 2, "no entry titled 'Percentile'"),
    ("terms:\n  Pecentile:\n    tags: [statistcs]\n", 3, "unknown tag 'statistcs'"),
    ("terms:\n  Pecentile: {tag: [statistics]}\n", 2, "unknown setting 'tag'"),
    ("terms:\n  Pecentile: {slug: model-explainers}\n", 2, "two terms get the slug 'model-explainers'"),
    ("terms:\n  Pecentile: {merge_into: nothing-here}\n", 2, "merge_into names no term"),
    ("terms:\n  Pecentile: {see_also: [nothing-here]}\n", 2, "see_also of 'Pecentile' names no term"),
    ("terms:\n  Pecentile: {tags: statistics}\n", 2, "must be a list of strings"),
    ("terms:\n  Pecentile: {}\n  Pecentile: {}\n", 3, "duplicate key"),
    ("terms:\n  Pecentile: {tags: [statistics]\n", 3, "not valid YAML"),
    ("termz: {}\n", 1, "unknown top-level key"),
    ("terms:\n  Pecentile:\n    tags: [statistics]\n    related: quantile\n", 4, "must be a list of strings"),
    ("terms:\n  Pecentile:\n    related: [quantile, '  ']\n", 3, "'related' of 'Pecentile' has an empty entry"),
    ("terms:\n  Pecentile:\n    aliases: [centile, quantile]\n    related: [quantile]\n", 4,
     "'quantile' of 'Pecentile' is both an alias and a related word"),
])
def test_curation_faults_name_the_curation_line(tmp_path, curation_text, line, fragment):
    with pytest.raises(CurationError) as err:
        glossary_for(tmp_path, curation_text)
    problem = next(p for p in err.value.problems if fragment in p.message)
    assert problem.path.endswith("curation.yml") and problem.line == line
    assert problem.hint


def test_two_titles_with_one_slug_fail_without_curation():
    with pytest.raises(CurationError, match="two terms get the slug 'c'"):
        curate(parse("C++\nA language.\n\nC\nAnother language.\n"), empty(), None)


def test_bad_curation_fails_the_build_naming_file_and_line(tmp_path):
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    write(tmp_path, "terms:\n  Pecentile: {tags: [no-such-tag]}\n")
    result = run_build("--notes", str(tmp_path / "notes.txt"), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert f"{tmp_path / 'curation.yml'}:2: error: unknown tag 'no-such-tag'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_shape_errors_are_all_reported_at_once():
    with pytest.raises(CurationError) as err:
        check_curation({"terms": {"A": {"tags": "x"}}, "bogus": 1}, "c.yml")
    assert len(err.value.problems) == 2


def test_notes_without_curation_build_with_default_pages(tmp_path):
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    result = run_build("--notes", str(tmp_path / "notes.txt"), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout
    assert "has no tags" in result.stdout
    slugs = {t["slug"] for t in json.loads((tmp_path / "site" / "terms.json").read_text())}
    assert slugs == {"principal-component-analysis", "model-explainers", "mimicexplainer", "pecentile",
                     "percentile-rank"}


def test_summary_of_an_inline_title_is_its_definition_not_its_title():
    from mlterms.notes.parse import EntryStart, ParseRules
    rules = ParseRules(entry_starts=(EntryStart("k-fold cross-validation"),))
    notes = parse("Tuning\nSome words about tuning models here.\n"
                  "k-fold cross-validation A model is trained on k-1 folds. Then scored.\n", rules)
    glossary = curate(notes, empty(), None)
    assert glossary.by_slug["k-fold-cross-validation"].summary == "A model is trained on k-1 folds."
