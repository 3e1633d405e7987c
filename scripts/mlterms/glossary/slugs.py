"""The slug rule, in one place: how a title becomes the stable part of a URL."""

from __future__ import annotations

import re
import unicodedata

# "Principal Component Analysis (PCA)": a trailing abbreviation in brackets is
# an alias, not part of the slug (the URL stays readable and short).
_ABBREVIATION = re.compile(r"^(?P<base>.*\S)\s*\((?P<abbr>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\)$")


def split_abbreviation(title: str) -> tuple[str, str | None]:
    """("Principal Component Analysis", "PCA") for "Principal Component Analysis (PCA)"."""
    m = _ABBREVIATION.match(title.strip())
    if m and len(m.group("abbr")) <= 8:
        return m.group("base"), m.group("abbr")
    return title.strip(), None


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; empty brackets "()" vanish."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.replace("()", " ").casefold()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def default_slug(title: str) -> str:
    """The slug a term gets when the curation file names none."""
    base, _ = split_abbreviation(title)
    return slugify(base) or "term"


# Paths the site itself owns. A term lives at /terms/<slug>/, so "index" would replace the A–Z
# index; the others are the site's top-level sections, kept free so that a term URL can never be
# mistaken for (or, with a relative link, resolve to) one of them.
RESERVED_SLUGS = frozenset({"index", "tags", "walkthroughs", "search", "assets", "about", "resources",
                            "404", "az", "snippets", "stylesheets", "javascripts", "overrides", "sitemap"})


def term_url(slug: str) -> str:
    """A term page's site path: the one URL rule (``/terms/<slug>/`` never changes once published)."""
    return f"terms/{slug}/"


def term_source(slug: str) -> str:
    """A term page's Markdown file, docs-relative (what the hook generates, links and redirects name)."""
    return f"terms/{slug}.md"
