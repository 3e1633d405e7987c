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
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .curation import normalise_title
from .errors import GlossaryError

if TYPE_CHECKING:
    from .curate import Glossary, Term
    from .inputs import Inputs

HISTORY_LIMIT = 100  # commits of the inputs read for What's new: keeps a build fast on a long history
UNCOMMITTED = "0" * 40  # git blame's commit for lines changed in the working tree
NO_HISTORY = "date unknown: this build had no git history"
NOTES, CURATION, DEFINITIONS = "notes", "curation", "definitions"  # the inputs, as pages name them
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
            return None, f"git failed: {_first_line(exc.stderr)}"
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
        return parse_blame(out.decode("utf-8", errors="replace"))

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


def _first_line(text: str | bytes | None) -> str:
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


# --- which lines are a term's -----------------------------------------------------------------


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


# --- per-term dates ------------------------------------------------------------------------------


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


# --- what changed when --------------------------------------------------------------------------


@dataclass(frozen=True)
class TermState:
    """What a reader sees of a term at one commit, reduced to what "what changed" compares."""

    slug: str
    title: str
    key: str  # the notes' own title, normalised: stays put when the curation renames the term
    names: frozenset[str]
    aliases: tuple[str, ...]
    tags: tuple[str, ...]
    text: tuple[str, ...]  # the notes lines of its definitions
    summary: str  # the curated one-line definition ("" when the notes' first sentence is used)
    note: str
    learn_more: tuple[str, ...]
    old_slugs: tuple[str, ...]


def states(glossary: "Glossary") -> dict[str, TermState]:
    return {t.slug: TermState(
        slug=t.slug, title=t.title, key=normalise_title(t.entries[0].title),
        names=frozenset(normalise_title(n) for n in t.names), aliases=tuple(t.aliases), tags=tuple(t.tags),
        text=tuple(ln.stripped for d in t.definitions for ln in d.lines if not ln.is_blank),
        summary=t.summary if t.summary_origin == "curated" else "", note=t.note,
        learn_more=tuple(link.url for link in t.learn_more), old_slugs=tuple(t.old_slugs))
        for t in glossary.terms}


# What a change can be, and how a listing names the kind (What's new folds a large commit by kind).
KINDS = {
    "added": "added", "renamed": "renamed", "definition": "definition changed",
    "summary": "one-line definition", "alias": "aliases", "tags": "tags changed",
    "note": "editor's note", "links": "learn-more links", "removed": "removed", "first": "first version",
}


@dataclass(frozen=True)
class Change:
    """One line of What's new: a term (or, for "first", the whole glossary) changed in one commit."""

    commit: Commit
    slug: str  # the term's slug at that commit ("" for "first")
    title: str
    kinds: tuple[str, ...]  # from KINDS
    summary: str  # "definition changed; new alias “EDA”"


def _quote(items) -> str:
    return ", ".join(f"“{x}”" for x in items)


def _field_changes(old: TermState, new: TermState) -> list[tuple[str, str]]:
    found = []
    if old.title != new.title:
        found.append(("renamed", f"renamed from “{old.title}”"))
    if old.text != new.text:
        found.append(("definition", "definition changed"))
    if old.summary != new.summary and new.summary:
        found.append(("summary", "one-line definition changed" if old.summary else "one-line definition written"))
    added = [a for a in new.aliases if a not in old.aliases]
    dropped = [a for a in old.aliases if a not in new.aliases]
    if added:
        found.append(("alias", f"new alias{'es' if len(added) > 1 else ''} {_quote(added)}"))
    if dropped:
        found.append(("alias", f"alias{'es' if len(dropped) > 1 else ''} {_quote(dropped)} removed"))
    if set(old.tags) != set(new.tags):
        diff = [f"+{t}" for t in new.tags if t not in old.tags] + [f"−{t}" for t in old.tags if t not in new.tags]
        found.append(("tags", f"tags changed ({', '.join(diff)})"))
    if old.note != new.note:
        word = "added" if not old.note else "removed" if not new.note else "changed"
        found.append(("note", f"editor's note {word}"))
    if old.learn_more != new.learn_more:
        found.append(("links", "learn-more links changed"))
    return found


