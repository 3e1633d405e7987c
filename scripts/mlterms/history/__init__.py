"""When each term changed, read from git (see ``read``), in five parts with one job each.

- ``gitlog``: git itself (commits, blame with the build's line numbers, file contents);
- ``term_lines``: which lines of the inputs are a term's own;
- ``dates``: a term's added and last-changed dates, or why they are unknown;
- ``changes``: what changed between two versions of the glossary (What's new, the feed);
- ``read``: the walk over the inputs' history that puts them together (``read_history``).
"""

from __future__ import annotations

from .changes import KINDS, Change, TermState, compare, states
from .dates import NO_HISTORY, START_UNBUILT, TermDate, last_changes
from .gitlog import SHALLOW, UNCOMMITTED, Commit, Git, long_date, parse_blame, renumber
from .read import HISTORY_LIMIT, History, read_history, report_notes
from .term_lines import (
           CURATION,
           DEFINITIONS,
           NOTES,
           curation_lines,
           definitions_lines,
           term_lines,
)

__all__ = ["CURATION", "DEFINITIONS", "HISTORY_LIMIT", "KINDS", "NOTES", "NO_HISTORY", "SHALLOW", "START_UNBUILT",
           "UNCOMMITTED", "Change", "Commit", "Git", "History", "TermDate", "TermState", "compare",
           "curation_lines", "definitions_lines", "last_changes", "long_date", "parse_blame", "read_history",
           "renumber", "report_notes", "states", "term_lines"]
