"""Study aids built from the glossary: an Anki deck and a printable glossary.

Both come from the same terms as the site (title, one-line definition, the
notes' text, tags), so a new term shows up in them without extra work.

The Anki deck's note GUIDs are derived from the slug, and its model and deck
IDs are fixed: re-importing the deck after the notes change *updates* the
cards a learner already has (with their review history) instead of adding
duplicates.
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from .curate import Glossary, Term
from .markup import escape, link
from .render import front_matter, render_body, term_href
from .urls import public_url, term_url
from . import study_cards, vendor

DECK_FILE = "study/ml-terms.apkg"
CARDS_FILE = "study/cards.json"
PRINT_PAGE = "print.md"
STUDY_PAGE = "study.md"
ROOT = Path(__file__).resolve().parents[2]
# The FSRS scheduler the flashcards use, pinned in package.json and copied into the site by the build.
FSRS_SOURCE = ROOT / "node_modules" / "ts-fsrs" / "dist" / "index.umd.js"
FSRS_SITE = "assets/javascripts/ts-fsrs.umd.js"


def _stable_id(name: str) -> int:
    """A 31-bit ID that never changes for ``name`` (Anki wants the model and deck IDs fixed)."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) >> 1


def notes_text(term: Term, corrections: dict[str, str]) -> str:
    """The notes' own text of a term as plain lines (corrections applied), for the back of a card."""
    from .curate import apply_corrections
    return "\n".join(apply_corrections(line.stripped, corrections)
                     for definition in term.definitions for line in definition.lines if not line.is_blank)


def anki_deck(glossary: Glossary, site_url: str, path: Path) -> int:
    """Write the deck (one note per term, tags as Anki tags) to ``path``; returns the number of notes."""
    import genanki
    model = genanki.Model(
        _stable_id("ml-terms model v1"), "ML Terms term",
        fields=[{"name": "Term"}, {"name": "Definition"}, {"name": "Notes"}, {"name": "Link"}],
        templates=[{"name": "Term → definition",
                    "qfmt": "<h2>{{Term}}</h2>",
                    "afmt": "{{FrontSide}}<hr id=answer><p><b>{{Definition}}</b></p>"
                            "<div class=notes>{{Notes}}</div><p>{{Link}}</p>"},
                   {"name": "Definition → term",
                    "qfmt": "<p><b>{{Definition}}</b></p><p>Which term?</p>",
                    "afmt": "{{FrontSide}}<hr id=answer><h2>{{Term}}</h2><div class=notes>{{Notes}}</div>"
                            "<p>{{Link}}</p>"}],
        css=".card { font-family: sans-serif; font-size: 18px; } .notes { font-size: 15px; text-align: left; }")
    deck = genanki.Deck(_stable_id("ml-terms deck v1"), "ML Terms")
    base = site_url.rstrip("/") + "/" if site_url else ""
    for term in glossary.terms:
        url = f"{base}terms/{term.slug}/"
        notes = "<br>".join(html.escape(line) for line in notes_text(term, glossary.corrections).split("\n"))
        deck.add_note(genanki.Note(
            model=model, guid=genanki.guid_for("ml-terms", term.slug),
            fields=[html.escape(term.title), html.escape(term.summary), notes,
                    f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'],
            tags=[tag.replace(" ", "_") for tag in term.tags]))
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path))
    return len(glossary.terms)


def render_print(glossary: Glossary, site_url: str = "") -> str:
    """print.md: every term A–Z on one page, with its definition, the notes' text, tags and URL.

    The print stylesheet (assets/extra.css) hides the site's chrome and keeps a
    term on one page where it fits.
    """
    meta = {"title": "Printable glossary", "description": f"All {len(glossary.terms)} terms on one page, for print.",
            "hide": ["toc"], "search": {"exclude": True}}
    out = [front_matter(meta), "# Printable glossary", "",
           f'<p class="print-intro">All {len(glossary.terms)} terms A–Z, each with its one-line definition, '
           "the notes' text and its tags. Print this page, or save it as PDF.</p>", ""]
    for term in glossary.terms:
        href = term_href(term.slug, "")
        tags = " · ".join(escape(t) for t in term.tags)
        url = public_url(site_url, term_url(term.slug))
        out += ['<section class="print-term" markdown>', "",
                f"## {escape(term.title)} {{ #{term.slug} }}", "",
                f'<p class="term-definition">{escape(term.summary)}</p>', ""]
        for definition in term.definitions:
            out += [render_body(definition.lines, glossary.corrections, None), ""]
        out += [f'<p class="print-meta" markdown>{tags + " · " if tags else ""}{link(url, href)}</p>', "",
                "</section>", ""]
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


def cards(glossary: Glossary, plots: dict[str, str], graph: dict[str, list[str]] | None = None,
          sources: dict[str, str] | None = None) -> list[dict]:
    """study/cards.json: what a card shows (``plots``: slug -> site path of the term's first plot),
    the terms its definition links to (``graph``: the order new cards come in), the cloze of its
    definition, the terms a quiz must not offer for it, and its compare lines (``sources``:
    difference -> official URL)."""
    never = study_cards.avoid(glossary)
    return [{"slug": t.slug, "title": t.title, "summary": t.summary, "tags": t.tags, "url": term_url(t.slug),
             "notes": notes_text(t, glossary.corrections), "plot": plots.get(t.slug),
             "links": sorted(set((graph or {}).get(t.slug, [])) - {t.slug}), "cloze": study_cards.cloze(t),
             "avoid": never[t.slug], "compare": study_cards.compare_lines(t, sources or {})}
            for t in glossary.terms]


def copy_scheduler(site: Path) -> None:
    """Put the pinned ts-fsrs into the site, or say how to get it."""
    vendor.copy_into_site(FSRS_SOURCE, site, FSRS_SITE)
