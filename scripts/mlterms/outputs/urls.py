"""Stable URLs: every published term URL keeps working, through redirects when a slug changes.

``/terms/<slug>/`` never changes once published. Aliases, the notes' own
titles and old slugs (``old_slugs`` in the curation file) redirect to the
term (``/terms/pca/`` -> the PCA page). ``notes/published-urls.txt`` lists
every URL ever published; the build fails when one of them is neither a term
nor a redirect any more.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from mlterms.errors import Problem
from mlterms.glossary.curate import Glossary
from mlterms.glossary.slugs import RESERVED_SLUGS, slugify, term_source, term_url
from mlterms.paths import NOTES_DIR

MANIFEST = NOTES_DIR / "published-urls.txt"
_HEADER = ("# Every term URL ever published. Never delete a line: if a term's slug changes,\n"
           "# add the old slug to its old_slugs in notes/curation.yml (the build checks this).\n")


def public_url(site_url: str, path: str = "") -> str:
    """A site path as a reader sees it: under SITE_URL when there is one, else from the site's root."""
    return f"{site_url.rstrip('/')}/{path}"


def redirects(glossary: Glossary) -> dict[str, str]:
    """old or alias slug -> term slug. Old slugs always; an alias only when no other term claims it."""
    slugs = {t.slug for t in glossary.terms}
    claims: dict[str, set[str]] = defaultdict(set)
    result: dict[str, str] = {}
    for term in glossary.terms:
        for old in term.old_slugs:
            if old not in slugs and old not in RESERVED_SLUGS:  # else an error from curate
                result[old] = term.slug
        for name in term.names:
            alias = slugify(name)
            if alias and alias not in slugs and alias not in RESERVED_SLUGS:
                claims[alias].add(term.slug)
    for alias, owners in sorted(claims.items()):
        if len(owners) == 1 and alias not in result:
            result[alias] = next(iter(owners))
    return result


def redirect_maps(glossary: Glossary) -> dict[str, str]:
    """The mkdocs-redirects ``redirect_maps`` entries (docs-relative .md paths)."""
    return {term_source(old): term_source(new) for old, new in sorted(redirects(glossary).items())}


def read_manifest(path: Path = MANIFEST) -> list[tuple[int, str]]:
    if not path.exists():
        return []
    return [(n, line.strip()) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if line.strip() and not line.startswith("#")]


def check_published(glossary: Glossary, path: Path = MANIFEST) -> tuple[list[Problem], list[str]]:
    """Problems for published URLs that vanished; and the term URLs not yet in the manifest."""
    live = {term_url(t.slug) for t in glossary.terms} | {term_url(old) for old in redirects(glossary)}
    rel = path.name if not path.is_absolute() else f"notes/{path.name}"
    problems = [Problem(rel, n, f"the published URL /{url} no longer exists",
                        "add its slug to old_slugs of the term it became (notes/curation.yml), "
                        "so it redirects", group="curation")
                for n, url in read_manifest(path) if url not in live]
    known = {url for _, url in read_manifest(path)}
    new = sorted(term_url(t.slug) for t in glossary.terms if term_url(t.slug) not in known)
    return problems, new


def record(urls: list[str], path: Path = MANIFEST) -> None:
    """Append newly published URLs to the manifest."""
    if not urls:
        return
    text = path.read_text(encoding="utf-8") if path.exists() else _HEADER
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + "".join(f"{u}\n" for u in urls), encoding="utf-8")
