"""A 1,000-term synthetic notes file builds, stays navigable and keeps term pages small (not timed:
the figures are in `make bench`)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, run_build

pytestmark = pytest.mark.slow


def test_a_thousand_terms_build_with_small_pages_and_a_short_sidebar(tmp_path):
    import sys
    sys.path.insert(0, str(ROOT / "scripts"))
    from synthetic_notes import generate
    notes, curation = generate(1000, seed=1)
    (tmp_path / "notes.txt").write_text(notes, encoding="utf-8")
    (tmp_path / "curation.yml").write_text(curation, encoding="utf-8")
    # Without search by meaning and social cards (their cost at scale is `make bench`'s): 2,000 texts to
    # embed and 1,000 cards to draw took 3 of this build's 3.5 minutes on a fresh clone, and the pages
    # are what this test reads.
    result = run_build("--notes", str(tmp_path / "notes.txt"), "--site-dir", str(tmp_path / "site"),
                       env={"SOCIAL_CACHE_DIR": str(tmp_path / "cards"), "MLTERMS_MEANING": "off",
                            "MLTERMS_SOCIAL_CARDS": "false"})
    assert result.returncode == 0, result.stdout[-3000:]
    assert not (tmp_path / "site" / "search" / "meaning").exists()
    bootstrap = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "meaning" not in bootstrap["config"]["mlterms"]  # the worker never asks for a model
    terms = json.loads((tmp_path / "site" / "terms.json").read_text())
    assert len(terms) == 1000
    for term in terms:
        page = tmp_path / "site" / term["url"] / "index.html"
        html = page.read_text(encoding="utf-8")
        assert len(html.encode()) < 100 * 1024, term["slug"]
    sidebar = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.S).group(0)
    assert sidebar.count('class="md-nav__link') < 20
    letters = list((tmp_path / "site" / "az").glob("*/index.html"))
    assert len(letters) >= 10  # too many terms for one A–Z page: one page per letter
    az = "".join(p.read_text(encoding="utf-8") for p in letters)
    assert all(f'href="../../terms/{t["slug"]}/"' in az for t in terms)
    assert (tmp_path / "site" / "terms" / "index.html").stat().st_size < 100 * 1024
