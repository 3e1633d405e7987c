"""Cross-links: the first mention of another term in a definition links to it.

Like a Sphinx ``:term:`` reference, but found automatically: by title, alias
or notes title; longest name first; whole words only; case- and
plural-tolerant; never inside code (unless the code *is* a term name), URLs
or headings; never a link from a term to itself.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from mlterms.glossary.curation_file import normalise_title

MIN_NAME_LENGTH = 3


_TOKEN = re.compile(r"[\w\-]+")


@dataclass
class Names:
    """Every linkable name -> the slug of its term.

    Matching walks the words of a text and looks spans of up to ``max_words``
    words up in a dict (longest first), so it costs the same for 5,000 terms
    as for 50: no regular expression with thousands of alternatives.
    """

    slug_of: dict[str, str]
    max_words: int = 0

    @classmethod
    def build(cls, names: dict[str, str]) -> "Names":
        """``names``: display name -> slug. Later names never override earlier ones."""
        slug_of: dict[str, str] = {}
        max_words = 0
        for name, slug in names.items():
            key = normalise_title(name)  # "fit()" -> "fit"
            tokens = _TOKEN.findall(key)
            if len(key) < MIN_NAME_LENGTH or key.isdigit() or "(" in key or not tokens:
                continue
            # (a name that starts or ends with punctuation, ".fit()", is only ever matched as code)
            slug_of.setdefault(key, slug)
            max_words = max(max_words, len(tokens))
        return cls(slug_of, max_words)

    def slug_for(self, text: str) -> str | None:
        return self._slug_for_key(normalise_title(text))

    def _slug_for_key(self, key: str) -> str | None:
        if key in self.slug_of:
            return self.slug_of[key]
        for suffix in ("es", "s"):
            if key.endswith(suffix) and key[: -len(suffix)] in self.slug_of:
                return self.slug_of[key[: -len(suffix)]]
        return None

    @functools.cached_property
    def _sorted_keys(self) -> list[str]:
        return sorted(self.slug_of)

    def _starts_a_name(self, word_key: str) -> bool:
        """Does some name start with this word? If not, no span of several words from it can be one."""
        at = bisect.bisect_left(self._sorted_keys, word_key)
        return at < len(self._sorted_keys) and self._sorted_keys[at].startswith(word_key)

    def find(self, text: str):
        """(start, end, slug) of each name in ``text``: leftmost, then longest, never overlapping.

        Longer spans are only looked up from a word some name starts with: a
        line of many words (a long chain of calls) costs about one look-up a word.
        """
        words = [m.span() for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(words):
            first = text[words[i][0]:words[i][1]].casefold()  # one word's key: what normalise_title makes of it
            last = min(len(words), i + self.max_words) - 1 if self._starts_a_name(first) else i
            for j in range(last, i - 1, -1):
                start, end = words[i][0], words[j][1]
                slug = self.slug_for(text[start:end]) if j > i else self._slug_for_key(first)
                if slug is not None:
                    yield start, end, slug
                    i = j
                    break
            i += 1


MENTION_ANCHOR = "mention-"  # the id of a page's first link to term <slug>: "mention-<slug>"


def mention_anchor(slug: str) -> str:
    """The id on the link where a page first mentions ``slug`` ("Mentioned in" elsewhere links to it)."""
    return f"{MENTION_ANCHOR}{slug}"


@dataclass(frozen=True)
class Mention:
    """Where a page first links a term: the displayed line and the span of the linked words in it."""

    line: str
    start: int
    end: int


@dataclass
class PageLinker:
    """Links for one page: remembers what it already linked so only first mentions link.

    It also remembers *where* each first mention is (``mentions``): the line
    being rendered (set in ``line`` by the renderer) and the span of the link
    in it, which the other term's "Mentioned in" shows as context.
    """

    names: Names
    own_slug: str
    href: callable
    linked: list[str] = field(default_factory=list)
    line: str = ""
    mentions: dict[str, Mention] = field(default_factory=dict)

    def _target(self, text: str) -> str | None:
        slug = self.names.slug_for(text)
        if slug is None or slug == self.own_slug or slug in self.linked:
            return None
        self.linked.append(slug)
        return slug

    def _remember(self, slug: str, start: int, end: int) -> None:
        if self.line[start:end]:
            self.mentions[slug] = Mention(self.line, start, end)

    def text(self, text: str, offset: int = 0) -> list[tuple[str, str | None, str | None]]:
        """Split prose into (chunk, href or None, anchor id or None); ``offset``: where ``text`` sits in ``line``."""
        out: list[tuple[str, str | None, str | None]] = []
        pos = 0
        for start, end, _ in self.names.find(text):
            slug = self._target(text[start:end])
            if slug is None:
                continue
            self._remember(slug, offset + start, offset + end)
            if start > pos:
                out.append((text[pos:start], None, None))
            out.append((text[start:end], self.href(slug), mention_anchor(slug)))
            pos = end
        if pos < len(text):
            out.append((text[pos:], None, None))
        return out

    def code(self, text: str, offset: int = 0) -> tuple[str, str] | None:
        """(href, anchor id) for a code span that is exactly a term's name (``predict_proba``)."""
        slug = self._target(text.rstrip(".").removesuffix("()"))
        if not slug:
            return None
        self._remember(slug, offset, offset + len(text))
        return self.href(slug), mention_anchor(slug)
