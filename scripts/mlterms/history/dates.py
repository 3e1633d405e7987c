"""When a term was added and last changed, or why that is not known: real dates, never invented."""

from __future__ import annotations

from dataclasses import dataclass

from .gitlog import Commit, long_date
from .term_lines import NOTES

NO_HISTORY = "date unknown: this build had no git history"
START_UNBUILT = "unknown (the oldest commits of the inputs do not build with today's code)"


@dataclass(frozen=True)
class TermDate:
    """When a term was added and last changed, or why that is not known."""

    changed: Commit | None = None  # the newest commit among the term's own lines
    changed_in: tuple[str, ...] = ()  # the inputs that commit touched for this term
    uncommitted: tuple[str, ...] = ()  # the inputs with lines of this term changed since the last commit
    added: Commit | None = None
    added_unknown: str = ""  # why ``added`` is None
    unknown: str = ""  # why nothing is dated (no history): the same for every term of a build

    def sentence(self) -> str:
        """The line on the term page, as plain text: "Last changed 12 March 2026 (notes, curation)"."""
        if self.unknown:
            return f"{NO_HISTORY[0].upper()}{NO_HISTORY[1:]} ({self.unknown})"
        parts = []
        if self.uncommitted:
            parts.append(f"Last changed: not yet committed ({', '.join(self.uncommitted)})")
            if self.changed:
                parts.append(f"last commit {long_date(self.changed.date)} ({', '.join(self.changed_in)})")
        elif self.changed:
            parts.append(f"Last changed {long_date(self.changed.date)} ({', '.join(self.changed_in)})")
        if self.added and (not self.changed or self.added.date.date() != self.changed.date.date()):
            parts.append(f"added {long_date(self.added.date)}")
        elif self.added_unknown == START_UNBUILT:
            parts.append("date added unknown")
        return " · ".join(parts) or "Last changed: not yet committed"

    def json_fields(self) -> dict:
        """``added``, ``changed`` (ISO 8601 UTC or null) and ``dates_note`` (why one is null, else null)."""
        changed = None if self.unknown or self.uncommitted or not self.changed else self.changed.iso
        added = self.added.iso if self.added and not self.unknown else None
        why = []
        if self.unknown:
            why.append(f"{NO_HISTORY} ({self.unknown})")
        else:
            if changed is None:
                why.append(f"changed: not yet committed ({', '.join(self.uncommitted or (NOTES,))})")
            if added is None:
                why.append(f"added: {self.added_unknown or 'not yet committed'}")
        return {"added": added, "changed": changed, "dates_note": "; ".join(why) or None}


def last_changes(lines: dict[str, list[int]], blames: dict[str, dict[int, Commit | None]]) -> TermDate:
    """The heart of the term dates: the newest commit among a term's lines, and which inputs hold it.

    A line git does not know (beyond the end of a blame, e.g. a file that
    changed between reading it and blaming it) counts as not yet committed.
    """
    newest: Commit | None = None
    where: dict[str, Commit] = {}
    uncommitted: list[str] = []
    for name, numbers in lines.items():
        blame = blames.get(name)
        if blame is None:
            continue
        for n in numbers:
            commit = blame.get(n)
            if commit is None:
                if name not in uncommitted:
                    uncommitted.append(name)
                continue
            if name not in where or commit.date > where[name].date:
                where[name] = commit
            if newest is None or commit.date > newest.date:
                newest = commit
    changed_in = tuple(name for name, c in where.items() if newest and c.sha == newest.sha)
    return TermDate(changed=newest, changed_in=changed_in, uncommitted=tuple(uncommitted))
