"""What changed between two versions of the glossary, term by term: the lines of What's new and the feed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mlterms.glossary.curation_file import normalise_title

from .gitlog import Commit

if TYPE_CHECKING:
    from mlterms.glossary.curate import Glossary


@dataclass(frozen=True)
class TermState:
    """What a reader sees of a term at one commit, reduced to what "what changed" compares."""

    slug: str
    title: str
    key: str  # the notes' own title, normalised: stays put when the curation renames the term
    names: frozenset[str]
    aliases: tuple[str, ...]
    tags: tuple[str, ...]
    text: tuple[str, ...]  # the notes lines of its definitions
    summary: str  # the curated one-line definition ("" when the notes' first sentence is used)
    note: str
    learn_more: tuple[str, ...]
    old_slugs: tuple[str, ...]


def states(glossary: "Glossary") -> dict[str, TermState]:
    return {t.slug: TermState(
        slug=t.slug, title=t.title, key=normalise_title(t.entries[0].title),
        names=frozenset(normalise_title(n) for n in t.names), aliases=tuple(t.aliases), tags=tuple(t.tags),
        text=tuple(ln.stripped for d in t.definitions for ln in d.lines if not ln.is_blank),
        summary=t.summary if t.summary_origin == "curated" else "", note=t.note,
        learn_more=tuple(link.url for link in t.learn_more), old_slugs=tuple(t.old_slugs))
        for t in glossary.terms}


# What a change can be, and how a listing names the kind (What's new folds a large commit by kind).
KINDS = {
    "added": "added", "renamed": "renamed", "definition": "definition changed",
    "summary": "one-line definition", "alias": "aliases", "tags": "tags changed",
    "note": "editor's note", "links": "learn-more links", "removed": "removed", "first": "first version",
}


@dataclass(frozen=True)
class Change:
    """One line of What's new: a term (or, for "first", the whole glossary) changed in one commit."""

    commit: Commit
    slug: str  # the term's slug at that commit ("" for "first")
    title: str
    kinds: tuple[str, ...]  # from KINDS
    summary: str  # "definition changed; new alias “EDA”"


def _quote(items) -> str:
    return ", ".join(f"“{x}”" for x in items)


def _field_changes(old: TermState, new: TermState) -> list[tuple[str, str]]:
    found = []
    if old.title != new.title:
        found.append(("renamed", f"renamed from “{old.title}”"))
    if old.text != new.text:
        found.append(("definition", "definition changed"))
    if old.summary != new.summary and new.summary:
        found.append(("summary", "one-line definition changed" if old.summary else "one-line definition written"))
    added = [a for a in new.aliases if a not in old.aliases]
    dropped = [a for a in old.aliases if a not in new.aliases]
    if added:
        found.append(("alias", f"new alias{'es' if len(added) > 1 else ''} {_quote(added)}"))
    if dropped:
        found.append(("alias", f"alias{'es' if len(dropped) > 1 else ''} {_quote(dropped)} removed"))
    if set(old.tags) != set(new.tags):
        diff = [f"+{t}" for t in new.tags if t not in old.tags] + [f"−{t}" for t in old.tags if t not in new.tags]
        found.append(("tags", f"tags changed ({', '.join(diff)})"))
    if old.note != new.note:
        word = "added" if not old.note else "removed" if not new.note else "changed"
        found.append(("note", f"editor's note {word}"))
    if old.learn_more != new.learn_more:
        found.append(("links", "learn-more links changed"))
    return found


def _renamed_from(new: TermState, gone: dict[str, TermState]) -> TermState | None:
    """The vanished term a new slug continues: named in old_slugs, same notes title, or one of its names."""
    for test in (lambda o: o.slug in new.old_slugs, lambda o: o.key == new.key,
                 lambda o: normalise_title(o.title) in new.names):
        match = next((o for o in gone.values() if test(o)), None)
        if match is not None:
            return match
    return None


def compare(before: dict[str, TermState], after: dict[str, TermState], commit: Commit) -> tuple[list[Change], dict[str, str]]:
    """The changes from one version to the next, and the renames (old slug -> new slug) among them."""
    changes: list[Change] = []
    renames: dict[str, str] = {}
    gone = {slug: s for slug, s in before.items() if slug not in after}
    for slug, new in after.items():
        old = before.get(slug)
        found: list[tuple[str, str]]
        if old is None:
            old = _renamed_from(new, gone)
            if old is None:
                changes.append(Change(commit, slug, new.title, ("added",), "added"))
                continue
            del gone[old.slug]
            renames[old.slug] = slug
            found = _field_changes(old, new)
            if old.title == new.title:
                found.insert(0, ("renamed", f"new address (was {old.slug})"))
        else:
            found = _field_changes(old, new)
        if found:
            kinds = tuple(dict.fromkeys(kind for kind, _ in found))
            changes.append(Change(commit, slug, new.title, kinds, "; ".join(text for _, text in found)))
    for slug, old in gone.items():
        changes.append(Change(commit, slug, old.title, ("removed",), "removed"))
    return changes, renames
