"""What one line of the notes looks like: a list item, code, a URL, a title, prose.

One place for these shape rules, shared by the parser (where does an entry
start?) and the renderer (how is this line shown?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

BULLET = "\u2022"  # •


class Kind(str, Enum):
    BULLET = "bullet"
    NUMBERED = "numbered"
    LETTERED = "lettered"
    DASH = "dash"
    URL = "url"
    CODE = "code"
    TEXT = "text"


_LIST_PATTERNS: list[tuple[Kind, re.Pattern[str]]] = [
    (Kind.BULLET, re.compile(r"^\u2022\s*(?P<rest>.*)$")),
    (Kind.NUMBERED, re.compile(r"^(?P<mark>\d{1,3})[.)]\s+(?P<rest>\S.*)$")),
    (Kind.LETTERED, re.compile(r"^(?P<mark>[a-h])[.)]\s+(?P<rest>\S.*)$")),
    (Kind.DASH, re.compile(r"^-\s+(?P<rest>\S.*)$")),
]
# The list marker at the start of a line (what a rendered list shows as its own numbering).
LIST_KINDS_MARK = re.compile(r"^(?:\u2022\s*|\d{1,3}[.)]\s+|[a-h][.)]\s+|-\s+)(?=\S)")
_URL = re.compile(r"^https?://\S+$")
# Lines that are code or printed data rather than prose: an assignment, a call
# result such as array([...]), rows of numbers, a bracketed matrix row, "...",
# a "#" header of a pasted table, or a row of 1-3 character cells ("S M L").
_CODE = [
    re.compile(r"^[A-Za-z_][\w.\[\]'\"]*\s*=\s*\S"),
    re.compile(r"^(array|tensor|DataFrame|Series)\("),
    # (a row holds a digit: the lookahead scans once; "[...]*\d[...]*$" backtracked in the square of the length)
    re.compile(r"^(?=\D*\d)[\[\](){}\d\s.,+\-eE:;]*$"),
    re.compile(r"^\.\.\.$"),
    re.compile(r"^#\S"),
    re.compile(r"^\S{1,3}( \S{1,3}){2,}$"),
]
_WORD = re.compile(r"\S+")
_NOT_IN_TITLES = re.compile(r"[=<>{}|]")


@dataclass(frozen=True)
class Shape:
    """A line's kind, its list marker (if any) and the text after the marker."""

    kind: Kind
    text: str
    mark: str = ""


def shape(line: str) -> Shape:
    """Classify one line of the notes (leading indentation is ignored)."""
    s = line.strip()
    for kind, pattern in _LIST_PATTERNS:
        m = pattern.match(s)
        if m:
            return Shape(kind, m.group("rest"), m.groupdict().get("mark") or "")
    if _URL.match(s):
        return Shape(Kind.URL, s)
    if any(p.match(s) for p in _CODE):
        return Shape(Kind.CODE, s)
    return Shape(Kind.TEXT, s)


def words(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(_WORD.findall(text))


def is_list_item(line: str) -> bool:
    return shape(line).kind in (Kind.BULLET, Kind.NUMBERED, Kind.LETTERED, Kind.DASH)


def is_title_like(line: str, max_words: int = 6) -> bool:
    """Could this line be a term title? Short prose, no sentence ending, starts with a letter."""
    s = line.strip()
    if not s or shape(s).kind is not Kind.TEXT:
        return False
    if not (s[0].isalnum() or s[0] == "_") or _NOT_IN_TITLES.search(s):
        return False
    return words(s) <= max_words and s[-1] not in ".!?;,"


def is_sentence_like(line: str) -> bool:
    """Does this line read as a definition sentence rather than a title?"""
    s = line.strip()
    return bool(s) and shape(s).kind is Kind.TEXT and (words(s) >= 7 or s[-1] in ".!?")
