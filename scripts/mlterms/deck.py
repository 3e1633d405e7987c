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

from . import card_content as cc
from .curate import Glossary, Term
from .urls import public_url, term_url

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


def first_slug(term: Term) -> str:
    """The slug the term was first published under: the oldest of ``old_slugs`` (listed oldest first)."""
    return term.old_slugs[0] if term.old_slugs else term.slug


def note_guid(term: Term) -> str:
    return genanki.guid_for(GUID_NAMESPACE, first_slug(term))


def cloze_guid(term: Term) -> str:
    return genanki.guid_for(CLOZE_NAMESPACE, first_slug(term))


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


def _titles(glossary: Glossary) -> dict[str, str]:
    return {t.slug: t.title for t in glossary.terms}


def term_fields(term: Term, glossary: Glossary, site_url: str) -> list[str]:
    url = public_url(site_url, term_url(term.slug))
    return [cc.text(term.title), cc.text(term.summary), cc.text(cc.mask_names(term.summary, term)),
            cc.notes_html(term, glossary.corrections), cc.editor_note_html(term), cc.lifecycle_html(term, titles=_titles(glossary)),
            f'<a href="{html.escape(url, quote=True)}">{cc.text(url)}</a>']


def write(glossary: Glossary, site_url: str, path: Path) -> int:
    """Write the deck to ``path`` (tags as Anki tags); returns the number of notes."""
    model = term_model()
    deck = genanki.Deck(stable_id("ml-terms deck v1"), "ML Terms")
    count = 0
    for term in glossary.terms:
        tags = [tag.replace(" ", "_") for tag in term.tags]
        deck.add_note(genanki.Note(model=model, guid=note_guid(term),
                                   fields=term_fields(term, glossary, site_url), tags=tags))
        cloze = cc.cloze_html(term.summary)
        if cloze:
            extra = "<br>".join(filter(None, [cc.lifecycle_html(term, titles=_titles(glossary)), term_fields(term, glossary, site_url)[-1]]))
            deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL, guid=cloze_guid(term),
                                       fields=[f"<b>{cc.text(term.title)}</b>: {cloze}", extra], tags=tags))
            count += 1
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path))
    return count
