"""The names crosswalk (``notes/crosswalk.yml``): what other communities call our concepts, with sources.

A reader brings the words of the community they learned in: statistics says
"bootstrap aggregation" where scikit-learn says bagging, Microsoft renamed
Azure AD to Microsoft Entra ID. The crosswalk is curated data, one entry per
name, each with the community that uses it and the official page that says so:

- ``kind: synonym``: a true other name. The term page shows it under "Other
  names" with its community and source link; search finds the term by it.
- ``kind: related``: a word only related to the term ("elbow method" for
  within-cluster sum of squares). Search finds the term by it with a lower
  weight (it joins ``Term.related``); no page shows it as a name.
- ``kind: code``: an identifier of an official API that implements the term
  (``sklearn.model_selection.KFold`` for k-fold cross-validation). It goes to
  ``Term.code_names``: search weighs these identifiers above the ones the
  term's ``api:`` source, examples and links merely use.
- ``kind: question``: a question a reader asks, in a reader's words, that the
  term answers although it may not say the term's name ("Why does my model's
  accuracy drop after deployment?" for data drift); the source is the official
  page that ties that symptom or goal to the concept. Searched only (it goes to
  ``Term.questions``, a names.json field of its own): its words count for a
  page, below every name and related word, but never as a name. A name of
  another kind may not end with "?": that is a question filed under the wrong kind.
- ``kind: message``: the fixed words of an error or warning message a library
  prints ("Trying to backward through the graph a second time" for
  backpropagation), four words or more, without the values it fills in. A reader pastes the message; search puts
  the term that explains its cause first. The source is where the library writes
  the message: its docs, or its own source code in its repository
  (``definitions.OFFICIAL_REPOS``). Searched only (``Term.messages``).

``abbreviations:`` lists the common abbreviations of the field with the page
each comes from, mapped to our slug (search finds the term by it, as a related
word: "RMSE" is not a name of "Validating a model"), or to ``none`` when this
glossary has no term for it. ``absent:`` lists well-known concepts the glossary
has no term for ("confusion matrix"). For both, search says "No term for …"
first instead of offering a near miss as if it were the answer.

Every fault is a located problem (file:line, what, how to fix), as in the
curation and definitions files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlterms.errors import CurationError, Problem
from mlterms.glossary.curate import Glossary
from mlterms.glossary.curation_file import (
    line_of,
    normalise_title,
    read_lined_yaml,
    unknown_keys,
)
from mlterms.glossary.definitions import repository_source, url_problem
from mlterms.glossary.search_words import words
from mlterms.notes.markup import escape, external_link

KINDS = ("synonym", "related", "code", "question", "message")
MESSAGE_WORDS = 4  # a message shorter than this would match unrelated ones
NO_TERM = "none"  # an abbreviation whose concept this glossary does not cover
TOP_LEVEL = {"terms", "abbreviations", "absent"}
ENTRY_KEYS = {"name", "kind", "community", "source"}
ABBREVIATION_KEYS = {"abbreviation", "means", "term", "source"}
ABSENT_KEYS = {"name", "source"}
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


@dataclass(frozen=True)
class OtherName:
    """Another community's name for a term: shown (synonym) or searched only (related)."""

    name: str
    kind: str
    community: str
    source: str


@dataclass(frozen=True)
class Abbreviation:
    """A common abbreviation of the field, what it stands for, and our term for it ("" when we have none)."""

    abbreviation: str
    means: str
    slug: str
    source: str


@dataclass(frozen=True)
class Absent:
    """A concept this glossary has no term for, under one name readers use; search says so plainly."""

    name: str
    source: str


@dataclass
class Crosswalk:
    """The crosswalk file, shape-checked; ``apply_crosswalk`` checks it against the glossary."""

    path: str
    names: dict[str, list[tuple[OtherName, int]]] = field(default_factory=dict)  # slug -> (name, line)
    slug_lines: dict[str, int] = field(default_factory=dict)
    abbreviations: list[tuple[Abbreviation, int]] = field(default_factory=list)
    absent: list[tuple[Absent, int]] = field(default_factory=list)


