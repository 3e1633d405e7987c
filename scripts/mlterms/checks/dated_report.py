"""The build report's list of dated statements whose date has passed, so the editor can check what happened.

``{ends: 2026-06-30}`` in the definitions file already reads "ended on 30 June 2026" once the date
is past (``dated.render``); whether it really ended, or was postponed, only the official page can
say. Each passed event is reported as a warning at its line in the definitions file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mlterms.errors import Problem
from mlterms.glossary import dated
from mlterms.glossary.definitions import events_checked, texts_with_lines


def passed(data: Any, where: str, today: date) -> list[Problem]:
    """A warning for every event date in the file's text that is on or before ``today``, unless the editor
    read the official page on it after it passed (the term's ``events_checked``): the warning asks for that
    check once, and again for each event that passes later."""
    found = []
    for line, slug, key, text in texts_with_lines(data):
        checked = events_checked(data, slug)
        for event in dated.events(text):
            if today >= event.last_day and not (checked and checked >= event.last_day):
                found.append(Problem(where, line, f"{key} of {slug!r}: the event {{{event.verb}: {event.iso}}} "
                                     f"has passed (it now reads “{event.phrase(today)}”)",
                                     "check on the official page that it happened as announced, then leave "
                                     "it (the tense is already right) or correct the text, and set the term's "
                                     "events_checked: to the day you checked",
                                     severity="warning", group="curation"))
    return found


TEXT_KEYS = {"summary", "note", "status_note", "difference"}


def worded(data: Any, where: str) -> list[Problem]:
    """A warning for every event date written as words in a text the build shows (it cannot keep its tense)."""
    found = []
    for line, slug, key, text in texts_with_lines(data):
        for words in dated.worded_dates(text) if key in TEXT_KEYS else []:
            found.append(Problem(where, line, f"{key} of {slug!r} writes the date {words!r} as words",
                                 "write it as data, e.g. {ends: 2026-06-30} or {deprecates: 2025-03-31} "
                                 "(README: Dates), so it reads in the right tense", severity="warning",
                                 group="curation"))
    return found
