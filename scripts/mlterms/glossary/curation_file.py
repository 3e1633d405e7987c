"""Load the hand-edited curation file (YAML) and check its shape, line by line.

The curation file says what the notes cannot: clean titles and slugs,
aliases, context, tags, merges, spelling corrections and the few parse hints
one notes file needs. Every value remembers its line so that every error can
point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mlterms.errors import CurationError, Problem
from mlterms.notes.parse import EntryStart, ParseRules

SECOND_LINE_ROLES = ("context", "alias", "definition")
TERM_FIELDS = {
    "title": str, "slug": str, "aliases": list, "tags": list, "context": str,
    "second_line": str, "merge_into": str, "see_also": list, "old_slugs": list, "autolink": bool,
    "related": list,  # words only related to the term: search finds the term by them, pages never name them
}
MOVED_TO_DEFINITIONS = {"summary", "note"}  # the editor's text lives in definitions.yml, keyed by slug
TOP_LEVEL = {"corrections", "entry_starts", "joined_titles", "not_titles", "terms", "words"}


class Lined(dict):
    """A YAML mapping that remembers the line of each key."""

    line: int = 0
    lines: dict[Any, int]


class LinedList(list):
    line: int = 0
    lines: list[int]


class LinedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that records line numbers and refuses duplicate keys.

    Built on libyaml's parser where PyYAML has it (the marks carry the same
    lines): twenty times faster than the pure-Python one, which matters when
    the history of What's new reads every past version of these files.
    """


def _construct_mapping(loader: LinedLoader, node: yaml.MappingNode) -> Lined:
    result = Lined()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            raise yaml.MarkedYAMLError(
                problem=f"duplicate key {key!r} (first on line {result.lines[key]})",
                problem_mark=key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _construct_sequence(loader: LinedLoader, node: yaml.SequenceNode) -> LinedList:
    result = LinedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def line_of(container: Any, key: Any) -> int | None:
    """The YAML line of ``container[key]`` (a key of a mapping or an index of a list), if known."""
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict):
        return lines.get(key)
    if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
        return lines[key]
    return getattr(container, "line", None)


def normalise_title(title: str) -> str:
    """The key two titles are compared by: case, spacing, a trailing colon or "()" don't count."""
    key = " ".join(title.replace("\u202f", " ").replace("\u00a0", " ").split()).rstrip(":").casefold()
    return key.removesuffix("()").rstrip() or key


@dataclass
class TermSpec:
    """Curation for one notes title (see ``TERM_FIELDS``)."""

    key: str
    line: int
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


@dataclass
class Curation:
    """The whole curation file, checked for shape (not yet against the notes)."""

    path: str
    corrections: dict[str, str] = field(default_factory=dict)
    correction_lines: dict[str, int] = field(default_factory=dict)
    rules: ParseRules = ParseRules()
    terms: dict[str, TermSpec] = field(default_factory=dict)
    words: set[str] = field(default_factory=set)  # spelled right, whatever the spell checker says


def empty(path: str = "(no curation file)") -> Curation:
    """Curation for a notes file that has none: every term gets defaults."""
    return Curation(path=path)


_IMPOSSIBLE_DATE = re.compile(r":\s+'?(\d{4}-(1[3-9]|[2-9]\d|00)-\d{2}|\d{4}-\d{2}-(3[2-9]|[4-9]\d|00))\b")


def read_lined_yaml(path: Path, what: str) -> Any:
    """A hand-edited YAML file loaded with line numbers; every way it cannot be read is a located problem.

    Shared by the curation and the definitions files: ``what`` names the file in the messages.
    """
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CurationError(Problem(where, None, f"the {what} file does not exist",
                                    "create it (an empty file is fine)", group="curation")) from None
    except UnicodeDecodeError as exc:
        raise CurationError(Problem(where, None, f"not valid UTF-8 ({exc.reason})",
                                    "re-save the file as UTF-8", group="curation")) from None
    try:
        data = yaml.load(text, Loader=LinedLoader) or Lined()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else None
        raise CurationError(Problem(where, line, f"not valid YAML: {exc.problem}",
                                    "fix the YAML syntax at this line", group="curation")) from None
    except ValueError as exc:  # YAML reads 2025-13-40 as a date and the date constructor refuses it
        line = next((n for n, row in enumerate(text.splitlines(), 1) if _IMPOSSIBLE_DATE.search(row)), None)
        raise CurationError(Problem(where, line, f"not a real date ({exc})",
                                    "write a date that exists, as YYYY-MM-DD", group="curation")) from None
    if not isinstance(data, dict):
        raise CurationError(Problem(where, 1, f"the {what} file must be a YAML mapping",
                                    "start with a key such as 'terms:'", group="curation"))
    return data


def unknown_keys(data: dict, allowed: set[str], fail) -> None:
    """One problem per top-level key that is not in ``allowed``."""
    for key in data:
        if key not in allowed:
            fail(line_of(data, key), f"unknown top-level key {key!r}", f"use one of {sorted(allowed)}")


def load_curation(path: Path) -> Curation:
    """Read and shape-check the curation file; raise :class:`CurationError` on any fault."""
    return check_curation(read_lined_yaml(path, "curation"), str(path))


