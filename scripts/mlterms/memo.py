"""Per-term work remembered between the rebuilds of one `mkdocs serve --dirty` process.

An edit to one term's notes, curation or definitions entry changes that term
and, through the link graph, a few neighbours; yet every rebuild runs the whole
pipeline again (``record.assemble``, ``site_pages.build_pages``). At 5,000 terms
rendering every page again took seconds. A ``Memo`` remembers, per term, what
the expensive steps made (its page links, its code identifiers, its search
names, its page's Markdown) together with a key: a digest of *every* input the
step reads. A step whose key is unchanged hands back what it made last time;
anything else is computed again. So a stale result needs a missing input in a
key, and the keys are built from whole values (a term's full ``repr``, its
page's whole context, each neighbour it shows), never from picked fields.

Only the serve session keeps a ``Memo`` (``serve_cache``); ``scripts/build.py``
and a plain ``mkdocs build`` pass none and compute everything, as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def digest(value: Any) -> str:
    """A digest of ``value``'s ``repr``: dataclasses, lists, dicts and strings all spell out every
    field they hold, so two values with the same digest print the same."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()


class Memo:
    """table -> item -> (key, value): what each step made for each item in the last rebuild."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[Hashable, tuple[str, Any]]] = {}
        self.terms: dict[str, str] = {}  # slug -> digest of its Term, as this rebuild assembled it
        self.computed: dict[str, int] = {}  # table -> items computed (not remembered) in this rebuild
        self.kept: dict[str, Any] = {}  # step -> what it keeps to update its result (study_cards.avoid)

    def start(self, terms: Iterable[Any]) -> None:
        """A new rebuild of these terms (curated, examples attached): digest each once."""
        self.terms = {term.slug: digest(term) for term in terms}
        self.computed = {}

    def get(self, table: str, item: Hashable, key: str, compute: Callable[[], T]) -> T:
        """What ``compute`` returns for ``item``: remembered while ``key`` stays the same."""
        entries = self._tables.setdefault(table, {})
        kept = entries.get(item)
        if kept is not None and kept[0] == key:
            return kept[1]
        value = compute()
        entries[item] = (key, value)
        self.computed[table] = self.computed.get(table, 0) + 1
        return value

    def key(self, *parts: Any) -> str:
        """A key of several inputs (each digested by its ``repr``)."""
        return digest(parts)
