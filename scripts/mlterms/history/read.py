"""When each term changed, read from git: real dates, never the build date, never invented.

Two questions, answered from the history of the three inputs (the notes, the
curation file, the definitions file):

* **When did this term last change?** (the term page, ``terms.json``) One
  ``git blame --line-porcelain`` per file gives the commit of every line; a
  term's date is the newest commit among *its own* lines: its notes lines, its
  entry in the curation file, its entry and compare groups in the definitions
  file. A line changed since the last commit is "not yet committed", not a date.
* **What changed, and when?** (What's new, the feed) ``git log`` of the three
  files (first parent, bounded): the glossary is rebuilt at each commit with
  the project's own parse/curate/definitions code and consecutive versions are
  compared term by term. A version that does not build is skipped with a note.

Without history (git missing, not a repository, or a shallow clone, whose
blame would date every old line to the clone's cut-off commit) nothing is
dated and ``History.unknown`` says why, once.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from mlterms.errors import GlossaryError
from mlterms.glossary.curate import Glossary
from mlterms.glossary.inputs import Inputs, load_glossary

from .changes import Change, TermState, compare, states
from .dates import NO_HISTORY, START_UNBUILT, TermDate, last_changes
from .gitlog import SHALLOW, Commit, Git, first_line, long_date
from .term_lines import (
    CURATION,
    DEFINITIONS,
    NOTES,
    curation_lines,
    definitions_lines,
    term_lines,
)

HISTORY_LIMIT = 100  # commits of the inputs read for What's new: keeps a build fast on a long history


@dataclass
class History:
    """Everything the site says about time, from one reading of git."""

    unknown: str = ""  # why nothing could be dated ("": the history was read)
    dates: dict[str, TermDate] = field(default_factory=dict)  # slug -> dates, for the current glossary
    changes: list[Change] = field(default_factory=list)  # newest first
    current: dict[str, str] = field(default_factory=dict)  # a slug of the past -> its slug today
    skipped: list[str] = field(default_factory=list)  # commits whose inputs did not build, and why
    commits_read: int = 0
    complete: bool = False  # the walk reached the first commit of the inputs
    seconds: float = 0.0

    def report(self) -> dict:
        """What build-report.json says about the history (the build script prints it once)."""
        return {"unknown": self.unknown, "commits_read": self.commits_read, "complete": self.complete,
                "changes": len(self.changes), "skipped": self.skipped, "seconds": round(self.seconds, 3)}


def report_notes(report: dict) -> list[str]:
    """The build report's lines about dates, from the ``history`` section of build-report.json."""
    if not report:
        return []
    if report["unknown"]:
        fix = (" (fetch the full history: actions/checkout with fetch-depth: 0, or git fetch --unshallow)"
               if report["unknown"] == SHALLOW else "")
        return [f"dates: {NO_HISTORY} ({report['unknown']}){fix}; term pages and What's new say so"]
    reach = "all of it" if report["complete"] else f"the last {report['commits_read']}"
    lines = [f"dates: from git ({report['commits_read']} commit(s) of the inputs read, {reach}, "
             f"in {report['seconds']:.2f} s); What's new lists {report['changes']} change(s)"]
    lines += [f"dates: skipped {s}" for s in report["skipped"]]
    return lines


def _inputs_of(inputs: Inputs) -> dict[str, Path]:
    found = {NOTES: inputs.notes}
    if inputs.curation:
        found[CURATION] = inputs.curation
    if inputs.definitions:
        found[DEFINITIONS] = inputs.definitions
    return found


def _build_at(files: dict[str, bytes | None], names: dict[str, str], commit: Commit, scratch: Path):
    """The glossary as the inputs stood at ``commit`` (built by the project's own code), or why not."""
    if files.get(NOTES) is None:
        return None, "the notes file did not exist"
    paths: dict[str, Path | None] = {}
    for name, data in files.items():
        if data is None:
            paths[name] = None
            continue
        paths[name] = scratch / name / Path(names[name]).name
        paths[name].parent.mkdir(parents=True, exist_ok=True)
        paths[name].write_bytes(data)
    try:
        return load_glossary(Inputs(paths[NOTES], paths.get(CURATION), paths.get(DEFINITIONS)), None), ""
    except GlossaryError as exc:
        problem = exc.problems[0]
        for name, path in paths.items():
            if path is not None and str(path) in problem.path:
                problem.path = problem.path.replace(str(path), f"{names[name]}@{commit.sha[:7]}")
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        return None, f"{problem}{more}"


# A commit's terms, or why its inputs did not build. A commit never changes, so `mkdocs serve`
# rebuilds each version once per session, not on every reload.
_VERSIONS: dict[tuple, dict[str, TermState] | str] = {}


