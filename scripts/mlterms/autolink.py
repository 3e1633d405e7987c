"""Cross-links: the first mention of another term in a definition links to it.

Like a Sphinx ``:term:`` reference, but found automatically: by title, alias
or notes title; longest name first; whole words only; case- and
plural-tolerant; never inside code (unless the code *is* a term name), URLs
or headings; never a link from a term to itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .curation import normalise_title

MIN_NAME_LENGTH = 3


@dataclass
class Names:
    """Every linkable name -> the slug of its term, and one regex that finds them all."""

    slug_of: dict[str, str]
    pattern: re.Pattern[str] | None

    @classmethod
    def build(cls, names: dict[str, str]) -> "Names":
        """``names``: display name -> slug. Later names never override earlier ones."""
        slug_of: dict[str, str] = {}
        for name, slug in names.items():
            key = normalise_title(name)
            if len(key) >= MIN_NAME_LENGTH and not key.isdigit() and "(" not in key:
                slug_of.setdefault(key, slug)
        if not slug_of:
            return cls(slug_of, None)
        alternatives = sorted(slug_of, key=len, reverse=True)
        body = "|".join(r"\s+".join(map(re.escape, name.split())) for name in alternatives)
        pattern = re.compile(rf"(?<![\w\-])(?:{body})(?:e?s)?(?![\w\-])", re.IGNORECASE)
        return cls(slug_of, pattern)

    def slug_for(self, text: str) -> str | None:
        key = normalise_title(text)
        if key in self.slug_of:
            return self.slug_of[key]
        for suffix in ("es", "s"):
            if key.endswith(suffix) and key[: -len(suffix)] in self.slug_of:
                return self.slug_of[key[: -len(suffix)]]
        return None


@dataclass
class PageLinker:
    """Links for one page: remembers what it already linked so only first mentions link."""

    names: Names
    own_slug: str
    href: callable
    linked: list[str] = field(default_factory=list)

    def _target(self, text: str) -> str | None:
        slug = self.names.slug_for(text)
        if slug is None or slug == self.own_slug or slug in self.linked:
            return None
        self.linked.append(slug)
        return slug

    def text(self, text: str) -> list[tuple[str, str | None]]:
        """Split prose into (chunk, href or None)."""
        if self.names.pattern is None:
            return [(text, None)]
        out: list[tuple[str, str | None]] = []
        pos = 0
        for m in self.names.pattern.finditer(text):
            slug = self._target(m.group(0))
            if slug is None:
                continue
            if m.start() > pos:
                out.append((text[pos:m.start()], None))
            out.append((m.group(0), self.href(slug)))
            pos = m.end()
        if pos < len(text):
            out.append((text[pos:], None))
        return out

    def code(self, text: str) -> str | None:
        """The href for a code span that is exactly a term's name (``predict_proba``)."""
        slug = self._target(text.rstrip(".").removesuffix("()"))
        return self.href(slug) if slug else None
