"""The term record: built once per build, and every output reads its facts from it."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from mlterms.glossary.inputs import Inputs, load_glossary
from mlterms.record import UNTAGGED, assemble, records_of, search_key
from mlterms.glossary.search_words import words
from mlterms.outputs.siteconfig import tags_allowed

from conftest import ROOT


def test_the_records_are_built_once_per_build_and_never_inside_mkdocs(build_report, built_site):
    assert build_report["counts"]["records_built"] == 1
    hook = json.loads((built_site / "build-report.json").read_text(encoding="utf-8"))
    assert hook["assembled_in_mkdocs"] == 0  # the hook used what build.py handed over


def test_a_record_carries_what_every_output_needs():
    glossary = load_glossary(Inputs.locate(), tags_allowed(ROOT / "mkdocs.yml"))
    build = assemble(Inputs.locate(), glossary)
    kmeans = build.by_slug["k-means-clustering"]
    assert kmeans.url == "terms/k-means-clustering/"
    assert kmeans.names[0].kind == "title" and kmeans.names[0].text == kmeans.title
    assert all(n.key == " ".join(words(n.text)) for n in kmeans.names)
    assert kmeans.main_tag == kmeans.tags[0]
    assert kmeans.sort_key == (kmeans.title.casefold(), kmeans.slug)
    assert kmeans.notes_text and "\n\n" not in kmeans.notes_text
    # the link graph both ways: a term it links to lists it under "Mentioned in"
    source = next(r for r in build.records if r.neighbours.links_to)
    for target in source.neighbours.links_to:
        assert source.slug in build.by_slug[target].neighbours.mentioned_in
    # snippets and plots come from the examples, not from a field the hook fills in later
    assert any(r.snippets for r in build.records) and any(r.plot for r in build.records)
    assert all(p.startswith("snippets/") for r in build.records for p in r.snippets)
    # the handover to the MkDocs process keeps every record
    again = pickle.loads(pickle.dumps(build))
    assert again.records == build.records


def test_records_of_a_glossary_without_tags_links_or_history():
    from mlterms.glossary.curation_file import empty
    from mlterms.glossary.curate import curate
    from mlterms.notes.parse import parse
    notes = "Alpha Term\nThe first definition.\n\nBeta term\nMentions alpha term.\n"
    glossary = curate(parse(notes, empty().rules), empty(), None)
    records = records_of(glossary, links={})
    assert [r.main_tag for r in records] == [UNTAGGED, UNTAGGED]
    assert all(r.neighbours.mentioned_in == () for r in records)
    assert records[0].date.unknown  # no history read: the date says so, it is never invented
    assert search_key("Regularisation") == search_key("regularization")


def test_an_api_path_gives_its_parameters_and_fitted_attributes():
    """What a reader pastes from an API page (KMeans's n_init, its inertia_) names the term whose api
    or crosswalk code path it is; a path of a library the build does not introspect gives nothing, and
    scikit-learn's experimental estimators (IterativeImputer) are read after their enable_ import, in
    every build alike."""
    from mlterms.glossary.code_index import api_parameters
    kmeans = api_parameters("sklearn.cluster.KMeans")
    assert {"n_clusters", "n_init", "inertia_", "labels_"} <= set(kmeans) and "self" not in kmeans
    assert "stratify" in api_parameters("sklearn.model_selection.train_test_split")
    assert api_parameters("azure.ai.ml.MLClient") == [] and api_parameters("sklearn.no_such.Thing") == []
    assert {"estimator", "max_iter"} <= set(api_parameters("sklearn.impute.IterativeImputer"))


def test_api_parameters_are_kept_for_the_same_library_versions_only(tmp_path):
    """A build keeps what it read from the libraries (API paths only, not snippet files) and the next
    build reads it back, unless a library's version changed or the file is damaged."""
    from mlterms.glossary.code_index import load_api_cache, save_api_cache
    save_api_cache(tmp_path, {"sklearn.cluster.KMeans": ["n_init", "inertia_"], Path("snippets/x.py"): ["fit"]})
    assert load_api_cache(tmp_path) == {"sklearn.cluster.KMeans": ["n_init", "inertia_"]}
    data = json.loads((tmp_path / "api-parameters.json").read_text(encoding="utf-8"))
    data["libraries"]["scikit-learn"] = "0.0.1"
    (tmp_path / "api-parameters.json").write_text(json.dumps(data), encoding="utf-8")
    assert load_api_cache(tmp_path) == {}
    (tmp_path / "api-parameters.json").write_text("{not json", encoding="utf-8")
    assert load_api_cache(tmp_path) == {}
    assert [p.name for p in tmp_path.iterdir()] == ["api-parameters.json"]  # no temporary file left
