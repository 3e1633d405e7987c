"""The Anki deck: one note per term (both directions), and a Cloze note per one-line definition.

Identity survives renames: a note's GUID comes from the term's *first
published* slug (its oldest ``old_slugs`` entry, else its slug), and the model
and deck IDs are fixed, so re-importing the deck after a term is renamed
updates the cards a learner already has (with their review history) instead
of adding new ones. The cloze notes use Anki's built-in Cloze note type
(genanki's ``CLOZE_MODEL``), so Anki shows them as it shows its own.

Fields are HTML with the text as text: apostrophes and quotes are characters
(Anki's search finds ``model's``), ``<``, ``>``, ``&`` escaped.
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

import genanki

from mlterms.memo import Memo
from mlterms.outputs import card_content as cc
from mlterms.outputs import card_text
from mlterms.outputs.urls import public_url
from mlterms.record import TermRecord

GUID_NAMESPACE = "ml-terms"
CLOZE_NAMESPACE = "ml-terms cloze"
FIELDS = ["Term", "Definition", "Masked definition", "Notes", "Editor's note", "Status", "Link"]
_ANSWER = ("<div class=notes>{{Notes}}</div>{{#Editor's note}}<p class=note>{{Editor's note}}</p>"
           "{{/Editor's note}}<p>{{Link}}</p>")
_STATUS = "{{#Status}}<p class=status>{{Status}}</p>{{/Status}}"
CSS = (".card { font-family: sans-serif; font-size: 18px; } .notes, .note { font-size: 15px; text-align: left; }"
       " .status { color: #b3261e; font-weight: bold; } pre { text-align: left; white-space: pre-wrap; }")


def stable_id(name: str) -> int:
    """A 31-bit ID that never changes for ``name`` (Anki wants the model and deck IDs fixed)."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) >> 1


def note_guid(record: TermRecord) -> str:
    """Keyed on the slug the term was first published under (``TermRecord.first_slug``): a rename keeps it."""
    return genanki.guid_for(GUID_NAMESPACE, record.first_slug)


def cloze_guid(record: TermRecord) -> str:
    return genanki.guid_for(CLOZE_NAMESPACE, record.first_slug)


def term_model() -> genanki.Model:
    """Term → definition, and definition (the term's own names masked) → term."""
    return genanki.Model(
        stable_id("ml-terms model v1"), "ML Terms term", fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Term → definition",
                    "qfmt": "<h2>{{Term}}</h2>" + _STATUS,
                    "afmt": "{{FrontSide}}<hr id=answer><p><b>{{Definition}}</b></p>" + _ANSWER},
                   {"name": "Definition → term",
                    "qfmt": "<p><b>{{Masked definition}}</b></p><p>Which term?</p>",
                    "afmt": "{{FrontSide}}<hr id=answer><h2>{{Term}}</h2>" + _STATUS + _ANSWER}],
        css=CSS)


def term_fields(record: TermRecord, corrections: dict[str, str], site_url: str) -> list[str]:
    """The fields of a term's note (see FIELDS), as the term page shows them."""
    term, url = record.term, public_url(site_url, record.url)
    return [cc.text(record.title), cc.text(record.summary), cc.text(card_text.mask(record.summary, term)),
            cc.notes_html(term, corrections), cc.editor_note_html(term), cc.lifecycle_html(term),
            f'<a href="{html.escape(url, quote=True)}">{cc.text(url)}</a>']


def _fields(record: TermRecord, corrections: dict[str, str], site_url: str, memo: Memo | None) -> list[str]:
    """``term_fields``; a serve rebuild (``memo``) keeps them while the term, the corrections and the
    site's URL (all they read) are unchanged."""
    if memo is None or record.slug not in memo.terms:
        return term_fields(record, corrections, site_url)
    key = memo.key(memo.terms[record.slug], corrections, site_url)
    return list(memo.get("deck", record.slug, key, lambda: term_fields(record, corrections, site_url)))


def write(records: tuple[TermRecord, ...], corrections: dict[str, str], site_url: str, path: Path,
          memo: Memo | None = None) -> int:
    """Write the deck to ``path`` (tags as Anki tags); returns the number of notes."""
    model = term_model()
    deck = genanki.Deck(stable_id("ml-terms deck v1"), "ML Terms")
    count = 0
    for record in records:
        tags = [tag.replace(" ", "_") for tag in record.tags]
        fields = _fields(record, corrections, site_url, memo)
        deck.add_note(genanki.Note(model=model, guid=note_guid(record), fields=fields, tags=tags))
        cloze = cc.cloze_html(record.term)
        if cloze:
            extra = "<br>".join(filter(None, [cc.lifecycle_html(record.term), fields[-1]]))
            deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL, guid=cloze_guid(record),
                                       fields=[f"<b>{cc.text(record.title)}</b>: {cloze}", extra], tags=tags))
            count += 1
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path))
    return count