def load_crosswalk(path: Path) -> Crosswalk:
    """Read and shape-check the crosswalk file; raise :class:`CurationError` listing every fault."""
    return check_crosswalk(read_lined_yaml(path, "crosswalk"), str(path))


def _text(entry: dict, key: str, line: int, fail, what: str) -> str:
    """A required non-empty string of ``entry``; an empty string (and a fault) when missing."""
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        fail(line_of(entry, key) or line, f"{what} has no {key}" if value is None else f"{key} of {what} is empty",
             f"write {key}: <text>")
        return ""
    return value.strip()


def _source(entry: dict, line: int, fail, what: str, code_repository: bool = False) -> str:
    """The entry's source URL: required, https, on an official documentation site (or, for a library's own
    message, ``code_repository``, in the library's own repository)."""
    source = _text(entry, "source", line, fail, what)
    if source and code_repository and repository_source(source):
        return source
    if source and (why := url_problem(source)):
        fail(line_of(entry, "source") or line, f"the source of {what}: {why}",
             "cite the library's file that writes the message (https://github.com/<owner>/<repo>/..., a repository "
             "in definitions.OFFICIAL_REPOS) or an official page that quotes it" if code_repository else
             "cite the official page that uses this name (https, a site in definitions.OFFICIAL_SITES)")
        return ""
    return source


def check_crosswalk(data: Any, where: str) -> Crosswalk:
    """Shape-check the loaded YAML: keys, kinds, non-empty names and communities, sources."""
    problems: list[Problem] = []

    def fail(line: int | None, message: str, hint: str) -> None:
        problems.append(Problem(where, line, message, hint, group="curation"))

    unknown_keys(data, TOP_LEVEL, fail)
    result = Crosswalk(where)
    terms = data.get("terms") or {}
    if not isinstance(terms, dict):
        fail(line_of(data, "terms"), "'terms' must map a slug to a list of names", "write  <slug>: [{name: ...}]")
        terms = {}
    for slug, entries in terms.items():
        line = line_of(terms, slug) or 0
        result.slug_lines[str(slug)] = line
        if not isinstance(entries, list):
            fail(line, f"the names of {slug!r} must be a list", "write  - {name: ..., kind: synonym, ...}")
            continue
        for i, entry in enumerate(entries):
            if (checked := _check_entry(entry, line_of(entries, i) or line, str(slug), fail)) is not None:
                result.names.setdefault(str(slug), []).append(checked)
    result.abbreviations = _checked_list(data, "abbreviations", "{abbreviation: ..., ...}", _check_abbreviation, fail)
    result.absent = _checked_list(data, "absent", "{name: confusion matrix, source: ...}", _check_absent, fail)
    if problems:
        raise CurationError(problems)
    return result


def _checked_list(data: Any, key: str, example: str, check, fail) -> list:
    """The entries of the top-level list ``key`` that pass ``check`` (each fault reported by it)."""
    entries = data.get(key) or []
    if not isinstance(entries, list):
        fail(line_of(data, key), f"'{key}' must be a list", f"write  - {example}")
        return []
    checked = (check(entry, line_of(entries, i) or 0, fail) for i, entry in enumerate(entries))
    return [found for found in checked if found is not None]


def _is_mapping(entry: Any, line: int, what: str, keys: set[str], example: str, fail) -> bool:
    """Whether ``entry`` is a mapping (else one fault); each key it has outside ``keys`` is a fault too."""
    if not isinstance(entry, dict):
        fail(line, f"{what} must be a mapping", f"write  {example}")
        return False
    for key in entry:
        if key not in keys:
            fail(line_of(entry, key) or line, f"unknown key {key!r} in {what}", f"use {sorted(keys)}")
    return True


