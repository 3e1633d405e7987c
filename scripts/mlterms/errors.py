"""Errors a maintainer can act on: every one names a file, a line and a fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Problem:
    """One thing wrong (or worth a look), located in a file.

    ``severity`` is ``"error"`` (the build fails) or ``"warning"`` (reported,
    the build goes on).
    """

    path: str
    line: int | None
    message: str
    hint: str = ""
    severity: str = "error"
    group: str = "notes"
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.line and self.column:
            where += f":{self.column}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f" (fix: {self.hint})"
        return text


class GlossaryError(Exception):
    """A bad input the build cannot go on with; carries one or more problems."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))


class NotesError(GlossaryError):
    """The notes file itself is unreadable or unusable (missing, empty, binary, not UTF-8)."""


class CurationError(GlossaryError):
    """The curation file names something that does not exist or breaks a rule."""
