"""`make serve` keeps per-term work between rebuilds (mlterms.memo): it must never serve a stale page.

The real pipeline on our notes (a copy of the curation and definitions files,
edited here), without MkDocs: a rebuild with the session's memo must give the
very pages a fresh build gives. The served site is checked in test_serve.py.
"""

from __future__ import annotations

import dataclasses
import inspect
import shutil
import sys

import pytest

from conftest import ROOT
from mlterms import record
from mlterms.glossary.inputs import Inputs, load_glossary
from mlterms.glossary.links import linkable_names
from mlterms.memo import Memo
from mlterms.outputs.site_pages import SiteSettings, build_pages, shown_terms, term_context
from mlterms.outputs.siteconfig import tags_allowed
from mlterms.outputs.term_page import render_term

sys.path.insert(0, str(ROOT / "scripts"))
from serve_session import edit_summary  # noqa: E402

SETTINGS = SiteSettings(site_url="http://127.0.0.1:8000/", edit_url="https://example.org/notes.txt")
EDITED, LISTS_IT = "agglomerative-method", "divisive-method"  # divisive method lists it under "Related terms"


@pytest.fixture
def inputs(tmp_path) -> Inputs:
    for name in ("curation.yml", "definitions.yml", "crosswalk.yml"):
        shutil.copy(ROOT / "notes" / name, tmp_path / name)
    return Inputs(Inputs.locate().notes, tmp_path / "curation.yml", tmp_path / "definitions.yml",
                  tmp_path / "crosswalk.yml")


def pages_of(inputs: Inputs, memo: Memo | None) -> dict[str, str]:
    glossary = load_glossary(inputs, tags_allowed(ROOT / "mkdocs.yml"))
    return build_pages(record.assemble(inputs, glossary, memo), SETTINGS, memo)


def test_a_rebuild_with_the_memo_gives_the_pages_a_fresh_build_gives(inputs):
    memo = Memo()
    first = pages_of(inputs, memo)
    assert memo.computed["pages"] == len([p for p in first if p.startswith("terms/")]) - 1  # all but the index
    edit_summary(inputs.definitions, EDITED, "Quokkaword")
    again = pages_of(inputs, memo)
    assert again == pages_of(inputs, None)
    assert "Quokkaword" in again[f"terms/{LISTS_IT}.md"]  # a neighbour that lists the term shows its summary
    assert 1 < memo.computed["pages"] < 20, "only the term and the pages that show it are rendered again"
    # a new alias is a new autolinked name: every page may link it, so every page is rendered again
    curation = inputs.curation.read_text(encoding="utf-8")
    anchor = "agglomerative method: {title: Agglomerative method, tags: [clustering], aliases: ["
    assert curation.count(anchor) == 1
    inputs.curation.write_text(curation.replace(anchor, anchor + "quokka merging, "), encoding="utf-8")
    assert pages_of(inputs, memo) == pages_of(inputs, None)
    assert memo.computed["links"] == len(memo.terms)


class _Reads(dict):
    """A glossary's ``by_slug`` that notes every term read from it."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.read: set[str] = set()

    def __getitem__(self, slug: str):
        self.read.add(slug)
        return super().__getitem__(slug)

    def get(self, slug: str, default=None):
        self.read.add(slug)
        return super().get(slug, default)


def test_a_term_page_reads_no_other_term_than_those_its_memo_key_names():
    """The memo key of a term page digests the terms ``shown_terms`` names: rendering the page must
    read no other (else an edit to that term would leave the page stale)."""
    inputs = Inputs.locate()
    build = record.assemble(inputs, load_glossary(inputs, tags_allowed(ROOT / "mkdocs.yml")))
    names = linkable_names(build.glossary)
    unnamed = {}
    for rec in build.records:
        watched = dataclasses.replace(build.glossary)
        watched.by_slug = _Reads(build.glossary.by_slug)
        render_term(rec.term, watched, names, term_context(rec, build, SETTINGS))
        if extra := watched.by_slug.read - set(shown_terms(rec)) - {rec.slug}:
            unnamed[rec.slug] = sorted(extra)
    assert unnamed == {}
    assert any(rec.neighbours.mentioned_in and rec.neighbours.related and rec.term.compare for rec in build.records)


def test_the_quiz_near_duplicates_after_an_edit_are_those_a_fresh_build_finds():
    """``study_cards.avoid`` with the memo compares again only the terms whose looks changed: a pair an
    edit makes, and a pair it undoes, show as a fresh build shows them."""
    from mlterms.outputs import study_cards
    inputs = Inputs.locate()
    glossary = load_glossary(inputs, tags_allowed(ROOT / "mkdocs.yml"))
    memo = Memo()
    study_cards.avoid(glossary, memo)
    one, other = glossary.by_slug["k-means-clustering"], glossary.by_slug["outlier"]
    assert other.slug not in study_cards.avoid(glossary)[one.slug]
    summary = one.summary
    one.summary = other.summary  # now they say the same
    assert other.slug in study_cards.avoid(glossary, memo)[one.slug]
    one.summary = summary
    assert study_cards.avoid(glossary, memo) == study_cards.avoid(glossary)
    assert other.slug not in study_cards.avoid(glossary, memo)[one.slug]


def _held(value, seen: set[int]) -> list:
    """Every dataclass instance ``value`` holds, itself included (lists, tuples, dicts walked)."""
    if id(value) in seen:
        return []
    seen.add(id(value))
    if dataclasses.is_dataclass(value):
        return [value] + [v for f in dataclasses.fields(value) for v in _held(getattr(value, f.name), seen)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for item in value for v in _held(item, seen)]
    if isinstance(value, dict):
        return [v for pair in value.items() for item in pair for v in _held(item, seen)]
    return []


def test_a_term_spells_out_every_field_it_holds_in_its_repr():
    """The memo keys a term by the digest of its ``repr``: a field left out of it (``repr=False``, a
    ``__repr__`` of its own) would let an edit to that field serve a stale page."""
    inputs = Inputs.locate()
    build = record.assemble(inputs, load_glossary(inputs, tags_allowed(ROOT / "mkdocs.yml")))
    seen: set[int] = set()
    held = [v for rec in build.records for v in _held(rec.term, seen)]
    kinds = {type(v) for v in held}
    assert {"Term", "Definition", "Entry", "Line", "Link"} <= {k.__name__ for k in kinds}
    hidden = [f"{k.__name__}.{f.name}" for k in kinds for f in dataclasses.fields(k) if not f.repr]
    own = [k.__name__ for k in kinds if not k.__dataclass_params__.repr  # the generated repr is exec'd "<string>"
           or inspect.unwrap(vars(k)["__repr__"]).__code__.co_filename != "<string>"]
    assert hidden == [] and own == []
