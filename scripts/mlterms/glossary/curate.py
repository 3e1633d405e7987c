"""Apply the curation file to the parsed notes: entries -> terms.

``curate(notes, curation, tags_allowed)`` groups entries into terms (the same
title twice is one term with both texts; ``merge_into`` folds a near-duplicate
into another term), gives each its slug, clean title, aliases, context, tags
and one-sentence summary, and checks every curation entry against the notes.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from mlterms.errors import CurationError, Problem
from mlterms.glossary.curation_file import Curation, TermSpec, normalise_title
from mlterms.glossary.free_urls import check_urls_are_free
from mlterms.glossary.slugs import default_slug, split_abbreviation
from mlterms.notes.lines import Kind, is_title_like, shape
from mlterms.notes.parse import Entry, Excluded, Line, Notes

CONTEXT_SEPARATOR = " - "
SUMMARY_LIMIT = 200


@dataclass
class ContextLine:
    """The breadcrumb of a term: its parent topic(s), as the notes (or curation) word it.

    ``parts`` keeps the text in order: each part is (text, slug of the term it
    names or None); joining the texts with ``separator`` gives ``text`` back.
    """

    text: str
    line: int | None
    parts: list[tuple[str, str | None]]
    separator: str = CONTEXT_SEPARATOR


@dataclass
class Definition:
    """One entry's text as shown on the term page (second line already taken out if it was context or alias)."""

    entry: Entry
    lines: list[Line]


@dataclass
class Term:
    slug: str
    title: str
    definitions: list[Definition]
    notes_titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    alias_lines: list[Line] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    context: ContextLine | None = None
    summary: str = ""
    summary_origin: str = "notes"  # "notes": the notes' first sentence; "curated": definitions.yml
    summary_where: tuple[str, int] | None = None  # the line a summary lint warning points at
    see_also: list[str] = field(default_factory=list)
    note: str = ""  # the editor's note (definitions.yml), with the page that says what is accurate
    note_source: str = ""
    learn_more: list = field(default_factory=list)  # definitions.Link
    compare: list[tuple[list[str], str]] = field(default_factory=list)  # (other slugs, how they differ)
    old_slugs: list[str] = field(default_factory=list)
    autolink: bool = True
    code: list[str] = field(default_factory=list)  # its definitions.yml `api:` path; TermRecord.code has them all
    code_names: list[str] = field(default_factory=list)  # identifiers that name it in code (crosswalk kind code)
    related: list[str] = field(default_factory=list)  # search-only words (curation `related:`), never shown as names
    questions: list[str] = field(default_factory=list)  # readers' questions it answers (crosswalk kind question): search only
    messages: list[str] = field(default_factory=list)  # library messages it explains (crosswalk kind message): search only
    other_names: list = field(default_factory=list)  # crosswalk.OtherName: other communities' names, with sources
    status: str = "current"  # lifecycle (definitions.yml, README "Lifecycle"): current|deprecated|retired|legacy|renamed
    status_since: str = ""
    replaced_by: str = ""
    replaced_by_url: str = ""
    status_source: str = ""
    status_note: str = ""  # a short qualifier shown in the badge ("not preinstalled from Databricks Runtime 16.0 ML")
    replaced_by_name: str = ""  # the title of our term ``replaced_by`` names ("" for a product elsewhere)

    @property
    def names(self) -> list[str]:
        """Every name the term goes by: title, aliases, the notes' own titles."""
        return [self.title, *self.aliases, *self.notes_titles]

    @property
    def entries(self) -> list[Entry]:
        return [d.entry for d in self.definitions]

    @property
    def source_lines(self) -> list[int]:
        return sorted({n for e in self.entries for n in e.source_lines})

    @property
    def first_line(self) -> int:
        return self.entries[0].first_line


@dataclass
class Glossary:
    """Everything the site is made of, after curation."""

    terms: list[Term]
    document_title: str | None
    resources: list[Line]
    resources_heading: Line | None
    excluded: list[Excluded]
    corrections: dict[str, str]
    warnings: list[Problem]
    abbreviations: list = field(default_factory=list)  # crosswalk.Abbreviation: the field's abbreviations
    absent: list = field(default_factory=list)  # crosswalk.Absent: concepts the glossary has no term for
    compare_sources: dict[str, str] = field(default_factory=dict)  # a compare line, as shown -> its official source

    @functools.cached_property
    def by_slug(self) -> dict[str, Term]:
        """slug -> term (built once: the list of terms does not change after curation)."""
        return {t.slug: t for t in self.terms}


def a_to_z(title: str, slug: str) -> tuple[str, str]:
    """The A–Z order of terms everywhere: title without case, then slug (two titles may differ by case only)."""
    return title.casefold(), slug