def _check_entry(entry: Any, line: int, slug: str, fail) -> tuple[OtherName, int] | None:
    if not _is_mapping(entry, line, f"a name of {slug!r}", ENTRY_KEYS,
                       "{name: ..., kind: ..., community: ..., source: ...}", fail):
        return None
    what = f"a name of {slug!r}"
    name = _text(entry, "name", line, fail, what)
    what = f"{name!r} ({slug})" if name else what
    kind = _text(entry, "kind", line, fail, what)
    if kind and kind not in KINDS:
        fail(line_of(entry, "kind") or line, f"the kind of {what} is {kind!r}",
             "use synonym (another name, shown on the page), related (searched only), code (an API identifier), "
             "question (a reader's question the term answers) or message (a library's error or warning message)")
        kind = ""
    if kind == "code" and name and not _IDENTIFIER.fullmatch(name):
        fail(line_of(entry, "name") or line, f"{what} is kind code, but not a Python name or dotted path",
             "write the identifier alone, e.g. sklearn.model_selection.KFold (no call, no spaces)")
        name = ""
    if kind != "question" and name.endswith("?"):  # a question filed under the wrong kind
        fail(line_of(entry, "name") or line, f"{what} ends with '?' but is kind {kind}",
             "make it kind question, or drop the '?'")
        name = ""
    if kind == "question" and name and not (name.endswith("?") and len(name.split()) >= 3):
        fail(line_of(entry, "name") or line, f"{what} is kind question, but not a question of three words or more",
             "write it as a reader asks it, ending with '?', e.g. Why does my model's accuracy drop after deployment?")
        name = ""
    if kind == "message" and name and len(words(name)) < MESSAGE_WORDS:
        fail(line_of(entry, "name") or line, f"{what} is kind message, but shorter than {MESSAGE_WORDS} words",
             "quote more of the message's fixed words, so that it cannot match another library's message")
        name = ""
    community = _text(entry, "community", line, fail, what)
    source = _source(entry, line, fail, what, code_repository=kind == "message")
    if not (name and kind and community and source):
        return None
    return OtherName(name, kind, community, source), line


def _check_abbreviation(entry: Any, line: int, fail) -> tuple[Abbreviation, int] | None:
    if not _is_mapping(entry, line, "an abbreviation", ABBREVIATION_KEYS,
                       "{abbreviation: kNN, means: ..., term: none, source: ...}", fail):
        return None
    abbreviation = _text(entry, "abbreviation", line, fail, "an abbreviation")
    what = repr(abbreviation) if abbreviation else "an abbreviation"
    means = _text(entry, "means", line, fail, what)
    slug = _text(entry, "term", line, fail, what)
    source = _source(entry, line, fail, what)
    if not (abbreviation and means and slug and source):
        return None
    return Abbreviation(abbreviation, means, "" if slug == NO_TERM else slug, source), line


def _check_absent(entry: Any, line: int, fail) -> tuple[Absent, int] | None:
    if not _is_mapping(entry, line, "an absent concept", ABSENT_KEYS, "{name: confusion matrix, source: ...}", fail):
        return None
    name = _text(entry, "name", line, fail, "an absent concept")
    source = _source(entry, line, fail, repr(name) if name else "an absent concept")
    return (Absent(name, source), line) if name and source else None


