"""Dates as data: an editor's line names an event date as ``{ends: 2026-06-30}``, and the build
writes it in the tense the calendar gives ("ends on 30 June 2026" before, "ended on 30 June 2026"
after).

A sentence written in 2025 about "support ends on 30 June 2026" is false in December 2026. Keeping
the date as data lets every build say it right without anyone editing the text, and lets the
build report list each event whose date has passed so the editor can check what happened. The
build date is today, or ``MLTERMS_TODAY=YYYY-MM-DD`` (tests build on both sides of an event).
"""

from __future__ import annotations

import calendar
import os
import re
from dataclasses import dataclass
from datetime import date

TODAY_VARIABLE = "MLTERMS_TODAY"

# verb -> (before the date, on or after it). The verb names the event; the phrase reads in a sentence
# whose subject is the thing the event happens to ("SDK v1 support {ends: 2026-06-30}").
VERBS = {
    "ends": ("ends", "ended"),
    "starts": ("starts", "started"),
    "retires": ("is retired", "was retired"),
    "deprecates": ("is deprecated", "was deprecated"),
    "renames": ("is renamed", "was renamed"),
}
_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# An event date written as words or bare ISO ("30 June 2026", "June 30, 2026", "September 2026", "2026-06-30"):
# the build cannot give it the right tense, so the lint asks for a token instead.
WORDED_DATE = re.compile(rf"\b(?:\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH} \d{{1,2}}, \d{{4}}|{_MONTH} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")
TOKEN = re.compile(r"\{\s*([A-Za-z_-]+)\s*:\s*([^{}]*?)\s*\}")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Event:
    """One dated statement: what happens (``verb``) and when (a day, or a month when ``day`` is 0)."""

    verb: str
    year: int
    month: int
    day: int = 0

    @property
    def last_day(self) -> date:
        """The day after which the event is past (the month's last day for a month-precision date)."""
        return date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    def phrase(self, today: date) -> str:
        """"ends on 30 June 2026" / "ended in September 2026"."""
        future, past = VERBS[self.verb]
        verb = past if today >= self.last_day else future
        return f"{verb} {human_date(self.iso)}"

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


def parse_iso(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of "2026-06-30", or (year, month, 0) of "2026-09"; None if not a real date."""
    match = _ISO.match(value.strip())
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 0)
    try:
        date(year, month, day or 1)
    except ValueError:
        return None
    return year, month, day


def human_date(iso: str) -> str:
    """"on 30 June 2026" for a day, "in September 2026" for a month (the preposition included)."""
    year, month, day = parse_iso(iso) or (0, 0, 0)
    if not year:
        return iso
    name = calendar.month_name[month]
    return f"on {day} {name} {year}" if day else f"in {name} {year}"


def plain_date(iso: str) -> str:
    """"30 June 2026" / "September 2026" (no preposition): for a badge's "since"."""
    return human_date(iso).split(" ", 1)[1] if parse_iso(iso) else iso


def token_problems(text: str) -> list[str]:
    """Why each ``{...}`` token in ``text`` cannot be read (empty: every one is a known verb and a real date)."""
    found = []
    for match in TOKEN.finditer(text):
        verb, value = match[1], match[2]
        if verb not in VERBS:
            found.append(f"{match[0]!r} names the unknown event {verb!r} (known: {', '.join(sorted(VERBS))})")
        elif parse_iso(value) is None:
            found.append(f"{match[0]!r} has {value!r}, not a date written YYYY-MM-DD or YYYY-MM")
    return found


def events(text: str) -> list[Event]:
    """Every readable dated statement in ``text``."""
    out = []
    for match in TOKEN.finditer(text):
        parsed = parse_iso(match[2]) if match[1] in VERBS else None
        if parsed:
            out.append(Event(match[1], *parsed))
    return out


def render(text: str, today: date) -> str:
    """``text`` with each token written out in the tense ``today`` gives it (unreadable tokens left as they are)."""
    def phrase(match: re.Match) -> str:
        parsed = parse_iso(match[2]) if match[1] in VERBS else None
        return Event(match[1], *parsed).phrase(today) if parsed else match[0]
    return TOKEN.sub(phrase, text)


def build_date() -> date:
    """Today, or the date in ``MLTERMS_TODAY`` (raises ValueError naming the variable if it is not YYYY-MM-DD)."""
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return date.today()
    parsed = parse_iso(value)
    if parsed is None or not parsed[2]:
        raise ValueError(f"{TODAY_VARIABLE}={value!r} is not a date written YYYY-MM-DD")
    return date(*parsed)


def worded_dates(text: str) -> list[str]:
    """The dates ``text`` writes as words or bare ISO, outside ``{event: date}`` tokens."""
    return WORDED_DATE.findall(TOKEN.sub("", text))
