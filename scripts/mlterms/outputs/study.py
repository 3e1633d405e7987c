"""Study aids built from the glossary: an Anki deck and a printable glossary.

Both come from the same terms as the site (title, one-line definition, the
notes' text, tags), so a new term shows up in them without extra work.

The Anki deck (mlterms.outputs.deck) derives its note GUIDs from a term's first
published slug, and its model and deck IDs are fixed: re-importing the deck
after the notes change, or a term is renamed, *updates* the cards a learner
already has (with their review history) instead of adding duplicates.
"""

from __future__ import annotations

import functools
from pathlib import Path

from mlterms.glossary.curate import Glossary, Term
from mlterms.glossary.lifecycle import labelled_summary
from mlterms.glossary.notes_body import render_body
from mlterms.glossary.slugs import term_url
from mlterms.memo import Memo
from mlterms.notes.front_matter import front_matter
from mlterms.notes.markup import escape, link
from mlterms.outputs import card_content, card_text, deck, study_cards, vendor
from mlterms.outputs.term_page import term_href
from mlterms.outputs.urls import public_url
from mlterms.paths import NODE_MODULES
from mlterms.record import TermRecord

DECK_FILE = "study/ml-terms.apkg"
CARDS_FILE = "study/cards.json"
PRINT_PAGE = "print.md"
STUDY_PAGE = "study.md"
# The FSRS scheduler the flashcards use, pinned in package.json and copied into the site by the build.
FSRS_SOURCE = NODE_MODULES / "ts-fsrs" / "dist" / "index.umd.js"
FSRS_SITE = "assets/javascripts/ts-fsrs.umd.js"


def anki_deck(records: tuple[TermRecord, ...], corrections: dict[str, str], site_url: str, path: Path,
              memo: Memo | None = None) -> int:
    """Write the deck to ``path`` (see mlterms.outputs.deck); returns the number of notes."""
    return deck.write(records, corrections, site_url, path, memo)


def _print_term(term: Term, corrections: dict[str, str], site_url: str) -> list[str]:
    """One term's section of the print page."""
    href = term_href(term.slug, "")
    tags = " · ".join(escape(t) for t in term.tags)
    url = public_url(site_url, term_url(term.slug))
    out = ['<section class="print-term" markdown>', "",
           f"## {escape(term.title)} {{ #{term.slug} }}", "",
           f'<p class="term-definition">{escape(term.summary)}</p>', ""]
    for definition in term.definitions:
        out += [render_body(definition.lines, corrections, None), ""]
    if status := card_content.lifecycle_html(term, escape):
        out += [f'<p class="print-status">{status}</p>', ""]
    if term.note:
        out += [f'<p class="print-note">{card_content.editor_note_html(term, escape)}</p>', ""]
    return out + [f'<p class="print-meta" markdown>{tags + " · " if tags else ""}{link(url, href)}</p>', "",
                  "</section>", ""]


def render_print(glossary: Glossary, site_url: str = "", memo: Memo | None = None) -> str:
    """print.md: every term A–Z on one page, with its definition, the notes' text, tags and URL.

    The print stylesheet (assets/extra.css) hides the site's chrome and keeps a
    term on one page where it fits. ``memo`` (a serve session's) keeps each term's section while the
    term, the corrections and the site's URL are unchanged.
    """
    meta = {"title": "Printable glossary", "description": f"All {len(glossary.terms)} terms on one page, for print.",
            "hide": ["toc"], "search": {"exclude": True}}
    out = [front_matter(meta), "# Printable glossary", "",
           f'<p class="print-intro">All {len(glossary.terms)} terms A–Z, each with its one-line definition, '
           "the notes' text, the editor's note where there is one, and its tags. Print this page, or save it as PDF.</p>", ""]
    for term in glossary.terms:
        if memo is None or term.slug not in memo.terms:
            out += _print_term(term, glossary.corrections, site_url)
            continue
        key = memo.key(memo.terms[term.slug], glossary.corrections, site_url)
        out += memo.get("print", term.slug, key, functools.partial(_print_term, term, glossary.corrections, site_url))
    return "\n".join(out)


def render_study(glossary: Glossary) -> str:
    """study.md: the flashcards and the quiz (docs/assets/javascripts/study.js fills it in)."""
    meta = {"title": "Study", "description": "Flashcards with spaced repetition, a self-quiz, an Anki deck and a "
                                             "printable glossary of every term.",
            "hide": ["toc"], "search": {"exclude": True}}
    return "\n".join([
        front_matter(meta), "# Study", "",
        f"Learn the {len(glossary.terms)} terms with flashcards and a quiz; your progress stays in this browser.",
        "",
        '<div id="study-app" data-base="../" markdown>', "",
        "<noscript>The flashcards and the quiz need JavaScript; the Anki deck and the printable glossary do not."
        "</noscript>", "", "</div>", "",
        "## How it works", "",
        "Each term has three cards (term → definition, definition → term, and its definition with a key "
        "phrase hidden), scheduled by FSRS, the spaced-repetition algorithm Anki uses. New terms come topic by "
        "topic in turn, the terms others build on first. Keys: <kbd>Space</kbd> or <kbd>Enter</kbd> shows the "
        "answer, <kbd>1</kbd>–<kbd>4</kbd> grade it (again, hard, good, easy); on a phone, tap to flip and "
        "swipe right (good) or left (again). Term pages show when you last recalled them.", "",
        'Offline: <a href="../study/ml-terms.apkg" download>the Anki deck</a> · '
        f"{link('the printable glossary', 'print.md')}", ""])


def cards(records: tuple[TermRecord, ...], glossary: Glossary, sources: dict[str, str],
          memo: Memo | None = None) -> list[dict]:
    """study/cards.json: what a card shows (``masked``: the definition as the "which term?" card and the
    quiz show it, the term's names masked), the terms its definition links to (the order new cards come
    in), the cloze of its definition (the phrase the deck's Cloze note hides too: both from ``card_text``),
    the terms a quiz must not offer for it, its compare lines (``sources``: difference -> official URL),
    and ``old_slugs`` (study.js moves progress kept under one). ``memo``: a serve session's
    (``study_cards.avoid`` compares only the terms an edit changed)."""
    never = study_cards.avoid(glossary, memo)
    return [{"slug": t.slug, "title": t.title, "summary": labelled_summary(t.term),
             "masked": card_text.mask(labelled_summary(t.term), t.term), "status": t.lifecycle.label,
             "tags": list(t.tags), "url": t.url, "notes": t.notes_text, "plot": t.plot,
             "old_slugs": list(t.old_slugs), "links": sorted(set(t.neighbours.links_to) - {t.slug}),
             "cloze": card_text.cloze(t.term), "avoid": never[t.slug],
             "compare": study_cards.compare_lines(t.term, sources)}
            for t in records]


def copy_scheduler(site: Path) -> None:
    """Put the pinned ts-fsrs into the site, or say how to get it."""
    vendor.copy_into_site(FSRS_SOURCE, site, FSRS_SITE)