def apply_crosswalk(glossary: Glossary, crosswalk: Crosswalk) -> None:
    """Give each term its other names and related words; raise :class:`CurationError` on any clash.

    A name may not be another term's title or alias (search would not know which
    term it means), nor repeat the term's own title or alias (it is one already).
    """
    problems: list[Problem] = []

    def fail(line: int | None, message: str, hint: str) -> None:
        problems.append(Problem(crosswalk.path, line, message, hint, group="curation"))

    owner = {normalise_title(n): t.slug for t in glossary.terms for n in t.names}
    seen: dict[str, tuple[str, int]] = {}  # a crosswalk name -> the slug and line that give it first
    for slug, entries in crosswalk.names.items():
        term = glossary.by_slug.get(slug)
        if term is None:
            fail(crosswalk.slug_lines.get(slug), f"no term has the slug {slug!r}",
                 "use the slug of a term (its URL /terms/<slug>/)")
            continue
        for other, line in entries:
            holder = owner.get(normalise_title(other.name))
            first = seen.setdefault(normalise_title(other.name), (slug, line))
            if first != (slug, line):
                fail(line, f"{other.name!r} ({slug}) is also given on line {first[1]} ({first[0]})",
                     "keep it once, under the term it names")
            elif holder == slug:
                fail(line, f"{other.name!r} is already a name of {term.title!r} (title or alias)",
                     "remove it from the crosswalk, or from the aliases if it belongs here with its source")
            elif holder is not None:
                fail(line, f"{other.name!r} ({slug}) is a name of another term, {glossary.by_slug[holder].title!r}",
                     "remove it, or move it to that term if it names that concept")
            elif other.kind == "synonym":
                term.other_names.append(other)
            elif other.kind == "code":
                term.code_names.append(other.name)
            elif other.kind == "question":
                term.questions.append(other.name)
            elif other.kind == "message":
                term.messages.append(other.name)
            elif other.name not in term.related:
                term.related.append(other.name)
    # What search finds a term by (its names, other names and related words, folded as search folds
    # them): "No term for X" would be false for any of these.
    finds = {_search_key(w): t.slug for t in glossary.terms
             for w in [*t.related, *(o.name for o in t.other_names), *t.names]}
    for abbreviation, line in crosswalk.abbreviations:
        holder = owner.get(normalise_title(abbreviation.abbreviation))
        if not abbreviation.slug and holder is None:
            holder = next((finds[k] for k in map(_search_key, (abbreviation.abbreviation, abbreviation.means))
                           if k in finds), None)
        if abbreviation.slug and abbreviation.slug not in glossary.by_slug:
            fail(line, f"the abbreviation {abbreviation.abbreviation!r} names no term {abbreviation.slug!r}",
                 f"use the slug of a term, or term: {NO_TERM} when the glossary has none")
        elif not abbreviation.slug and holder is not None:
            fail(line, f"{abbreviation.abbreviation!r} is marked {NO_TERM}, but search finds "
                       f"{glossary.by_slug[holder].title!r} by it (a name or related word)", f"write term: {holder}")
        elif abbreviation.slug and holder is None:  # search finds the term by it: a related word, unless a name
            term = glossary.by_slug[abbreviation.slug]
            named = {normalise_title(n) for n in [*term.related, *(o.name for o in term.other_names)]}
            if normalise_title(abbreviation.abbreviation) not in named:
                term.related.append(abbreviation.abbreviation)
    for absent, line in crosswalk.absent:
        if (holder := finds.get(_search_key(absent.name))) is not None:
            fail(line, f"{absent.name!r} is listed as absent, but search finds {glossary.by_slug[holder].title!r} "
                       "by it (a name or related word)", "remove it from absent:, or the word from that term")
    if problems:
        raise CurationError(problems)
    glossary.abbreviations = [a for a, _ in crosswalk.abbreviations]
    glossary.absent = [a for a, _ in crosswalk.absent]


def _search_key(name: str) -> str:
    """A name as search matches it whole: its folded words ("Eigen-decomposition" is "eigen decomposition")."""
    return " ".join(words(name))


def other_names_html(term) -> str:
    """The term page's "Other names" line: each synonym with its community and a link to its source.

    Escaped through ``markup`` like every other curated text; kept out of the
    search text (the names reach search through ``outputs.search_entries``). Related
    words are never shown: they are not names of the term.
    """
    if not term.other_names:
        return ""
    items = [f'{escape(o.name)} <span class="term-other-name-source">({external_link(o.source, o.community)})</span>'
             for o in term.other_names]  # the community, linked to the page where it uses the name
    return ('<p class="term-other-names" data-search-exclude><strong>Other names:</strong> '
            + " · ".join(items) + "</p>")
