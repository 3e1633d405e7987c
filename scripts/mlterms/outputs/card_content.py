"""What a term's Anki note and its /print/ entry carry beyond the title: the pieces as HTML.

The deck and /print/ carry what the term page carries (the definition, the
notes as lists and code, the editor's note with its source, the lifecycle
badge, the link), so a learner studying from them is told what a reader of the
page is told. Text stays text: apostrophes and quotes are characters (Anki's
search looks for ``model's``, not ``model&#x27;s``); only ``<``, ``>`` and ``&``
are escaped, as HTML needs.
"""

from __future__ import annotations

import html
import re
from typing import Callable

import markdown

from mlterms.glossary.curate import Term
from mlterms.glossary.lifecycle import lifecycle_label
from mlterms.glossary.notes_body import render_body
from mlterms.outputs import card_text

NOTE_LABEL = "Editor's note (not part of the study notes):"
_TAG = re.compile(r"(<[^>]*>)")
_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
_ENTITY = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(quot|apos));")
_KEEP = {"<", ">", "&"}  # characters HTML text must keep escaped


def text(value: str) -> str:
    """Plain text as HTML text: ``<``, ``>``, ``&`` escaped, quotes and apostrophes kept as characters."""
    return html.escape(value, quote=False)


def _plain_entities(segment: str) -> str:
    def one(m: re.Match) -> str:
        if m.group(3):
            return '"' if m.group(3) == "quot" else "'"
        char = chr(int(m.group(1)) if m.group(1) else int(m.group(2), 16))
        return m.group(0) if char in _KEEP else char
    return _ENTITY.sub(one, segment)


def readable_html(fragment: str) -> str:
    """HTML whose text holds its punctuation as characters (entities inside tags are left alone)."""
    return "".join(part if part.startswith("<") else _plain_entities(part) for part in _TAG.split(fragment))


def notes_html(term: Term, corrections: dict[str, str]) -> str:
    """The notes' text of a term as the page shows it (paragraphs, lists, code blocks), as HTML.

    The page's own Markdown (notes_body.render_body, with every notes character
    escaped by markup.escape) turned into HTML by Python-Markdown, so no notes
    text is ever read as markup here either.
    """
    body = "\n\n".join(render_body(d.lines, corrections, None) for d in term.definitions)
    converted = markdown.markdown(body, extensions=["attr_list", "md_in_html", "sane_lists"])
    return readable_html(_COMMENT.sub("", converted)).strip()  # (render_body's "list break" comments)


def editor_note_html(term: Term, esc: Callable[[str], str] = text) -> str:
    """The editor's note with its source, marked as not part of the notes ("" when there is none).

    ``esc`` escapes the text: ``text`` for Anki, ``markup.escape`` on a Markdown page (/print/).
    """
    if not term.note:
        return ""
    source = (f' Source: <a href="{html.escape(term.note_source, quote=True)}">{esc(term.note_source)}</a>'
              if term.note_source else "")
    return f"<b>{esc(NOTE_LABEL)}</b> {esc(term.note)}{source}"


def lifecycle_html(term: Term, esc: Callable[[str], str] = text) -> str:
    """The lifecycle badge in the term page's words (``lifecycle.lifecycle_label``: status, date, status
    note, replacement), with its official source as a link ("" for a current term)."""
    badge = lifecycle_label(term)
    if not badge:
        return ""
    source = term.status_source
    link = f' (<a href="{html.escape(source, quote=True)}">source</a>)' if source else ""
    return f'<span class="term-status">{esc(badge)}</span>{link}'


def cloze_html(term: Term) -> str:
    """The definition as Anki cloze text, ``{{c1::phrase}}`` around the phrase ``card_text.cloze`` hides
    (the one the web's cloze card hides too; "" when none fits)."""
    parts = card_text.cloze(term)
    if parts is None:
        return ""
    before, hidden, after = parts
    return f"{text(before)}{{{{c1::{text(hidden)}}}}}{text(after)}"
