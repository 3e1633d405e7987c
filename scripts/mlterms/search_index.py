"""The search index's entry for each term page: its other names as a field weighted like the title, and its summary.

(The site's own engine, ``search_engine``, reads the summaries set here and the
names from ``other_names``; the ``aliases`` and ``forms`` fields serve Material's
lunr, which a build with MLTERMS_SEARCH_ENGINE=lunr keeps, for `make bench` to
compare the two.)

A reader who types "Gaussian distribution" or "RMSE" means the term that goes
by that name, not every page that mentions it. Material's search indexes the
fields that ``plugins.search.fields`` in ``mkdocs.yml`` lists, reading each
from the index entries; its plugin writes only title, text and tags, so after
it has written ``search/search_index.json`` this adds ``aliases`` (curated
aliases and the notes' own spellings of the title) to each term page's entry.
The "Also called" line on the page is kept out of the text field, so a name
is not counted twice.

The entry for the page itself (the one a search result shows first) has no
text of its own: Material files the definition under the h1's anchor, because
the copy-link button comes before the h1. It gets the term's one-sentence
summary, escaped, so a result says what the term is; the full text stays in
the section entry, so ranking barely moves (hit@1 of the curated queries 97%
without the summary, 95% with it).

A second field, ``forms``, holds the plural of each word of those names and
the title. Search matches what is typed as a prefix ("outlier" finds
"outliers"), never the other way round, and Material leaves English stemming
off (it would break that prefix matching): so without these, "outliers" or
"regressions" would not find the term at all.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .urls import term_url

FIELD = "aliases"
FORMS = "forms"
_WORD = re.compile(r"[^\W\d_]{3,}")  # words of letters only: identifiers and numbers have no plural


def plural(word: str) -> str:
    """The regular English plural: enough for search, where a wrong form costs nothing."""
    low = word.lower()
    if low.endswith(("ss", "x", "z", "ch", "sh")):
        return low + "es"
    if low.endswith("s"):  # most likely plural already ("means", "trees")
        return low
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return low[:-1] + "ies"
    return low + "s"


def plural_forms(names: list[str]) -> list[str]:
    """The plural of every word in ``names``, each once (``Decision tree`` -> ``decisions``, ``trees``)."""
    return list(dict.fromkeys(plural(w) for name in names for w in _WORD.findall(name)))


def other_names(term) -> list[str]:
    """The names a term goes by besides its title, each once."""
    names = [*term.names, *(o.name for o in getattr(term, "other_names", []))]  # crosswalk synonyms too
    return [n for n in dict.fromkeys(names) if n.casefold() != term.title.casefold()]


def names_by_location(glossary) -> dict[str, list[str]]:
    """Each term page's location -> its other names (what search_engine.write indexes as names)."""
    return {term_url(t.slug): other_names(t) for t in glossary.terms}


def related_by_location(glossary) -> dict[str, list[str]]:
    """Each term page's location -> the words only related to it (curation ``related:``, crosswalk kind related).

    search_engine.write puts them in names.json beside the names, where the worker weighs them well
    below an alias: search finds the term by them, and no page shows them as names.
    """
    return {term_url(t.slug): list(related) for t in glossary.terms if (related := getattr(t, "related", []))}


def code_by_location(glossary) -> dict[str, list[str]]:
    """Each term page's location -> the code identifiers of its examples (``Term.code``)."""
    return {term_url(t.slug): list(t.code) for t in glossary.terms if t.code}


def compare_groups(glossary) -> list[tuple[list[str], str]]:
    """Every compare group once: its terms' page locations (the group's order) and its difference line."""
    seen: dict[tuple[str, ...], tuple[list[str], str]] = {}
    for term in glossary.terms:
        for others, difference in term.compare:
            key = tuple(sorted([term.slug, *others]))
            seen.setdefault(key, ([term_url(s) for s in [term.slug, *others]], difference))
    return list(seen.values())


def add_term_fields(site_dir: Path, glossary) -> int:
    """Add ``aliases``, ``forms`` and the summary to the term pages' entries; returns how many got aliases."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists():  # search turned off
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    fields = index.get("config", {}).get("fields", {})
    if FIELD not in fields:
        return 0  # mkdocs.yml does not index the field: leave the index as Material wrote it
    terms = {f"terms/{t.slug}/": t for t in glossary.terms}
    added = 0
    for doc in index["docs"]:
        term = terms.get(doc["location"])
        if term is None:
            continue
        if names := other_names(term):
            doc[FIELD] = names
            added += 1
        if FORMS in fields:
            doc[FORMS] = plural_forms([term.title, *names])
        if not doc.get("text") and term.summary:
            doc["text"] = f"<p>{html.escape(term.summary)}</p>"
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return added