def _versions(git: Git, rels: dict[str, str], commits: list[Commit]) -> list[dict[str, TermState] | str]:
    """Each commit's terms (or why not), the files of those not yet seen read in one ``cat-file``."""
    names = list(rels)

    def key(commit: Commit) -> tuple:
        return str(git.top), commit.sha, tuple(rels.items())

    todo = [c for c in commits if key(c) not in _VERSIONS]
    blobs = git.contents([f"{c.sha}:{rels[name]}" for c in todo for name in names]) if todo else []
    with tempfile.TemporaryDirectory(prefix="mlterms-history-") as tmp:
        for i, commit in enumerate(todo):
            files = dict(zip(names, blobs[i * len(names):(i + 1) * len(names)]))
            glossary, why = _build_at(files, rels, commit, Path(tmp) / commit.sha)
            _VERSIONS[key(commit)] = states(glossary) if glossary is not None else why
    return [_VERSIONS[key(c)] for c in commits]


def _walk(git: Git, rels: dict[str, str], limit: int,
          history: History) -> tuple[dict[str, Commit | None], dict[str, TermState]]:
    """Compare every version in the window with the one before, oldest first; fill ``history.changes``.
    Returns when each slug of the newest version was added (None: in the first version that builds,
    after versions that did not, so its real date is unknown), and the newest version's terms."""
    commits = git.log(list(rels.values()), limit + 1)
    history.complete = len(commits) <= limit
    commits = list(reversed(commits[:limit]))
    history.commits_read = len(commits)
    added: dict[str, Commit] = {}
    previous: dict[str, TermState] | None = None
    groups: list[list[Change]] = []  # one per commit, oldest first
    for commit, current in zip(commits, _versions(git, rels, commits)):
        if isinstance(current, str):
            history.skipped.append(f"{commit.sha[:7]} ({long_date(commit.date)}): the inputs did not build: "
                                   f"{current}")
            continue
        if previous is None:
            if history.complete:  # after versions that did not build, when these terms came is not known
                added.update({slug: None if history.skipped else commit for slug in current})
                first = "first version that builds" if history.skipped else "first version of the glossary"
                groups.append([Change(commit, "", "", ("first",), f"{first}: {len(current)} terms")])
            previous = current
            continue
        changes, renames = compare(previous, current, commit)
        for old, new in renames.items():
            history.current[old] = new
            if old in added:
                added[new] = added.pop(old)
        for change in changes:
            if change.kinds == ("added",):
                added[change.slug] = commit
        groups.append(sorted(changes, key=lambda c: c.title.casefold()))
        previous = current
    history.changes = [change for group in reversed(groups) for change in group]  # the main line's order
    return added, previous or {}


def _resolve(history: History, glossary: Glossary) -> None:
    """A slug of the past -> the slug it has today (renames chained, old_slugs counted)."""
    today = {t.slug for t in glossary.terms}
    for term in glossary.terms:
        for old in term.old_slugs:
            history.current.setdefault(old, term.slug)
    for old in list(history.current):
        seen, slug = {old}, history.current[old]
        while slug not in today and slug in history.current and history.current[slug] not in seen:
            seen.add(slug)
            slug = history.current[slug]
        history.current[old] = slug
    for slug in today:
        history.current[slug] = slug


# A blame depends only on HEAD and the file's bytes: `mkdocs serve` blames again only the file an edit changed.
_BLAMES: dict[tuple, dict[int, Commit | None]] = {}


def _blame(git: Git, rel: str) -> dict[int, Commit | None]:
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=git.top, capture_output=True).stdout.strip()
    key = (str(git.top), rel, head, hashlib.sha256((git.top / rel).read_bytes()).hexdigest())
    if key not in _BLAMES:
        _BLAMES[key] = git.blame(rel)
    return _BLAMES[key]


def read_history(inputs: Inputs, glossary: Glossary, limit: int = HISTORY_LIMIT) -> History:
    """Dates for every term of ``glossary`` and the list of changes, from git (see the module docstring)."""
    start = time.perf_counter()
    history = History()
    git, why = Git.find(inputs.notes)
    if git is None:
        history.unknown = why
        history.dates = {t.slug: TermDate(unknown=why) for t in glossary.terms}
        return history
    files = _inputs_of(inputs)
    rels = {name: rel for name, path in files.items() if (rel := git.rel(path)) is not None}
    try:
        blames = {name: _blame(git, rel) for name, rel in rels.items()}
        added, last = _walk(git, rels, limit, history)
    except subprocess.CalledProcessError as exc:
        history.unknown = f"git failed: {first_line(exc.stderr)}"
        history.dates = {t.slug: TermDate(unknown=history.unknown) for t in glossary.terms}
        history.changes = []
        return history
    cur = curation_lines(files[CURATION].read_text(encoding="utf-8")) if CURATION in rels else {}
    defs = definitions_lines(files[DEFINITIONS].read_text(encoding="utf-8")) if DEFINITIONS in rels else {}
    older = f"older than the last {history.commits_read} commits read"
    for term in glossary.terms:
        date = last_changes(term_lines(term, cur, defs), blames)
        when = added.get(term.slug)
        reason = "" if when else (START_UNBUILT if term.slug in added else
                                  older if term.slug in last and not history.complete else "not yet committed")
        history.dates[term.slug] = TermDate(date.changed, date.changed_in, date.uncommitted, when, reason)
    _resolve(history, glossary)
    history.seconds = time.perf_counter() - start
    return history
