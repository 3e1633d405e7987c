"""The pages around the terms: home, A–Z index, tags index and tag pages, resources.

Generated at build time from the term records (``record.TermRecord``: title,
URL, tags, the summary with its status), like the term pages, so counts and
lists can never go stale. Only the resources page reads the glossary itself
(the notes' closing list is not a term).
"""

from __future__ import annotations

from collections import Counter

from mlterms.glossary.curate import Glossary, letter_of
from mlterms.notes.front_matter import front_matter
from mlterms.notes.markup import escape, inline, link
from mlterms.outputs.jsonld import defined_term_set
from mlterms.outputs.term_page import list_item, term_href
from mlterms.record import TermRecord

Records = tuple[TermRecord, ...]

TAGS_DIR = "tags"


def tag_href(tag: str, from_dir: str = "") -> str:
    prefix = "../" * (from_dir.count("/") + 1) if from_dir else ""
    return f"{prefix}{TAGS_DIR}/{tag}.md"


def tag_counts(records: Records) -> Counter:
    return Counter(tag for record in records for tag in record.tags)


def _line(record: TermRecord, from_dir: str) -> str:
    return list_item(record.title, record.slug, record.labelled_summary, from_dir)


def render_home(records: Records, document_title: str | None, site_name: str) -> str:
    counts = tag_counts(records)
    source = f"the study notes “{escape(document_title)}”" if document_title else "a set of study notes"
    out = [
        front_matter({"title": "Home", "description": f"{len(records)} machine-learning and Azure ML terms, one page each."}),
        f"# {escape(site_name)}",
        "",
        f"A glossary of **{len(records)} terms** from {source}: machine learning, statistics, "
        "deep learning and the Azure ML (DP-100) and Databricks tooling around them. "
        "Every term has its own page with its definition, tags, related terms and, where code teaches best, "
        "a runnable example with its real output.",
        "",
        # the hint that fits the device: keys with a keyboard and mouse, the search icon on a touch screen
        '<span class="hint-keys">Press <kbd>/</kbd> or <kbd>S</kbd> to search</span>'
        '<span class="hint-touch">Tap the search icon at the top to search</span>, browse the '
        f"[A–Z index]({term_href('index', '')}), explore the [concept map](map.md) or wander by topic:",
        "",
        "Studying? [Study](study.md) with flashcards and a quiz, take the [printable glossary](print.md) "
        "(all terms on one page, for print or PDF) or "
        '<a href="study/ml-terms.apkg" download>the Anki deck</a> (one card per term, both ways; re-import it '
        "after an update and your cards are updated, not duplicated).",
        "",
        "## Topics { data-search-exclude }",  # a listing: search finds the terms' own pages
        "",
        '<div class="grid cards topic-map" markdown>',
        "",
    ]
    for tag, count in sorted(counts.items()):
        examples = [r for r in records if tag in r.tags][:3]
        sample = ", ".join(link(r.title, term_href(r.slug, "")) for r in examples)
        out.append(f"- [{escape(tag)}]({tag_href(tag)}) · {count} terms  \n  {sample}")
    out += ["", "</div>", ""]
    untagged = [r for r in records if not r.tags]
    if untagged:
        out += [f"{len(untagged)} terms have no tag yet; they are all in the [A–Z index]({term_href('index', '')}).", ""]
    return "\n".join(out)


LETTER_PAGES_FROM = 400  # above this many terms the A–Z index links one page per letter
LETTERS_DIR = "az"


def _letter_groups(records: Records) -> dict[str, list[TermRecord]]:
    groups: dict[str, list[TermRecord]] = {}
    for record in records:
        groups.setdefault(letter_of(record.title), []).append(record)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == "#", kv[0])))


def render_index(records: Records, site_url: str = "", site_name: str = "ML Terms") -> str:
    """terms/index.md: every term, grouped by first letter, with a letter bar on top.

    A large glossary gets one page per letter instead (the index then lists
    the letters with their counts), so no page grows with the whole glossary.
    The page carries the schema.org DefinedTermSet that every term page's
    DefinedTerm points to (its terms listed while they fit on the page).
    """
    groups = _letter_groups(records)
    split = len(records) > LETTER_PAGES_FROM
    term_set = defined_term_set(records, site_url, site_name, with_terms=not split)
    out = [front_matter({"title": "A–Z index", "description": f"All {len(records)} terms of the glossary, A to Z.",
                         "search": {"exclude": True}, "jsonld": term_set}),
           "# A–Z index", ""]
    if split:
        out += [f"{len(records)} terms. Pick a letter:", ""]
        out += [f"- [{escape(c)}](../{LETTERS_DIR}/{_anchor(c)}.md) · {len(terms)} terms" for c, terms in groups.items()]
        return "\n".join(out) + "\n"
    out += ['<nav class="az-bar" aria-label="Letters">' + " ".join(
        f'<a href="#{_anchor(c)}">{escape(c)}</a>' for c in groups) + "</nav>", ""]
    for c, terms in groups.items():
        out += [f"## {escape(c)} {{ #{_anchor(c)} }}", ""]
        out += [_line(r, "terms") for r in terms]
        out.append("")
    return "\n".join(out)


def render_letter_pages(records: Records) -> dict[str, str]:
    """az/<letter>.md pages, only for a glossary too large for one A–Z page."""
    if len(records) <= LETTER_PAGES_FROM:
        return {}
    pages = {}
    for c, terms in _letter_groups(records).items():
        out = [front_matter({"title": f"Terms: {c}", "description": f"{len(terms)} terms under {c}.",
                             "search": {"exclude": True}}),
               f"# {escape(c)}", "", "[All letters](../terms/index.md)", ""]
        out += [_line(r, LETTERS_DIR) for r in terms]
        pages[f"{LETTERS_DIR}/{_anchor(c)}.md"] = "\n".join(out) + "\n"
    return pages


def _anchor(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter != "#" else "letter-other"


def render_tags_index(records: Records) -> str:
    counts = tag_counts(records)
    out = [front_matter({"title": "Tags", "description": "The topics of the glossary and the terms under each.",
                         "search": {"exclude": True}}),
           "# Tags", "", "| Topic | Terms |", "| --- | ---: |"]
    for tag, count in sorted(counts.items()):
        out.append(f"| [{escape(tag)}]({tag}.md) | {count} |")
    out += ["", "## All topics and their terms", "", "<!-- material/tags -->", ""]
    return "\n".join(out)


def render_tag_page(records: Records, tag: str) -> str:
    terms = [r for r in records if tag in r.tags]
    out = [front_matter({"title": f"Tag: {tag}", "description": f"{len(terms)} terms tagged {tag}.",
                         "search": {"exclude": True}}),
           f"# {escape(tag)}", "", f"{len(terms)} terms tagged *{escape(tag)}*.", ""]
    out += [_line(r, TAGS_DIR) for r in terms]
    out += ["", f"[All topics]({'index.md'})", ""]
    return "\n".join(out)


def render_resources(glossary: Glossary) -> str:
    heading = glossary.resources_heading.stripped if glossary.resources_heading else "Resources"
    out = [front_matter({"title": "Resources", "description": "The study material the notes were made from."}),
           f"# {escape(heading)}", "",
           "The sources the notes list at their end, as the notes name them.", ""]
    out += [f"- {inline(line.stripped)}" for line in glossary.resources] or ["The notes list no resources."]
    out.append("")
    return "\n".join(out)