def check_curation(data: Any, where: str) -> Curation:
    """Turn the loaded YAML into a :class:`Curation`, collecting every shape error."""
    problems: list[Problem] = []

    def fail(line: int | None, message: str, hint: str) -> None:
        problems.append(Problem(where, line, message, hint, group="curation"))

    if not isinstance(data, dict):
        raise CurationError(Problem(where, 1, "the curation file must be a YAML mapping",
                                    "start with keys such as 'terms:'", group="curation"))
    unknown_keys(data, TOP_LEVEL, fail)

    curation = Curation(path=where)
    corrections = data.get("corrections") or {}
    if not isinstance(corrections, dict):
        fail(line_of(data, "corrections"), "'corrections' must map a wrong spelling to the right one",
             "write it as  wrong: right")
    else:
        for wrong, right in corrections.items():
            line = line_of(corrections, wrong)
            if not isinstance(wrong, str) or not isinstance(right, str) or not wrong:
                fail(line, f"correction {wrong!r} must map text to text", "write it as  wrong: right")
                continue
            curation.corrections[wrong] = right
            if line:
                curation.correction_lines[wrong] = line

    starts: list[EntryStart] = []
    for i, item in enumerate(data.get("entry_starts") or []):
        line = line_of(data["entry_starts"], i)
        if isinstance(item, str) and item.strip():
            starts.append(EntryStart(item.strip()))
        elif isinstance(item, dict) and set(item) == {"starts", "title"} and all(
                isinstance(v, str) and v.strip() for v in item.values()):
            starts.append(EntryStart(item["starts"].strip(), item["title"].strip()))
        else:
            fail(line, "an entry start is a title, or {starts: <line start>, title: <title>}",
                 "see the comment above entry_starts")
    joined: list[tuple[str, str]] = []
    for i, item in enumerate(data.get("joined_titles") or []):
        if isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item):
            joined.append((item[0].strip(), item[1].strip()))
        else:
            fail(line_of(data["joined_titles"], i), "a joined title is a pair: [first line, second line]",
                 "write it as  - [Hyperparameter, search space]")
    not_titles = data.get("not_titles") or []
    if not isinstance(not_titles, list) or not all(isinstance(x, str) for x in not_titles):
        fail(line_of(data, "not_titles"), "'not_titles' must be a list of lines", "write one line per item")
        not_titles = []
    curation.rules = ParseRules(tuple(starts), tuple(joined), frozenset(x.strip() for x in not_titles))
    words = data.get("words") or []
    if not isinstance(words, list) or not all(isinstance(x, str) for x in words):
        fail(line_of(data, "words"), "'words' must be a list of words", "write  words: [AKS, ACI]")
    else:
        curation.words = {w.strip() for w in words}

    terms = data.get("terms") or {}
    if not isinstance(terms, dict):
        fail(line_of(data, "terms"), "'terms' must map notes titles to settings", "see the README")
        terms = {}
    for key, settings in terms.items():
        _check_term(str(key), line_of(terms, key) or 0, settings, curation, fail)

    if problems:
        raise CurationError(problems)
    return curation


def _check_term(key: str, line: int, settings: Any, curation: Curation, fail) -> None:
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        fail(line, f"the settings of {key!r} must be a mapping", "write {tags: [..], ...}")
        return
    spec = TermSpec(key, line)
    for name, value in settings.items():
        field_line = line_of(settings, name) or line
        expected = TERM_FIELDS.get(name)
        if expected is None and name in MOVED_TO_DEFINITIONS:
            fail(field_line, f"{name!r} of {key!r} belongs in the definitions file",
                 f"move it to notes/definitions.yml under the term's slug ({name}: ...)")
            continue
        if expected is None:
            fail(field_line, f"unknown setting {name!r} for {key!r}", f"use one of {sorted(TERM_FIELDS)}")
            continue
        if not isinstance(value, expected) or (expected is list and not all(isinstance(v, str) for v in value)):
            kind = "a list of strings" if expected is list else "a string"
            fail(field_line, f"{name!r} of {key!r} must be {kind}", f"write {name} as {kind}")
            continue
        if name in ("aliases", "related") and not all(v.strip() for v in value):
            fail(field_line, f"{name!r} of {key!r} has an empty entry", f"remove the empty entry from {name}")
            continue
        if name == "related" and (both := sorted(set(value) & set(settings.get("aliases") or []))):
            fail(field_line, f"{both[0]!r} of {key!r} is both an alias and a related word",
                 "keep it under aliases if it is another name for the term, else under related only")
            continue
        if name == "second_line" and value not in SECOND_LINE_ROLES:
            fail(field_line, f"second_line of {key!r} is {value!r}", f"use one of {SECOND_LINE_ROLES}")
            continue
        spec.values[name] = value
        spec.lines[name] = field_line
    norm = normalise_title(key)
    if norm in curation.terms:
        fail(line, f"{key!r} is curated twice (also on line {curation.terms[norm].line})",
             "keep one of the two")
        return
    curation.terms[norm] = spec
