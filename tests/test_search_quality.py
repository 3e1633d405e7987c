"""The scorer of the query set: `also`, `expect: none` and the four reader kinds, each counted on its own."""

from __future__ import annotations

import sys

import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import search_quality as sq  # noqa: E402

ALL = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))


def test_a_compare_query_is_answered_by_either_page_and_none_by_the_no_term_marker():
    vs = {"query": "bagging vs boosting", "expect": "bagging", "also": ["boosting"], "kind": "learner-question"}
    knn = {"query": "knn", "expect": "none", "kind": "mistake"}
    results = [(vs, ["boosting", "bagging"]), (knn, ["none", "smote"]), (knn, ["smote", "none"])]
    assert sq.hits(results) == (2, 3)
    assert sq.by_kind(results) == {"learner-question": (1, 1, 1), "mistake": (2, 1, 2)}


def test_every_result_keeps_its_place_and_a_link_off_the_site_is_no_term():
    """A "no term" answer above the real one costs hit@1, and so does a walkthrough: nothing is dropped."""
    locations = ["https://scikit-learn.org/stable/search.html?q=knn", "walkthroughs/clustering/",
                 "terms/smote/", "terms/bagging/#compare-with"]
    assert sq.ranked_slugs(locations) == ["none", "page:walkthroughs/clustering/", "smote", "bagging"]
    knn = {"query": "elbow method", "expect": "within-cluster-sum-of-squares", "kind": "other-name"}
    assert sq.hits([(knn, sq.ranked_slugs(["https://x", "terms/within-cluster-sum-of-squares/"]))]) == (0, 1)


def test_the_reader_set_has_every_kind_with_sources_and_keeps_the_earlier_set():
    earlier, reader = sq.split_sets(ALL)
    assert len(earlier) == 132 and len(reader) >= 100  # 130, and the two table queries of issue 18 (cnn, horovod runner)
    counts = {kind: sum(1 for q in reader if q["kind"] == kind) for kind in sq.READER_KINDS}
    assert min(counts.values()) >= 25, counts
    assert all(q.get("source", "").startswith(("http://", "https://")) for q in reader)
    assert len({q["query"] for q in reader}) == len(reader)
