"""Which lines of the inputs are a term's own: its notes lines, its curation entry, its definitions entry.

A term's date is the newest commit among these lines (``dates``), so a change
to one term's entry never re-dates its neighbours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from mlterms.glossary.curation_file import normalise_title

if TYPE_CHECKING:
    from mlterms.glossary.curate import Term

NOTES, CURATION, DEFINITIONS = "notes", "curation", "definitions"  # the inputs, as pages name them


def _last_line(node: yaml.Node) -> int:
    """The last 1-based line a YAML node's text is on (a block collection ends with its last child)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return max(_last_line(part) for pair in node.value for part in pair)
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return max(_last_line(child) for child in node.value)
    end = node.end_mark
    return end.line if end.column == 0 and end.line > node.start_mark.line else end.line + 1


def _compose(text: str) -> yaml.Node | None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None  # the build has already reported it; no lines, no dates from this file


def _section(root: yaml.Node | None, name: str) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((value for key, value in root.value if key.value == name), None)


def _span(first: yaml.Node, node: yaml.Node) -> list[int]:
    return list(range(first.start_mark.line + 1, _last_line(node) + 1))


def curation_lines(text: str) -> dict[str, list[int]]:
    """Normalised notes title -> the lines of its entry under ``terms:`` in the curation file."""
    terms = _section(_compose(text), "terms")
    if not isinstance(terms, yaml.MappingNode):
        return {}
    return {normalise_title(str(key.value)): _span(key, value) for key, value in terms.value}


def definitions_lines(text: str) -> dict[str, list[int]]:
    """Slug -> the lines of its entry under ``terms:`` and of every compare group naming it."""
    root = _compose(text)
    found: dict[str, list[int]] = {}
    terms = _section(root, "terms")
    if isinstance(terms, yaml.MappingNode):
        for key, value in terms.value:
            found.setdefault(str(key.value), []).extend(_span(key, value))
    compare = _section(root, "compare")
    if isinstance(compare, yaml.SequenceNode):
        for group in compare.value:
            slugs = _section(group, "terms")
            for slug in slugs.value if isinstance(slugs, yaml.SequenceNode) else []:
                found.setdefault(str(slug.value), []).extend(_span(group, group))
    return found


def term_lines(term: "Term", curation: dict[str, list[int]], definitions: dict[str, list[int]]) -> dict[str, list[int]]:
    """Input -> the lines of that file that are this term's (a merged term has several curation entries)."""
    keys = dict.fromkeys(normalise_title(e.title) for e in term.entries)
    return {NOTES: term.source_lines,
            CURATION: sorted({n for key in keys for n in curation.get(key, [])}),
            DEFINITIONS: sorted(set(definitions.get(term.slug, [])))}
