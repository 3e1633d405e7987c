"""The Anki deck, imported with the official `anki` package into a real collection.

`anki` is not in requirements.lock (changing the lock changes the snippet cache
keys), so the fixture installs it, pinned, into a venv of its own under .cache/
and tests/data/anki_import.py runs there: it imports the .apkg files and prints
what Anki holds (fields, rendered questions and answers, search counts) as JSON.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from mlterms.outputs import card_text, deck
from mlterms.glossary.inputs import Inputs, load_glossary
from mlterms.record import records_of

ANKI_REQUIREMENTS = ROOT / "tests" / "data" / "anki-requirements.txt"  # anki==26.9.3 and its needs, pinned
ANKI_VENV = ROOT / ".cache" / f"anki-venv-{hashlib.sha256(ANKI_REQUIREMENTS.read_bytes()).hexdigest()[:12]}"
IMPORT_SCRIPT = Path(__file__).parent / "data" / "anki_import.py"
SITE_URL = "https://example.org/glossary/"


@pytest.fixture(scope="session")
def anki_python() -> Path:
    """Python of a venv holding the pinned official `anki` package (created once, kept in .cache/)."""
    python = ANKI_VENV / "bin" / "python"
    if not python.exists():
        shutil.rmtree(ANKI_VENV, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(ANKI_VENV)], check=True)
        done = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "-r", str(ANKI_REQUIREMENTS)],
                              capture_output=True, text=True)
        assert done.returncode == 0, f"could not install {ANKI_REQUIREMENTS.name}:\n{done.stderr[-2000:]}"
    return python


def write_deck(glossary, path: Path) -> None:
    """The deck of ``glossary`` as the build writes it (from its records; no link graph needed)."""
    deck.write(records_of(glossary, links={}), glossary.corrections, SITE_URL, path)


def import_into_anki(anki_python: Path, tmp_path: Path, packages: list[Path], searches=()) -> dict:
    collection = tmp_path / f"collection-{len(list(tmp_path.glob('collection-*')))}.anki2"
    done = subprocess.run([str(anki_python), str(IMPORT_SCRIPT), str(collection), json.dumps(list(searches)),
                           *map(str, packages)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(Inputs.locate(), None)


@pytest.fixture(scope="module")
def imported(glossary, anki_python, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("deck")
    write_deck(glossary, tmp / "ml-terms.apkg")
    return import_into_anki(anki_python, tmp, [tmp / "ml-terms.apkg"], ["model's", "model&#x27;s"])


def _plain(fragment: str) -> str:
    """A card's text as a reader sees it: no style, no tags, entities read, spaces collapsed."""
    text = html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", fragment, flags=re.S))
    return re.sub(r"\s+", " ", text).replace(" :", ":").replace(" ,", ",").replace(" .", ".")


def _term_notes(imported: dict) -> dict[str, dict]:
    return {n["fields"]["Term"]: n for n in imported["notes"] if n["notetype"] == "ML Terms term"}


def test_anki_finds_a_word_with_an_apostrophe_and_fields_keep_quotes_as_characters(imported, glossary):
    expected = [t for t in glossary.terms if "model's" in t.summary]
    assert expected, "the notes no longer have a definition with model's: pick another word"
    assert imported["search"]["model's"] >= len(expected)
    assert imported["search"]["model&#x27;s"] == 0
    for note in imported["notes"]:
        for name, value in note["fields"].items():
            for entity in ("&#x27;", "&#39;", "&quot;", "&#34;"):
                assert entity not in value, (note["fields"].get("Term"), name, value[:200])


def test_every_term_and_every_editors_note_is_in_the_deck_with_lists_and_code_as_html(imported, glossary):
    notes = _term_notes(imported)
    assert set(notes) == {html.escape(t.title, quote=False) for t in glossary.terms}
    with_note = [t for t in glossary.terms if t.note]
    assert len(with_note) >= 40
    for term in with_note:
        field = notes[html.escape(term.title, quote=False)]["fields"]["Editor's note"]
        assert html.unescape(_plain(field)).count(term.note) == 1, term.slug
        if term.note_source:
            assert f'href="{term.note_source}"' in field
        answer = _plain(notes[html.escape(term.title, quote=False)]["cards"][0]["answer"])
        assert term.note in answer  # shown on the card, not only stored
    fields = [n["fields"]["Notes"] for n in notes.values()]
    assert sum("<li>" in f for f in fields) >= 20 and sum("<pre" in f for f in fields) >= 3
    for f in fields:  # list markers are the list's, not literal text
        assert not re.search(r"(^|<p>|<li>)\s*(•|- |\d{1,2}\. )", f), f[:300]
        assert "<br>" not in f
    link = notes["Covariance"]["fields"]["Link"]
    assert f'href="{SITE_URL}terms/covariance/"' in link


