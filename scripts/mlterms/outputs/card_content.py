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

MASK = "____"
NOTE_LABEL = "Editor's note (not part of the study notes):"
_TAG = re.compile(r"(<[^>]*>)")
_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
_ENTITY = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(quot|apos));")
_KEEP = {"<", ">", "&"}  # characters HTML text must keep escaped
_QUALIFIER = re.compile(r"\s*\([^()]*\)$")  # "Cluster (Databricks)" -> "Cluster"; "fit()" -> "fit"


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


def own_names(term: Term) -> list[str]:
    """The names that give a term away: its title, aliases, and the title without a qualifier, longest first."""
    names = {term.title, *term.aliases}
    names |= {_QUALIFIER.sub("", name) for name in list(names)}
    return sorted((n for n in names if n.strip()), key=len, reverse=True)


def mask_names(value: str, term: Term) -> str:
    """``value`` with every one of the term's own names (and their plurals) replaced by ____."""
    for name in own_names(term):
        value = re.sub(rf"(?<![\w]){re.escape(name)}(?:e?s)?(?![\w])", MASK, value, flags=re.IGNORECASE)
    return value


# Where a one-line definition turns from what kind of thing the term is to what sets it apart.
_DIFFERENTIA = re.compile(r"\b(?:that|which|where|whose|used to|used for|in which|by which)\s+", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:(]|\.(?:\s|$)")
CLOZE_WORDS = 7  # at most this many words hidden: a phrase to recall, not half the sentence
# A hidden phrase of two words or more ends before one of these: "sends encrypted traffic | between …".
_PHRASE_BREAKS = {"of", "in", "between", "to", "for", "with", "on", "by", "into", "from", "over", "and", "or",
                  "as", "so", "than", "across", "at", "within", "without", "while", "when"}


def cloze_phrase(summary: str) -> tuple[int, int] | None:
    """The span of the key phrase to hide in a one-line definition (None: no phrase that fits).

    The phrase is what sets the term apart: the words after the first "that",
    "which", "used to"…, up to the end of that clause (at most CLOZE_WORDS
    words, ending before a preposition or conjunction once it has two); without
    such a word, the last words of the first clause.
    """
    m = _DIFFERENTIA.search(summary)
    start = m.end() if m else 0
    end_match = _CLAUSE_END.search(summary, start)
    end = end_match.start() if end_match else len(summary.rstrip("."))
    words = list(re.finditer(r"\S+", summary[start:end]))
    if not words:
        return None
    if m is None:
        words = words[-min(4, max(1, len(words) // 2)):]
        while len(words) > 1 and words[0].group().casefold() in _PHRASE_BREAKS:
            words = words[1:]
    words = words[:CLOZE_WORDS]
    cut = next((i for i, w in enumerate(words) if i >= 2 and w.group().casefold() in _PHRASE_BREAKS), len(words))
    words = words[:cut]
    span = (start + words[0].start(), start + words[-1].end())
    phrase = summary[span[0]:span[1]]
    if summary.casefold().count(phrase.casefold()) > 1:  # shown elsewhere in the line: the card gives it away
        return None
    return None if "::" in phrase or "}}" in summary or "{{" in summary else span


def cloze_html(summary: str) -> str:
    """The definition as Anki cloze text, ``{{c1::phrase}}`` around its key phrase ("" when none fits)."""
    span = cloze_phrase(summary)
    if span is None:
        return ""
    a, b = span
    return f"{text(summary[:a])}{{{{c1::{text(summary[a:b])}}}}}{text(summary[b:])}"
