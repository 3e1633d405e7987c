"""Each term's other names as their own field of the search index, weighted like a title.

A reader who types "sklearn" or "decision threshold" means the term that goes
by that name, not every page that mentions it. Material's search indexes the
fields that ``plugins.search.fields`` in ``mkdocs.yml`` lists, reading each
from the index entries; its plugin writes only title, text and tags, so after
it has written ``search/search_index.json`` this adds ``aliases`` (curated
aliases and the notes' own spellings of the title) to each term page's entry.
The "Also called" line on the page is kept out of the text field, so a name
is not counted twice.
"""

from __future__ import annotations

import json
from pathlib import Path

FIELD = "aliases"


def other_names(term) -> list[str]:
    """The names a term goes by besides its title, each once."""
    return [n for n in dict.fromkeys(term.names) if n.casefold() != term.title.casefold()]


def add_aliases(site_dir: Path, glossary) -> int:
    """Add the ``aliases`` field to the term pages' entries; returns how many got one."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists():  # search turned off
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    if FIELD not in index.get("config", {}).get("fields", {}):
        return 0  # mkdocs.yml does not index the field: leave the index as Material wrote it
    names = {f"terms/{t.slug}/": other_names(t) for t in glossary.terms}
    added = 0
    for doc in index["docs"]:
        found = names.get(doc["location"])
        if found:
            doc[FIELD] = found
            added += 1
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return added
