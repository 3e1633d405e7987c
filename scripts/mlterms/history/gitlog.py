"""git, as the history reads it: commits, blame (with the build's own line numbers) and file contents.

Nothing here knows about terms: it answers "which commit wrote each line of
this file" and "what did these files hold at that commit", from one
``git blame --line-porcelain`` per file and one ``git cat-file --batch``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

UNCOMMITTED = "0" * 40  # git blame's commit for lines changed in the working tree
SHALLOW = "a shallow clone"


@dataclass(frozen=True)
class Commit:
    """A commit of the inputs, dated by when it was committed (when readers could first see it)."""

    sha: str
    date: datetime  # UTC

    @property
    def iso(self) -> str:
        return self.date.strftime("%Y-%m-%dT%H:%M:%SZ")


def long_date(when: datetime) -> str:
    """"12 March 2026": the one way pages write a date."""
    return f"{when.day} {when:%B %Y}"


# --- git ------------------------------------------------------------------------------------------


class Git:
    """One repository, asked through the ``git`` command (nothing else is needed at build time)."""

    def __init__(self, top: Path):
        self.top = top

    @classmethod
    def find(cls, path: Path) -> tuple["Git | None", str]:
        """The repository holding ``path`` with full history, or None and why there is none."""
        try:
            top = _git(path.parent, "rev-parse", "--show-toplevel").strip()
            shallow = _git(path.parent, "rev-parse", "--is-shallow-repository").strip()
        except FileNotFoundError:
            return None, "git is not installed"
        except subprocess.CalledProcessError as exc:
            if "not a git repository" in (exc.stderr or ""):
                return None, f"{path.name} is not in a git repository"
            return None, f"git failed: {first_line(exc.stderr)}"
        if shallow == "true":
            return None, SHALLOW
        return cls(Path(top)), ""

    def rel(self, path: Path) -> str | None:
        """``path`` relative to the repository (None: it lies outside)."""
        try:
            return path.resolve().relative_to(self.top.resolve()).as_posix()
        except ValueError:
            return None

    def run(self, *args: str, data: bytes | None = None) -> bytes:
        return subprocess.run(["git", *args], cwd=self.top, input=data, capture_output=True,
                              check=True).stdout

    def blame(self, rel: str) -> dict[int, Commit | None]:
        """Line number -> the commit that last changed it (None: not yet committed), for the working-tree file.

        ``-M`` follows lines moved within the file: reordering the notes dates nothing.
        A file git does not track yet is all "not yet committed".
        """
        try:
            out = self.run("blame", "--line-porcelain", "-M", "--", rel)
        except subprocess.CalledProcessError:
            tracked = subprocess.run(["git", "ls-files", "--error-unmatch", "--", rel], cwd=self.top,
                                     capture_output=True).returncode == 0
            if tracked:
                raise
            lines = (self.top / rel).read_bytes().count(b"\n") + 1
            return {n: None for n in range(1, lines + 1)}
        return renumber(parse_blame(out.decode("utf-8", errors="replace")), (self.top / rel).read_bytes())

    def log(self, rels: list[str], limit: int) -> list[Commit]:
        """The newest ``limit`` commits of the main line that touched ``rels``, newest first."""
        out = self.run("log", "--first-parent", f"--max-count={limit}", "--format=%H %ct", "--", *rels)
        return [Commit(sha, _utc(int(seconds))) for sha, seconds in
                (line.split() for line in out.decode().splitlines() if line.strip())]

    def contents(self, specs: list[str]) -> list[bytes | None]:
        """The bytes of each ``rev:path`` (None: no such file at that commit), in one ``cat-file --batch``."""
        out = self.run("cat-file", "--batch", data="".join(f"{s}\n" for s in specs).encode())
        found: list[bytes | None] = []
        at = 0
        for _ in specs:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            if header[-1] == b"missing" or len(header) != 3:
                found.append(None)
                at = end + 1
                continue
            size = int(header[2])
            found.append(out[end + 1:end + 1 + size])
            at = end + 1 + size + 1
        return found


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def first_line(text: str | bytes | None) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return next((ln.strip() for ln in (text or "").splitlines() if ln.strip()), "no message")


def _utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, timezone.utc)


def parse_blame(porcelain: str) -> dict[int, Commit | None]:
    """``git blame --line-porcelain`` output -> line number -> commit (None: not yet committed).

    Every line's block starts with "<sha> <old line> <new line>" and ends with
    the line itself after a tab; split on "\\n" only, as a notes line may hold
    any other line separator.
    """
    result: dict[int, Commit | None] = {}
    sha, number, seconds = "", 0, 0
    header = True
    for line in porcelain.split("\n"):
        if header:
            if not line:
                continue
            parts = line.split(" ")
            sha, number, header = parts[0], int(parts[2]), False
        elif line.startswith("\t"):
            result[number] = None if sha == UNCOMMITTED else Commit(sha, _utc(seconds))
            header = True
        elif line.startswith("committer-time "):
            seconds = int(line.split(" ", 1)[1])
    return result


def renumber(blame: dict[int, Commit | None], data: bytes) -> dict[int, Commit | None]:
    """git's line numbers (lines end at "\\n") -> the build's (a lone "\\r" ends a line too, as in
    source.decode_notes and YAML): each of the build's lines gets the commit of the git line it is in."""
    if b"\r" not in data:
        return blame
    result: dict[int, Commit | None] = {}
    ours = 1
    for number, raw in enumerate(data.split(b"\n"), start=1):
        parts = 1 + (raw[:-1] if raw.endswith(b"\r") else raw).count(b"\r")
        for n in range(ours, ours + parts):
            if number in blame:
                result[n] = blame[number]
        ours += parts
    return result
