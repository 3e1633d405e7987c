"""The offline URL lint of the definitions file: the ways a link goes wrong that its text shows.

A learn-more link, an editor's note's source or a lifecycle source can load fine and still be
wrong: a doubled locale (``/en-us/fil-ph/``), a raw Sphinx source file (``_sources/….rst.txt``), an
old version's page (``/2.3.1/``, ``/v0.10/``, ``/v1/``) where the current one exists, the same page
twice (with and without ``.html`` or a trailing slash), a host off the allow-list. None of these
needs the network to see, so every build checks them; each fault is an error at its line. A
pinned version is allowed when the entry says why (``pinned_reason:``) or the term is not current.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from mlterms.errors import Problem
from mlterms.glossary.definitions import OFFICIAL_SITES, texts_with_lines

URL_KEYS = {"learn_more", "note_source", "status_source", "replaced_by_url", "source"}
_LOCALE = r"[a-z]{2,3}-[a-z]{2,4}"
DOUBLED_LOCALE = re.compile(rf"/{_LOCALE}/{_LOCALE}(?=/|$)", re.I)
SOURCE_FILE = re.compile(r"/_sources/|\.rst\.txt$|\.ipynb\.txt$", re.I)
# A path segment that names a release: /2.3.1/, /v0.10/, /v1/, /1.4/ (not "stable", "latest", "dev", "3").
PINNED = re.compile(r"/(v?\d+\.\d+(?:\.\d+)?|v\d+)(?=/|$)", re.I)


def url_faults(url: str) -> list[str]:
    """Why ``url`` is wrong, judged from its text alone (a pinned version is reported separately)."""
    faults = []
    parts = urlsplit(url)
    if parts.scheme != "https":
        faults.append("is not an https URL")
    if parts.hostname not in OFFICIAL_SITES:
        faults.append(f"is on {parts.hostname!r}, not on the allow-list OFFICIAL_SITES (definitions.py)")
    if DOUBLED_LOCALE.search(parts.path):
        faults.append("has two locales in its path (like /en-us/fil-ph/)")
    if SOURCE_FILE.search(parts.path):
        faults.append("is a documentation source file (_sources/, .rst.txt), not the page readers see")
    return faults


def pinned_version(url: str) -> str | None:
    """The release a URL's path is pinned to ("2.3.1", "v1"), if any."""
    match = PINNED.search(urlsplit(url).path)
    return match.group(1) if match else None


def page_key(url: str) -> str:
    """The page a URL names, ignoring the differences that do not change it: case of the host,
    ``.html``, ``index.html`` and a trailing slash."""
    parts = urlsplit(url)
    path = parts.path.removesuffix("index.html").removesuffix(".html").rstrip("/")
    return f"{(parts.hostname or '').lower()}{path}#{parts.fragment}"


def check(data: Any, where: str) -> list[Problem]:
    """Every URL fault in a loaded definitions file, each at its line."""
    problems: list[Problem] = []
    terms = data.get("terms") if isinstance(data, dict) else None
    # A pinned version is fine where the entry says why, or where the term itself is not current (a
    # deprecated SDK v1 class is documented on the v1 pages).
    reasons = {str(slug): values.get("pinned_reason") or values.get("status", "current") != "current"
               for slug, values in (terms.items() if isinstance(terms, dict) else []) if isinstance(values, dict)}
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for line, slug, key, url in texts_with_lines(data):
        if key not in URL_KEYS:
            continue
        for fault in url_faults(url):
            problems.append(Problem(where, line, f"{key} of {slug!r}: {url!r} {fault}",
                                    "link the canonical page of the concept on the official site",
                                    group="curation"))
        version = pinned_version(url)
        if version and not reasons.get(slug):
            problems.append(Problem(where, line, f"{key} of {slug!r}: {url!r} is pinned to version {version}",
                                    "link the current docs (stable/latest), or add pinned_reason: <why this "
                                    "version> to the entry", group="curation"))
        if key == "learn_more":
            first = seen.setdefault((slug, page_key(url)), (url, line))
            if first != (url, line):
                problems.append(Problem(where, line, f"learn_more of {slug!r}: {url!r} is the same page as "
                                        f"{first[0]!r} (line {first[1]})", "keep one of them",
                                        group="curation"))
    return problems