def _renamed_from(new: TermState, gone: dict[str, TermState]) -> TermState | None:
    """The vanished term a new slug continues: named in old_slugs, same notes title, or one of its names."""
    for test in (lambda o: o.slug in new.old_slugs, lambda o: o.key == new.key,
                 lambda o: normalise_title(o.title) in new.names):
        match = next((o for o in gone.values() if test(o)), None)
        if match is not None:
            return match
    return None


def compare(before: dict[str, TermState], after: dict[str, TermState], commit: Commit) -> tuple[list[Change], dict[str, str]]:
    """The changes from one version to the next, and the renames (old slug -> new slug) among them."""
    changes: list[Change] = []
    renames: dict[str, str] = {}
    gone = {slug: s for slug, s in before.items() if slug not in after}
    for slug, new in after.items():
        old = before.get(slug)
        found: list[tuple[str, str]]
        if old is None:
            old = _renamed_from(new, gone)
            if old is None:
                changes.append(Change(commit, slug, new.title, ("added",), "added"))
                continue
            del gone[old.slug]
            renames[old.slug] = slug
            found = _field_changes(old, new)
            if old.title == new.title:
                found.insert(0, ("renamed", f"new address (was {old.slug})"))
        else:
            found = _field_changes(old, new)
        if found:
            kinds = tuple(dict.fromkeys(kind for kind, _ in found))
            changes.append(Change(commit, slug, new.title, kinds, "; ".join(text for _, text in found)))
    for slug, old in gone.items():
        changes.append(Change(commit, slug, old.title, ("removed",), "removed"))
    return changes, renames


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


def _inputs_of(inputs: "Inputs") -> dict[str, Path]:
    found = {NOTES: inputs.notes}
    if inputs.curation:
        found[CURATION] = inputs.curation
    if inputs.definitions:
        found[DEFINITIONS] = inputs.definitions
    return found


def _build_at(files: dict[str, bytes | None], names: dict[str, str], commit: Commit, scratch: Path):
    """The glossary as the inputs stood at ``commit`` (built by the project's own code), or why not."""
    from .inputs import Inputs, load_glossary  # the build's own path from files to a glossary
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


def _walk(git: Git, rels: dict[str, str], limit: int, history: History) -> tuple[dict[str, Commit], dict[str, TermState]]:
    """Compare every version in the window with the one before, oldest first; fill ``history.changes``.
    Returns when each slug of the newest version was added, and the newest version's terms."""
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
            if history.complete:
                added.update({slug: commit for slug in current})
                groups.append([Change(commit, "", "", ("first",),
                                      f"first version of the glossary: {len(current)} terms")])
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


def _resolve(history: History, glossary: "Glossary") -> None:
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


def read_history(inputs: "Inputs", glossary: "Glossary", limit: int = HISTORY_LIMIT) -> History:
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
        history.unknown = f"git failed: {_first_line(exc.stderr)}"
        history.dates = {t.slug: TermDate(unknown=history.unknown) for t in glossary.terms}
        history.changes = []
        return history
    cur = curation_lines(files[CURATION].read_text(encoding="utf-8")) if CURATION in rels else {}
    defs = definitions_lines(files[DEFINITIONS].read_text(encoding="utf-8")) if DEFINITIONS in rels else {}
    older = f"older than the last {history.commits_read} commits read"
    for term in glossary.terms:
        date = last_changes(term_lines(term, cur, defs), blames)
        when = added.get(term.slug)
        reason = "" if when else (older if term.slug in last and not history.complete else "not yet committed")
        history.dates[term.slug] = TermDate(date.changed, date.changed_in, date.uncommitted, when, reason)
    _resolve(history, glossary)
    history.seconds = time.perf_counter() - start
    return history
