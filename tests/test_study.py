"""Study aids: the Anki deck (read back from the .apkg, GUIDs stable across a rebuild with a changed
definition) and the printable glossary (printed to PDF by headless Chromium)."""

from __future__ import annotations

import io
import shutil
import sqlite3
import zipfile

import pytest
import yaml

from conftest import ROOT, run_build


def _deck(apkg) -> dict[str, list[str]]:
    """GUID -> fields of every note in an .apkg (a zip holding an SQLite database)."""
    with zipfile.ZipFile(apkg) as archive, io.BytesIO(archive.read("collection.anki2")) as data:
        path = apkg.with_suffix(".anki2")
        path.write_bytes(data.getvalue())
    with sqlite3.connect(path) as db:
        rows = db.execute("select guid, flds, tags from notes").fetchall()
    from mlterms.outputs.deck import FIELDS  # the term notes (the cloze notes have Anki's two cloze fields)
    return {guid: [*fields.split("\x1f"), tags.strip()] for guid, fields, tags in rows
            if fields.count("\x1f") == len(FIELDS) - 1}


def test_the_anki_deck_has_a_note_per_term_and_stable_guids(built_site, site_port, tmp_path):
    """The session's build of our notes, then a build with one definition changed (its own definitions
    file, for the same notes and the same site URL): the same notes, by GUID, with the new text."""
    first = tmp_path / "first.apkg"  # read in tmp_path: the shared site is only read, never written
    shutil.copy(built_site / "study" / "ml-terms.apkg", first)
    deck = _deck(first)
    definitions = (ROOT / "notes" / "definitions.yml").read_text(encoding="utf-8")
    terms = yaml.safe_load(definitions)["terms"]
    assert len(deck) == len(terms) >= 180
    by_title = {fields[0]: (guid, fields) for guid, fields in deck.items()}
    guid, fields = by_title["Covariance"]
    assert fields[1] == terms["covariance"]["summary"] and "terms/covariance/" in fields[6]
    assert fields[7] == "statistics"  # the term's tags are Anki tags
    # Change one definition and build again: the same notes, by GUID, with the new text.
    changed = tmp_path / "definitions.yml"
    changed.write_text(definitions.replace(terms["covariance"]["summary"],
                                           "A measure of how two variables change together."), encoding="utf-8")
    second = tmp_path / "second"
    result = run_build("--definitions", str(changed), "--site-dir", str(second),
                       env={"SITE_URL": f"http://127.0.0.1:{site_port}/"})
    assert result.returncode == 0, result.stdout
    again = _deck(second / "study" / "ml-terms.apkg")
    assert set(again) == set(deck)
    assert again[guid][1] == "A measure of how two variables change together."


@pytest.mark.browser
def test_the_printable_glossary_prints_every_term_without_the_site_chrome(browser, served_site, site_terms, tmp_path):
    from pypdf import PdfReader
    page = browser.new_page()
    page.goto(served_site + "print/")
    assert page.locator(".print-meta a[href$='terms/covariance/']").count() == 1  # a real link, printed as its URL
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    pdf = tmp_path / "glossary.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    page.close()
    reader = PdfReader(str(pdf))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert 20 <= len(reader.pages) <= 200
    missing = [t["title"] for t in site_terms if " ".join(t["title"].split()) not in text]
    assert missing == []
    assert "/terms/covariance/" in text  # links are printed as URLs
