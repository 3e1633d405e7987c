"""A term's lifecycle (current, deprecated, retired, legacy, renamed), in the words every view shows.

A deprecated product's one-line definition reads as if it were current; the reader has to see the
status wherever the line appears. The data lives in ``notes/definitions.yml`` (``status``,
``since``, ``replaced_by``, ``replaced_by_url``, ``status_note``, ``status_source``) and reaches
``curate.Term``; this module turns it into text: a label for views with room for it (the term
page's badge, a card, the map), and a prefixed summary for views that show the one line alone
(lists, search, previews, llms.txt, the meta description). Other outputs call
:func:`lifecycle_label`. Each function takes a ``curate.Term`` (callers holding a
``record.TermRecord`` pass its ``.term``, or read ``TermRecord.lifecycle``, which is built here).
"""

from __future__ import annotations

import html
from typing import Callable

from mlterms.glossary.dated import plain_date
from mlterms.notes.markup import escape, external_link, link

STATUSES = ("current", "deprecated", "retired", "legacy", "renamed")
WORDS = {"deprecated": "Deprecated", "retired": "Retired", "legacy": "Legacy", "renamed": "Renamed"}


def status_of(term) -> str:
    return getattr(term, "status", "current") or "current"


def is_current(term) -> bool:
    return status_of(term) == "current"


def short_label(status: str, since: str = "") -> str:
    """"Deprecated since 31 March 2025", "Legacy" ("" for a current term)."""
    word = WORDS.get(status, "")
    if not word:
        return ""
    return f"{word} since {plain_date(since)}" if since else word


def replacement_name(term) -> str:
    """What replaced the term, by name: the title of our term it points to, else the product name."""
    return getattr(term, "replaced_by_name", "") or getattr(term, "replaced_by", "")


def lifecycle_label(term) -> str:
    """"Deprecated since 31 March 2025 · not preinstalled from … · replaced by Mosaic Streaming" ("" when current)."""
    status = status_of(term)
    parts = [short_label(status, getattr(term, "status_since", ""))]
    if not parts[0]:
        return ""
    if note := getattr(term, "status_note", ""):
        parts.append(note)
    if name := replacement_name(term):
        parts.append(f"{'now' if status == 'renamed' else 'replaced by'} {name}")
    return " · ".join(parts)


def labelled_summary(term) -> str:
    """The one-line definition for a view that shows it without the badge: "Deprecated since …: A class …"."""
    summary = getattr(term, "summary", "")
    label = short_label(status_of(term), getattr(term, "status_since", ""))
    return f"{label}: {summary}" if label else summary


def labelled_row_summary(row: dict) -> str:
    """:func:`labelled_summary` for a terms.json row (exports take rows, not terms)."""
    label = short_label(row.get("status", "current"), row.get("status_since", ""))
    return f"{label}: {row['summary']}" if label else row["summary"]


def badge(term, href: Callable[[str], str]) -> str:
    """The term page's status line (Markdown with inline HTML; "" when current).

    ``href`` maps a slug to the Markdown link target of its page, for a replacement that is one of
    our terms; a replacement elsewhere links its official page; the source is always linked.
    """
    status = status_of(term)
    label = short_label(status, getattr(term, "status_since", ""))
    if not label:
        return ""
    word, _, rest = label.partition(" ")
    parts = [f"<strong>{escape(word)}</strong>" + (f" {escape(rest)}" if rest else "")]
    if note := getattr(term, "status_note", ""):
        parts.append(escape(note))
    if name := replacement_name(term):
        verb = "now" if status == "renamed" else "replaced by"
        slug, url = getattr(term, "replaced_by", ""), getattr(term, "replaced_by_url", "")
        target = (link(name, href(slug)) if getattr(term, "replaced_by_name", "")
                  else external_link(url, name) if url else escape(name))
        parts.append(f"{verb} {target}")
    if source := getattr(term, "status_source", ""):
        parts.append(external_link(source, "source"))
    css = html.escape(f"term-status term-status-{status}", quote=True)
    return f'<p class="{css}" role="note" markdown>' + " · ".join(parts) + "</p>"
