"""Nothing lost: every non-blank line of the notes reaches the built site's text.

Compared on normalised text: list markers (•, "1.", "a.", "- ") are the
list's own numbering on the site, white space is collapsed, and the
curation file's spelling corrections are applied. The only lines allowed to
be missing are listed here, each with its reason.
"""

from __future__ import annotations

import re

from conftest import CURATION, NOTES
from mlterms.glossary.curate import apply_corrections
from mlterms.glossary.curation_file import load_curation
from mlterms.notes.lines import LIST_KINDS_MARK

EXCLUDED = {
    "Rating & reviews (0 reviews)": "app chrome: the export's rating widget, not part of the notes",
    "Study notes": "app chrome: the export's section label, not part of the notes",
}


def normalise(text: str) -> str:
    return " ".join(text.split())


def expected_text(line: str, corrections: dict[str, str]) -> str:
    return normalise(apply_corrections(LIST_KINDS_MARK.sub("", line.strip()), corrections))


def test_every_notes_line_is_on_its_own_terms_page_or_explicitly_excluded(page_texts):
    """Each term's own lines are checked on *its* page, not on the site as a whole.

    First sentences are repeated on the A–Z and tag pages, so a check against
    all pages joined together would pass while a term page lost a line. Lines
    that belong to no term (the document title, the resources list) must be
    on some page.
    """
    from mlterms.glossary.inputs import Inputs, load_glossary
    corrections = load_curation(CURATION).corrections
    glossary = load_glossary(Inputs.locate(), None)
    lines = NOTES.read_text(encoding="utf-8").splitlines()
    owner = {n: term.slug for term in glossary.terms for n in term.source_lines}
    site = "\n".join(page_texts.values())
    missing = []
    seen_excluded = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if line.strip() in EXCLUDED:
            seen_excluded.add(line.strip())
            assert line.strip() not in site.split("\n"), f"excluded line {number} is on the site after all"
            continue
        slug = owner.get(number)
        where = page_texts.get(f"terms/{slug}/index.html", "") if slug else site
        if expected_text(line, corrections) not in where:
            missing.append(f"{number} ({'terms/' + slug if slug else 'any page'}): {line.strip()}")
    assert not missing, "notes lines missing from their pages:\n" + "\n".join(missing)
    assert seen_excluded == set(EXCLUDED), "the exclusion list names lines the notes no longer have"
    assert len(owner) > 0.9 * sum(1 for ln in lines if ln.strip())  # the per-page check covers nearly every line


def test_the_build_reports_exactly_the_excluded_lines(built_site):
    import json
    report = json.loads((built_site / "build-report.json").read_text())
    assert sorted(x["text"] for x in report["excluded"]) == sorted(EXCLUDED)
    assert all(x["reason"] for x in report["excluded"])


def test_list_marker_pattern_strips_only_markers():
    assert LIST_KINDS_MARK.sub("", "1. Register a trained model.") == "Register a trained model."
    assert LIST_KINDS_MARK.sub("", "• %python") == "%python"
    assert LIST_KINDS_MARK.sub("", "a. a script configuration") == "a script configuration"
    assert LIST_KINDS_MARK.sub("", "- A baseline dataset") == "A baseline dataset"
    assert LIST_KINDS_MARK.sub("", "->HorovodRunner is") == "->HorovodRunner is"
    assert re.sub(r"\s+", " ", "a\u202fb") == "a b"
