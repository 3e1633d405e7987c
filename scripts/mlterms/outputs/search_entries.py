"""The search index's entry for each term page: its summary, and the names our engine indexes.

The entry for the page itself (the one a search result shows first) has no
text of its own: Material files the definition under the h1's anchor, because
the copy-link button comes before the h1. It gets the term's one-sentence
summary, escaped, so a result says what the term is; the full text stays in
the section entry, so ranking barely moves (hit@1 of the curated queries 97%
without the summary, 95% with it). The site's own engine (``search_files``)
reads these summaries from Material's index, and each term's other names and
related words from ``names_by_location`` and ``related_by_location``; a build
with MLTERMS_SEARCH_ENGINE=lunr keeps Material's lunr as it ships (for
`make bench` to compare), with the same summaries.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mlterms.glossary.lifecycle import labelled_summary
from mlterms.record import TermRecord


def names_by_location(records: tuple[TermRecord, ...]) -> dict[str, list[str]]:
    """Each term page's location -> its other names (what search_files.write indexes as names)."""
    return {r.url: list(r.alternate_names) for r in records}


def related_by_location(records: tuple[TermRecord, ...]) -> dict[str, list[str]]:
    """Each term page's location -> the words only related to it (curation ``related:``, crosswalk kind related).

    search_files.write puts them in names.json beside the names, where the worker weighs them well
    below an alias: search finds the term by them, and no page shows them as names.
    """
    return {r.url: list(r.related_words) for r in records if r.related_words}


def questions_by_location(records: tuple[TermRecord, ...]) -> dict[str, list[str]]:
    """Each term page's location -> the readers' questions it answers (crosswalk kind question).

    names.json carries them in a field of their own: the worker weighs their words below a related
    word and never counts them as a name (a question's "number of" is not the page's subject).
    """
    return {r.url: list(r.questions) for r in records if r.questions}


def messages_by_location(records: tuple[TermRecord, ...]) -> dict[str, list[str]]:
    """Each term page's location -> the library error and warning messages it explains (crosswalk kind message).

    names.json lists them apart from every name: the worker puts the term first when a query holds one
    whole, and no word of a message counts for a page otherwise ("could not convert" is in no definition).
    """
    return {r.url: list(r.messages) for r in records if r.messages}


def meaning_texts(records: tuple[TermRecord, ...]) -> dict[str, list[str]]:
    """Each term page's location -> the texts search by meaning embeds (meaning.write_site): its title,
    other names, "title: summary", related words and readers' questions; a question is near one of them."""
    return {r.url: [r.title, *r.alternate_names, f"{r.title}: {r.summary}" if r.summary else r.title,
                    *r.related_words, *r.questions] for r in records}


def code_by_location(records: tuple[TermRecord, ...]) -> dict[str, list[str]]:
    """Each term page's location -> the code identifiers its api path, examples and notes use."""
    return {r.url: list(r.code) for r in records if r.code}


def code_names_by_location(records: tuple[TermRecord, ...]) -> dict[str, list[str]]:
    """Each term page's location -> the identifiers that name it in code (crosswalk kind code)."""
    return {r.url: list(r.code_names) for r in records if r.code_names}


def absent_names(glossary) -> list[list[str]]:
    """The names the glossary has no term for, each [name, source]: the crosswalk's absent concepts,
    and its abbreviations marked ``term: none`` under both the abbreviation and what it means."""
    rows = [[a.name, a.source] for a in glossary.absent]
    for abbreviation in glossary.abbreviations:
        if not abbreviation.slug:
            rows += [[abbreviation.abbreviation, abbreviation.source], [abbreviation.means, abbreviation.source]]
    return rows


def compare_groups(records: tuple[TermRecord, ...]) -> list[tuple[list[str], str]]:
    """Every compare group once: its terms' page locations (the group's order) and its difference line."""
    seen: dict[tuple[str, ...], tuple[list[str], str]] = {}
    by_slug = {r.slug: r for r in records}
    for record in records:
        for others, difference in record.compare:
            key = tuple(sorted([record.slug, *others]))
            seen.setdefault(key, ([by_slug[s].url for s in [record.slug, *others] if s in by_slug], difference))
    return list(seen.values())


def add_term_fields(site_dir: Path, records: tuple[TermRecord, ...]) -> int:
    """Give each term page's own entry the term's summary as its text; returns how many got one."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists():  # search turned off
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    terms = {r.url: r for r in records}
    added = 0
    for doc in index["docs"]:
        term = terms.get(doc["location"])
        if term is not None and not doc.get("text") and term.summary:
            doc["text"] = f"<p>{html.escape(labelled_summary(term.term))}</p>"  # with its status (lifecycle.py)
            added += 1
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return added