def test_no_reverse_card_names_its_own_answer(imported, glossary):
    notes = _term_notes(imported)
    checked = 0
    for term in glossary.terms:
        [reverse] = [c for c in notes[html.escape(term.title, quote=False)]["cards"]
                     if c["template"] == "Definition → term"]
        question = _plain(reverse["question"])
        assert "Which term?" in question
        for name in card_text.own_names(term):  # the one rule the web's reverse card uses too
            assert not re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", question, re.IGNORECASE), \
                (term.title, name, question[-300:])
        checked += 1
    assert checked == len(glossary.terms)
    assert "____" in _plain(notes["fit()"]["cards"][1]["question"])


def test_cloze_notes_use_ankis_own_cloze_type_and_hide_a_phrase_of_the_definition(imported, glossary):
    clozes = [n for n in imported["notes"] if n["kind"] == 1]  # Anki's cloze kind of note type
    assert len(clozes) >= 0.9 * len(glossary.terms)
    by_title = {html.unescape(re.match(r"<b>(.*?)</b>", n["fields"]["Text"]).group(1)): n for n in clozes}
    for term in glossary.terms:
        note = by_title.get(term.title)
        if note is None:
            continue
        [card] = note["cards"]
        hidden = re.search(r"\{\{c1::(.*?)\}\}", note["fields"]["Text"]).group(1)
        assert html.unescape(hidden) == card_text.cloze(term)[1]  # the phrase the web's cloze card hides
        assert 1 <= len(hidden.split()) <= 7
        assert "[...]" in _plain(card["question"]) and html.unescape(hidden) not in _plain(card["question"]).replace(
            term.summary, "")
        squeeze = "".join  # the cloze's own tags leave spaces around the phrase: compare without spaces
        assert squeeze(term.summary.split()) in squeeze(_plain(card["answer"]).split())  # the whole definition


def test_a_renamed_term_keeps_its_guid_and_reimporting_updates_its_cards(glossary, anki_python, tmp_path):
    """Covariance is renamed to covariance-measure (old_slugs: [covariance]); importing the old deck,
    then the new one, into one collection leaves one note per term, with the same GUID and the new link."""
    write_deck(glossary, tmp_path / "before.apkg")
    notes = tmp_path / "notes"
    shutil.copytree(ROOT / "notes", notes)
    curation = notes / "curation.yml"
    curation.write_text(curation.read_text(encoding="utf-8").replace(
        "  Covariance: {tags: [statistics]}",
        "  Covariance: {slug: covariance-measure, old_slugs: [covariance], tags: [statistics]}"), encoding="utf-8")
    definitions = notes / "definitions.yml"
    text = definitions.read_text(encoding="utf-8")
    definitions.write_text(text.replace("\n  covariance:\n", "\n  covariance-measure:\n")
                           .replace("  - covariance\n", "  - covariance-measure\n"), encoding="utf-8")
    renamed = load_glossary(Inputs(notes / "ml-terms.txt", curation, definitions), None)
    assert "covariance-measure" in renamed.by_slug and "covariance" not in renamed.by_slug
    time.sleep(1.1)  # Anki updates a note on import only if it is newer (genanki stamps notes by the second)
    write_deck(renamed, tmp_path / "after.apkg")
    before = import_into_anki(anki_python, tmp_path, [tmp_path / "before.apkg"])
    both = import_into_anki(anki_python, tmp_path, [tmp_path / "before.apkg", tmp_path / "after.apkg"])
    assert len(both["notes"]) == len(before["notes"])
    assert both["card_count"] == before["card_count"]
    [old] = [n for n in before["notes"] if n["fields"].get("Term") == "Covariance"]
    [new] = [n for n in both["notes"] if n["fields"].get("Term") == "Covariance"]
    assert new["guid"] == old["guid"]
    assert "terms/covariance-measure/" in new["fields"]["Link"]


