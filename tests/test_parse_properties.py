"""Properties of the parser for any text (Hypothesis): it never crashes, loses or duplicates a line,
is deterministic, and ignores CRLF, a BOM, tabs and trailing spaces."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlterms.errors import NotesError
from mlterms.notes.parse import EntryStart, ParseRules, parse
from mlterms.notes.source import decode_notes

LINES = st.sampled_from([
    "", "", "Outlier", "Principal Component Analysis (PCA)", "k-fold cross-validation A model is trained.",
    "A data point that is noticeably different from the rest of the data.", "Training DNN model",
    "• a bullet", "  • nested bullet", "    • deeper", "1. first step", "a. lettered", "- dash item",
    "Example:", "x = model.predict_proba(X)", "[[0.81651727 0.18348273]", "...", "#areaperimeter",
    "S M L", "1 0 0", "https://example.org/a", "Main resources", "Rating & reviews (0 reviews)", "Study notes",
    "<script>alert(1)</script>", "{{ x }}", '--8<-- "/etc/hostname"', "Private\u202fLink\u202fService",
    "log: Record a single named value.", "threshold", "argparse",
])
TEXT = st.lists(st.one_of(LINES, st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)),
                max_size=40).map("\n".join)
RULES = ParseRules(entry_starts=(EntryStart("k-fold cross-validation"), EntryStart("a data", "Untitled X")),
                   joined_titles=(("Hyperparameter", "search space"),))


def placements(notes) -> dict[int, list[str]]:
    """Line number -> where the parser put it (a line may be title and body of the *same* entry)."""
    where: dict[int, list[str]] = {}
    for i, entry in enumerate(notes.entries):
        for n in set(entry.title_lines) | {ln.number for ln in entry.body if not ln.is_blank}:
            where.setdefault(n, []).append(f"entry {i}")
    for line in notes.resources:
        where.setdefault(line.number, []).append("resources")
    for extra, name in [(notes.resources_heading, "resources heading"), (notes.document_title, "document title")]:
        if extra is not None:
            where.setdefault(extra.number, []).append(name)
    for excluded in notes.excluded:
        where.setdefault(excluded.line.number, []).append("excluded")
    return where


def shape(notes):
    return ([(e.title, e.title_lines, [(ln.number, ln.text, ln.lead) for ln in e.body]) for e in notes.entries],
            [(r.number, r.text) for r in notes.resources], [(x.line.number, x.reason) for x in notes.excluded],
            notes.document_title)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_every_nonblank_line_lands_in_exactly_one_place(text):
    notes = parse(text, RULES)
    where = placements(notes)
    nonblank = {n for n, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1) if line.strip()}
    assert set(where) == nonblank
    assert all(len(places) == 1 for places in where.values()), where


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_parsing_is_deterministic(text):
    assert shape(parse(text, RULES)) == shape(parse(text, RULES))


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_crlf_bom_tabs_and_trailing_spaces_change_nothing(text):
    lines = re.split(r"\r\n|\r|\n", text)
    messy = "\ufeff" + "\r\n".join(
        ("\t" + line[2:] if line.startswith("  ") else line) + ("  " if line.strip() else "") for line in lines)
    assert shape(parse(messy, RULES)) == shape(parse(text, RULES))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_raise_the_documented_error(data):
    try:
        text = decode_notes(data, __import__("pathlib").Path("notes.txt"))
    except NotesError as exc:
        assert exc.problems and exc.problems[0].hint
        return
    parse(text)