def letter_of(title: str) -> str:
    """The A–Z section a title sorts under ("#" for digits and symbols)."""
    first = title[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def apply_corrections(text: str, corrections: dict[str, str]) -> str:
    """Fix the listed misspellings (whole words only, longest first)."""
    for wrong in sorted(corrections, key=len, reverse=True):
        if wrong in text:  # the cheap test first: most lines hold none of them (What's new curates 100 versions)
            text = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", corrections[wrong], text)
    return text


def first_sentence(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """The first sentence of ``text``, cut at a word boundary near ``limit``."""
    text = " ".join(text.split())
    m = re.search(r"(?<=[.!?])\s+(?=[A-Z])", text)
    sentence = text[: m.start()] if m else text
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    return sentence


def _second_line(entry: Entry) -> Line | None:
    """The line right under a one-line title, when it could be a context or alias line."""
    if not entry.title_lines or not entry.body:
        return None
    line = entry.body[0]
    if line.lead or line.number != entry.title_lines[-1] + 1 or line.indent:
        return None
    return line if is_title_like(line.stripped) else None


Fail = Callable[..., None]  # fail(line, message, hint, path=...): records a located problem


def _new_term(entries: list[Entry], spec: TermSpec, titles: dict[str, str], shared_second: Counter) -> Term:
    """One term from the entries that share a title, as its curation entry (``spec``) says."""
    notes_title = " ".join(entries[0].title.split())
    _, abbreviation = split_abbreviation(notes_title.rstrip(":").strip())
    title = spec.get("title") or (notes_title.rstrip(":").strip())
    term = Term(slug=spec.get("slug") or default_slug(title), title=title, definitions=[])
    term.notes_titles = [e.title for e in entries if e.title != title]
    term.aliases = list(spec.get("aliases", []))
    if abbreviation and abbreviation not in term.aliases:
        term.aliases.append(abbreviation)
    term.tags = list(spec.get("tags", []))
    term.related = list(spec.get("related", []))
    term.see_also = list(spec.get("see_also", []))
    term.old_slugs = list(spec.get("old_slugs", []))
    term.autolink = spec.get("autolink", True)
    for entry in entries:
        term.definitions.append(_definition(entry, term, spec if entry is entries[0] else None,
                                            titles, shared_second))
    if spec.get("context"):
        term.context = ContextLine(spec.get("context"), None, [])
    return term


def _merge(merges: list[tuple[Term, str, TermSpec]], terms: dict[str, Term], fail: Fail) -> None:
    """Fold each ``merge_into`` term into its target: its texts, names, tags and related words."""
    for term, target, spec in merges:
        if target not in terms:
            fail(spec.line_of("merge_into"), f"merge_into names no term with slug {target!r}",
                 "use the slug of an existing term")
            continue
        into = terms[target]
        into.definitions.extend(term.definitions)
        into.definitions.sort(key=lambda d: d.entry.first_line)
        into.notes_titles.extend(t for t in [term.title, *term.notes_titles] if t != into.title)
        into.aliases.extend(a for a in term.aliases if a not in into.aliases)
        into.tags.extend(t for t in term.tags if t not in into.tags)
        into.related.extend(r for r in term.related if r not in into.related)
        if into.context is None:
            into.context = term.context


def _check_and_summarise(terms: dict[str, Term], curation: Curation, tags_allowed: list[str] | None,
                         fail: Fail, warnings: list[Problem], notes_path: str) -> None:
    """Resolve context parts, check tags and references, give each term its summary."""
    lookup = _title_lookup(terms.values())
    allowed = set(tags_allowed) if tags_allowed is not None else None
    for term in terms.values():
        spec = curation.terms.get(normalise_title(term.entries[0].title), TermSpec(term.title, 0))
        if term.context is not None:
            term.context.parts = _context_parts(term.context.text, lookup, term.slug)
        for tag in term.tags:
            if allowed is not None and tag not in allowed:
                fail(spec.line_of("tags"), f"unknown tag {tag!r} for {spec.key!r}",
                     f"use one of: {', '.join(sorted(allowed))}")
        for ref in term.see_also:
            if ref not in terms:
                fail(spec.line_of("see_also"), f"see_also of {spec.key!r} names no term with slug {ref!r}",
                     "use the slug of an existing term")
        if not term.tags:
            warnings.append(Problem(notes_path, term.first_line, f"term {term.title!r} has no tags",
                                    f"add tags under {term.entries[0].title!r} in the curation file",
                                    severity="warning", group="curation"))
        term.summary = _summary(term, curation.corrections)
        term.summary_where = (notes_path, term.first_line)


def _unused_corrections(terms: dict[str, Term], curation: Curation) -> list[Problem]:
    """A correction that matches no definition text is a warning: a typo in it, or a fixed note."""
    used = {w for w in curation.corrections
            if any(w in ln.text and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", ln.text)
                   for t in terms.values() for d in t.definitions for ln in d.lines)}
    return [Problem(curation.path, line, f"the correction {wrong!r} matches no definition text",
                    "remove it, or check its spelling against the notes", severity="warning", group="curation")
            for wrong, line in curation.correction_lines.items() if wrong not in used]


def curate(notes: Notes, curation: Curation, tags_allowed: list[str] | None,
           notes_path: str = "notes") -> Glossary:
    """Turn parsed notes into terms; raise :class:`CurationError` listing every fault."""
    problems: list[Problem] = []
    warnings: list[Problem] = list(notes.warnings)
    cpath = curation.path

    def fail(line: int | None, message: str, hint: str, path: str = cpath) -> None:
        problems.append(Problem(path, line, message, hint, group="curation"))

    # 1. Group entries with the same title (the same term written twice).
    groups: dict[str, list[Entry]] = {}
    for entry in notes.entries:
        groups.setdefault(normalise_title(entry.title), []).append(entry)

    # 2. Match curation entries to groups.
    for key, spec in curation.terms.items():
        if key not in groups:
            fail(spec.line, f"no entry titled {spec.key!r} in the notes",
                 "write the title exactly as the notes do, or remove this entry")

    titles = {key: entries[0].title for key, entries in groups.items()}
    shared_second = Counter(
        normalise_title(line.stripped) for e in notes.entries if (line := _second_line(e)))

    # 3. Build one term per group; merge near-duplicates into their target.
    terms: dict[str, Term] = {}
    merges: list[tuple[Term, str, TermSpec]] = []
    for key, entries in groups.items():
        spec = curation.terms.get(key, TermSpec(entries[0].title, 0))
        term = _new_term(entries, spec, titles, shared_second)
        if target := spec.get("merge_into"):
            merges.append((term, target, spec))
        elif term.slug in terms:
            other = terms[term.slug]
            fail(spec.line or term.first_line,
                 f"two terms get the slug {term.slug!r}: {other.title!r} (notes line {other.first_line}) "
                 f"and {term.title!r} (notes line {term.first_line})",
                 f"give one of them another slug, or merge them with merge_into: {term.slug}",
                 path=cpath if spec.line else notes_path)
        else:
            terms[term.slug] = term
    _merge(merges, terms, fail)

    # 4. Resolve context parts, check tags and references, summarise; check URLs and corrections.
    _check_and_summarise(terms, curation, tags_allowed, fail, warnings, notes_path)
    check_urls_are_free(terms, curation, notes_path, fail, warnings)
    warnings += _unused_corrections(terms, curation)

    if problems:
        raise CurationError(problems)
    ordered = sorted(terms.values(), key=lambda t: a_to_z(t.title, t.slug))
    return Glossary(
        terms=ordered,
        document_title=notes.document_title.stripped if notes.document_title else None,
        resources=notes.resources,
        resources_heading=notes.resources_heading,
        excluded=notes.excluded,
        corrections=dict(curation.corrections),
        warnings=warnings,
    )


def _definition(entry: Entry, term: Term, spec: TermSpec | None, titles: dict[str, str],
                shared_second: Counter) -> Definition:
    """Take a context or alias line off the top of an entry's definition."""
    lines = entry.definition
    second = _second_line(entry)
    if second is None:
        return Definition(entry, lines)
    norm = normalise_title(second.stripped)
    role = spec.get("second_line") if spec else None
    if role is None:
        parts = [normalise_title(p) for p in second.stripped.split(CONTEXT_SEPARATOR)]
        if parts[0] in titles and parts[0] != normalise_title(entry.title):
            role = "context"
        elif shared_second[norm] >= 2:
            role = "context"
        else:
            role = "definition"
    if role == "context" and term.context is None:
        term.context = ContextLine(second.stripped, second.number, [])
    elif role == "alias":
        term.aliases.append(second.stripped)
        term.alias_lines.append(second)
    else:
        return Definition(entry, lines)
    return Definition(entry, [ln for ln in lines if ln is not second])


def _title_lookup(terms) -> dict[str, str]:
    """Normalised title, notes title and alias -> slug, for linking context parts."""
    lookup: dict[str, str] = {}
    for term in terms:
        for name in [term.title, *term.notes_titles, *term.aliases]:
            lookup.setdefault(normalise_title(name), term.slug)
    return lookup


def _context_parts(text: str, lookup: dict[str, str], own: str) -> list[tuple[str, str | None]]:
    parts = []
    for part in text.split(CONTEXT_SEPARATOR):
        slug = lookup.get(normalise_title(part))
        parts.append((part, slug if slug != own else None))
    return parts


def _summary(term: Term, corrections: dict[str, str]) -> str:
    """The first sentence of the definition, for meta descriptions, lists and cards.

    Short lead-ins ("Interactive:", "Example:") are skipped when a real sentence
    follows. The sentence is taken as the notes write it: where it does not
    read as a definition (lower case, a fragment, an instruction), the summary
    lint says so and a curated summary in definitions.yml replaces it.
    """
    candidates = []
    for definition in term.definitions:
        for line in definition.lines:
            s = shape(line.stripped)
            if line.is_blank or s.kind in (Kind.CODE, Kind.URL):
                continue
            body = s.text[len(line.lead):] if line.lead and s.text.startswith(line.lead) else s.text
            text = apply_corrections(body, corrections).rstrip(":").strip()
            if text:
                candidates.append(text)
    if not candidates:
        return f"A term from the study notes: {term.title}."
    text = next((c for c in candidates if len(c.split()) >= 4), candidates[0])
    return first_sentence(text)
