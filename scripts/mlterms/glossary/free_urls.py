"""The URLs a term asks for must be free: its slug, its old slugs (redirects) and its aliases' redirects.

Checked while curating, so the fault names the curation or notes line that asks for the URL.
"""

from __future__ import annotations

from typing import Callable

from mlterms.errors import Problem
from mlterms.glossary.curation_file import Curation, normalise_title
from mlterms.glossary.slugs import RESERVED_SLUGS, slugify


def check_urls_are_free(terms: dict, curation: Curation, notes_path: str, fail: Callable[..., None],
                         warnings: list[Problem]) -> None:
    """No term URL or redirect may land on a page the site owns or on another live term.

    mkdocs-redirects writes a redirect stub over whatever page has that path,
    and a term slugged "index" would replace the A–Z index: both are errors
    naming the line that asks for them. An alias is a search name first; one
    whose URL is taken just gets no redirect (a warning says so).
    """
    for term in terms.values():
        spec = curation.terms.get(normalise_title(term.entries[0].title))
        where = (curation.path, spec.line_of("slug")) if spec and spec.get("slug") else (notes_path, term.first_line)
        if slugify(term.slug) != term.slug:  # "a/b", "tag:x": another path, or the id of a map node
            fail(where[1], f"the slug {term.slug!r} of {term.title!r} is not lower-case letters and digits "
                           "joined by hyphens", f"write it as {slugify(term.slug) or 'term'!r}", path=where[0])
        elif term.slug in RESERVED_SLUGS:
            fail(where[1], f"the slug {term.slug!r} of {term.title!r} is a path the site owns "
                           f"(reserved: {', '.join(sorted(RESERVED_SLUGS))})",
                 "give the term another slug in the curation file", path=where[0])
        for old in term.old_slugs:
            line = spec.line_of("old_slugs") if spec else None
            if old in RESERVED_SLUGS:
                fail(line, f"old_slugs of {term.title!r} lists {old!r}, a path the site owns",
                     "remove it: that URL was never a term page")
            elif old in terms and old != term.slug:
                fail(line, f"old_slugs of {term.title!r} lists {old!r}, the live page of {terms[old].title!r}; "
                           "its redirect would overwrite that page", "remove it from old_slugs")
        for alias in term.aliases:
            if slugify(alias) in RESERVED_SLUGS:
                line = spec.line_of("aliases") if spec and spec.get("aliases") else term.first_line
                warnings.append(Problem(curation.path if spec and spec.get("aliases") else notes_path, line,
                                        f"the alias {alias!r} of {term.title!r} gets no redirect: "
                                        f"/terms/{slugify(alias)}/ is a path the site owns",
                                        "nothing to do unless you want that URL; search still finds the alias",
                                        severity="warning", group="curation"))