def test_a_terms_lifecycle_badge_is_on_its_cards_and_on_print():
    """The lifecycle fields (as definitions.apply_definitions sets them) as the badge:
    "Deprecated since 1 September 2025 · replaced by <title>", with its source, on both cards and /print/."""
    from mlterms.outputs.study import render_print
    fresh = load_glossary(Inputs.locate(), None)
    term = fresh.by_slug["covariance"]
    term.status, term.status_since, term.replaced_by = "deprecated", "2025-09-01", "percentile"
    term.replaced_by_name = "Percentile"  # the title of the term replaced_by names
    term.status_source = "https://example.org/deprecations"
    [record] = [r for r in records_of(fresh, links={}) if r.slug == "covariance"]
    status = deck.term_fields(record, fresh.corrections, SITE_URL)[deck.FIELDS.index("Status")]
    assert "Deprecated since 1 September 2025 · replaced by Percentile" in status
    assert 'href="https://example.org/deprecations"' in status
    for template in deck.term_model().templates:
        assert "{{Status}}" in template["qfmt"] + template["afmt"]
    page = render_print(fresh)
    section = page[page.index("{ #covariance }"):page.index("</section>", page.index("{ #covariance }"))]
    assert "Deprecated since 1 September 2025 · replaced by Percentile" in section
    [percentile] = [r for r in records_of(fresh, links={}) if r.slug == "percentile"]
    current = deck.term_fields(percentile, fresh.corrections, SITE_URL)[deck.FIELDS.index("Status")]
    assert current == ""


def test_cards_and_print_say_a_terms_status_in_the_words_of_its_page(glossary):
    """The deck and /print/ show the badge the term page shows (``record.lifecycle.label``: the status
    note, "now" for a renamed term), not a shorter rule of their own."""
    from mlterms.outputs.study import render_print
    records = records_of(glossary, links={})
    not_current = [r for r in records if r.lifecycle.label]
    assert len(not_current) >= 10 and any(r.lifecycle.note for r in not_current)
    assert any(r.lifecycle.status == "renamed" for r in not_current)
    page = render_print(glossary)
    for record in not_current:
        status = deck.term_fields(record, glossary.corrections, SITE_URL)[deck.FIELDS.index("Status")]
        assert f">{html.escape(record.lifecycle.label, quote=False)}</span>" in status, (record.slug, status)
        at = page.index(f"{{ #{record.slug} }}")
        section = page[at:page.index("</section>", at)]
        assert record.lifecycle.label in html.unescape(section), (record.slug, section[-400:])


def test_print_carries_every_editors_note_with_its_source(glossary):
    from mlterms.notes.markup import escape
    from mlterms.outputs.study import render_print
    page = render_print(glossary, SITE_URL)
    with_note = [t for t in glossary.terms if t.note]
    assert len(with_note) >= 40
    for term in with_note:
        at = page.index(f"{{ #{term.slug} }}")
        section = page[at:page.index("</section>", at)]
        assert '<p class="print-note"><b>' in section and escape(term.note) in section, term.slug
        if term.note_source:
            assert f'href="{term.note_source}"' in section


def test_every_notes_line_reaches_the_deck(imported, glossary):
    """Nothing lost on the way to HTML: each non-blank notes line (corrections applied, list marker
    dropped: the list shows it) is in its term's Notes field, as Anki holds it."""
    from mlterms.glossary.curate import apply_corrections
    from mlterms.notes.lines import shape
    notes = _term_notes(imported)
    checked = 0
    for term in glossary.terms:
        held = "".join(_plain(notes[html.escape(term.title, quote=False)]["fields"]["Notes"]).split())
        for definition in term.definitions:
            for line in definition.lines:
                if line.is_blank:
                    continue
                wanted = "".join(shape(apply_corrections(line.stripped, glossary.corrections)).text.split())
                assert wanted in held, (term.slug, line.number, line.stripped)
                checked += 1
    assert checked > 600
