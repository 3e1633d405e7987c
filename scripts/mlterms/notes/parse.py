"""Parse the notes export into entries: ``parse(text) -> Notes``.

The notes come from a study-notes app. Mostly a title line, definition lines,
then a blank line; but also titles sharing a line with their definition,
blank lines inside a definition, titles with no blank line before them,
headings with no definition, app chrome at the top and a "Main resources"
list at the end. The rules here are about the *format*; anything that only
one notes file needs (a title the heuristics cannot see, a two-line title)
comes in through :class:`ParseRules`, which the curation file fills.

Nothing is dropped: every non-blank line ends up in exactly one entry, in the
resources, as the document title, or in ``excluded`` with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mlterms.errors import Problem
from mlterms.notes.lines import is_list_item, is_sentence_like, is_title_like, words

RESOURCES_HEADING = "main resources"
# App chrome printed under the document title by the export.
CHROME = {
    re.compile(r"Rating & reviews \(\d+ reviews?\)"): "app chrome: the export's rating widget",
    re.compile(r"Study notes"): "app chrome: the export's section label",
}
TAB = "  "


@dataclass(frozen=True)
class Line:
    """One line of the notes: its 1-based number and its text.

    ``lead`` is set when a title shares the line with its definition
    ("k-fold cross-validation A model is ..."): the title part, shown in bold
    at the start of the line so the line reads exactly as written.
    """

    number: int
    text: str
    lead: str = ""

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Entry:
    """A title and the lines that define it, as the notes have them."""

    title: str
    title_lines: tuple[int, ...]
    body: list[Line] = field(default_factory=list)

    @property
    def first_line(self) -> int:
        return self.title_lines[0] if self.title_lines else self.body[0].number

    @property
    def source_lines(self) -> list[int]:
        """Every notes line this entry holds, in order."""
        numbers = set(self.title_lines) | {ln.number for ln in self.body if not ln.is_blank}
        return sorted(numbers)

    @property
    def definition(self) -> list[Line]:
        """The body without leading/trailing paragraph breaks."""
        body = list(self.body)
        while body and body[0].is_blank:
            body.pop(0)
        while body and body[-1].is_blank:
            body.pop()
        return body


@dataclass(frozen=True)
class Excluded:
    line: Line
    reason: str


@dataclass
class Notes:
    """Everything the notes file says, sorted into its parts."""

    entries: list[Entry]
    resources: list[Line] = field(default_factory=list)
    resources_heading: Line | None = None
    document_title: Line | None = None
    excluded: list[Excluded] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class EntryStart:
    """A place where an entry starts that the format rules cannot see.

    ``prefix`` is matched at the start of a line. With ``title`` unset, the
    prefix *is* the title and the rest of the line its definition; with
    ``title`` set, the notes give no title and the whole line is definition.
    """

    prefix: str
    title: str | None = None


@dataclass(frozen=True)
class ParseRules:
    """Notes-specific hints, from the curation file (see ``curation.py``)."""

    entry_starts: tuple[EntryStart, ...] = ()
    joined_titles: tuple[tuple[str, str], ...] = ()
    not_titles: frozenset[str] = frozenset()


def split_lines(text: str) -> list[Line]:
    """Number the lines; expand leading tabs, drop trailing white space."""
    result = []
    text = text.removeprefix("\ufeff")
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        raw = raw.rstrip()
        body = raw.lstrip("\t ")
        indent = raw[: len(raw) - len(body)].replace("\t", TAB)
        result.append(Line(number, indent + body.replace("\t", " ")))
    return result


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines; each block remembers the blank lines before it."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.is_blank:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _match_start(line: Line, rules: ParseRules) -> tuple[str, Line | None] | None:
    """If a curated entry start matches ``line``: (title, first definition line or None)."""
    s = line.stripped
    if is_list_item(s):
        return None
    for start in rules.entry_starts:
        if s == start.prefix or s.startswith(start.prefix + " "):
            if start.title is not None:
                return start.title, line
            rest = s[len(start.prefix):].strip()
            if not rest:
                return start.prefix, None
            return start.prefix, Line(line.number, s, lead=start.prefix)
    return None


def _is_hidden_title(block: list[Line], i: int, since_title: int, rules: ParseRules) -> bool:
    """A title inside a block with no blank line before it ("...\\nSmartNoise\\nCreate an ...").

    Never the line right after a title (that is the title's context or alias
    line, or the second line of a two-line title), only for a short, unindented, colon-free line
    that does not close an "Example:"-style lead-in, and only when a longer
    definition sentence follows it.
    """
    line = block[i]
    s = line.stripped
    if since_title < 1 or i + 1 >= len(block) or line.indent or s in rules.not_titles:
        return False
    if not is_title_like(s, max_words=5) or ":" in s:
        return False
    if block[i - 1].stripped.endswith(":"):
        return False
    nxt = block[i + 1]
    return (not nxt.indent and is_sentence_like(nxt.stripped)
            and not is_list_item(nxt.stripped) and words(nxt.stripped) > words(s) + 1)


def parse(text: str, rules: ParseRules = ParseRules(), path: str = "notes") -> Notes:
    """Sort the lines of a notes export into entries, resources and exclusions."""
    lines = split_lines(text)
    notes = Notes(entries=[])
    lines = _take_chrome(lines, notes)
    lines = _take_resources(lines, notes)

    for block in _blocks(lines):
        _parse_block(block, notes, rules, path)
    return notes


def _take_chrome(lines: list[Line], notes: Notes) -> list[Line]:
    """The export starts with the document title and chrome lines; set them aside.

    The first non-blank line counts as the document title only when chrome
    follows it, so a notes file without the app's header loses no term.
    """
    nonblank = [i for i, ln in enumerate(lines) if not ln.is_blank]
    if len(nonblank) < 2:
        return lines
    chrome = []
    for i in nonblank[1:]:
        reason = next((r for p, r in CHROME.items() if p.fullmatch(lines[i].stripped)), None)
        if reason is None:
            break
        chrome.append((i, reason))
    if not chrome:
        return lines
    notes.document_title = lines[nonblank[0]]
    drop = {nonblank[0]} | {i for i, _ in chrome}
    notes.excluded.extend(Excluded(lines[i], reason) for i, reason in chrome)
    return [ln for i, ln in enumerate(lines) if i not in drop]


def _take_resources(lines: list[Line], notes: Notes) -> list[Line]:
    """Everything after a "Main resources" line is the resources list, not terms."""
    for i, line in enumerate(lines):
        if line.stripped.casefold() == RESOURCES_HEADING and not line.indent:
            notes.resources_heading = line
            notes.resources = [ln for ln in lines[i + 1:] if not ln.is_blank]
            return lines[:i]
    return lines


def _parse_block(block: list[Line], notes: Notes, rules: ParseRules, path: str) -> None:
    """Split one blank-line-separated block into entries (or continue the last one)."""
    current: Entry | None = None
    used = 0
    title_at = 0  # index of the line after the last title seen in this block
    for i, line in enumerate(block):
        started = _match_start(line, rules)
        if started is not None:
            title, first = started
            current = Entry(title, (line.number,), [first] if first else [])
            notes.entries.append(current)
            used = title_at = i + 1
            continue
        if i < used:
            continue
        if current is None:
            current, used = _open_block(block, notes, rules, path)
            title_at = used if current.title_lines and current.title_lines[0] == block[0].number else 0
            continue
        if _is_hidden_title(block, i, i - title_at, rules):
            current = Entry(line.stripped, (line.number,))
            notes.entries.append(current)
            title_at = i + 1
            continue
        current.body.append(line)


def _open_block(block: list[Line], notes: Notes, rules: ParseRules, path: str) -> tuple[Entry, int]:
    """Start of a block: a new titled entry, or a continuation of the previous one.

    Returns the entry and how many lines of the block it used. A block whose
    first line is not title-like (a sentence, a list, code or data) continues
    the previous entry after a paragraph break: that is how the notes put
    blank lines inside one definition.
    """
    first = block[0]
    s = first.stripped
    if len(block) > 1:
        for a, b in rules.joined_titles:
            if s == a and block[1].stripped == b:
                entry = Entry(f"{a} {b}", (first.number, block[1].number))
                notes.entries.append(entry)
                return entry, 2
    if is_title_like(s) and s not in rules.not_titles and not first.indent:
        entry = Entry(s, (first.number,))
        notes.entries.append(entry)
        return entry, 1
    if notes.entries:
        entry = notes.entries[-1]
        entry.body.append(Line(first.number - 1, ""))
        entry.body.append(first)
        return entry, 1
    entry = Entry(f"Untitled (line {first.number})", (), [first])
    notes.entries.append(entry)
    notes.warnings.append(Problem(
        path, first.number, "a definition with no title line above it",
        "add a title line above it, or name it under entry_starts in the curation file",
        severity="warning"))
    return entry, 1
