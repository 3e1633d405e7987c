"""Snippets: runnable example files, their cached outputs, and the page section that shows both.

A snippet is ``snippets/<name>.py`` whose first line names the terms it
serves (``# terms: predict-proba, predict``) and whose second line is a
one-line docstring. The build runs it (see ``runner``) and stores what
it printed and the images it saved under ``snippets/_outputs/<name>/``,
keyed by the snippet's content and the locked environment, like Quarto's
``_freeze/``: committed, so a fresh clone serves without executing anything,
and re-used until the code or the lock changes.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import platform
import re
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from mlterms.errors import Problem
from mlterms.examples.plot_style import plot_style_bytes
from mlterms.examples.spark_jvm import SPARK_CONF_DIR
from mlterms.notes.markup import code_block, escape
from mlterms.paths import CACHE_DIR, LOCK_FILE, OUTPUTS_DIR, ROOT, SNIPPETS_DIR

SITE_OUTPUTS = "snippets/_outputs"  # where plots are published, wherever they were stored
# How long each snippet took when it last ran (the pool starts the longest first). Untracked: wall-clock
# time differs on every run, and the committed outputs must not change when nothing else did.
TIMINGS_FILE = CACHE_DIR / "snippet-seconds.json"
_HEADER = re.compile(r"^#\s*terms:\s*(?P<terms>.+?)\s*$")


@dataclass
class Snippet:
    path: Path
    terms: list[str]
    summary: str
    modules: list[str]  # every module it imports, dotted ("sklearn.linear_model")

    @property
    def imports(self) -> list[str]:
        """The top-level packages it imports (for the "made with" stamp)."""
        return sorted({m.split(".")[0] for m in self.modules})

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def rel(self) -> str:
        """Repo-relative path, as terms.json and the page show it."""
        try:
            return self.path.relative_to(ROOT).as_posix()
        except ValueError:
            return self.path.as_posix()

    @property
    def main_term(self) -> str:
        return self.terms[0]


@dataclass
class Output:
    """What one run of a snippet produced."""

    key: str
    stdout: str
    images: list[str] = field(default_factory=list)
    stamp: str = ""


def load_snippet(path: Path) -> tuple[Snippet | None, list[Problem]]:
    """Read a snippet's header and imports; problems name the file and line."""
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(rel, None, f"cannot be read: {exc}", "save it as UTF-8 text", group="snippets")]
    first = source.splitlines()[0] if source else ""
    m = _HEADER.match(first)
    if not m:
        return None, [Problem(rel, 1, "the first line must name the terms it serves",
                              "start the file with  # terms: <slug>, <other-slug>", group="snippets")]
    terms = [t.strip() for t in m.group("terms").split(",") if t.strip()]
    shadowed = _shadowed_module(path.stem)
    if shadowed:
        return None, [Problem(rel, None, f"the file name hides the module {shadowed!r} from every snippet "
                              "(Python imports the snippet's own folder first)",
                              f"rename it, e.g. {path.stem}_example.py", group="snippets")]
    try:
        tree = ast.parse(source, filename=rel)
    except SyntaxError as exc:
        return None, [Problem(rel, exc.lineno, f"is not valid Python: {exc.msg}", "fix the syntax",
                              group="snippets")]
    summary = ast.get_docstring(tree) or ""
    modules = sorted({alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
                     | {node.module for node in ast.walk(tree)
                        if isinstance(node, ast.ImportFrom) and node.module and not node.level})
    return Snippet(path, terms, summary.strip().splitlines()[0] if summary else "", modules), []


@functools.lru_cache(maxsize=1)
def _installed_modules() -> dict[str, list[str]]:
    """Top-level module -> distributions (scanning site-packages is slow: once per process)."""
    return metadata.packages_distributions()


def _shadowed_module(stem: str) -> str | None:
    """The importable module a snippet named ``stem`` would hide, if any (argparse.py, shap.py...)."""
    return stem if stem in sys.stdlib_module_names or stem in _installed_modules() else None


def discover(directory: Path = SNIPPETS_DIR) -> tuple[list[Snippet], list[Problem]]:
    snippets, problems = [], []
    for path in sorted(directory.glob("*.py")):
        snippet, found = load_snippet(path)
        problems.extend(found)
        if snippet:
            snippets.append(snippet)
    return snippets, problems


def environment_fingerprint() -> str:
    """What every output depends on besides its own code: the locked packages, Python, Spark's settings.

    Python counts as major.minor plus the platform, not ``sys.version``: that
    string holds the build date and compiler, so any other build of Python
    3.11 (a contributor's, the Pages runner's) would re-run every snippet and
    rewrite the committed outputs.
    """
    python = f"{sys.version_info.major}.{sys.version_info.minor} {sys.platform} {platform.machine()}"
    parts = [LOCK_FILE.read_bytes() if LOCK_FILE.exists() else b"", python.encode()]
    parts += [p.read_bytes() for p in sorted(SPARK_CONF_DIR.glob("*"))]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def cache_key(snippet: Snippet, fingerprint: str) -> str:
    code = snippet.path.read_bytes()
    return hashlib.sha256(code + fingerprint.encode() + plot_style_bytes(code)).hexdigest()[:20]


def stamp(snippet: Snippet) -> str:
    """"Python 3.11.7 · numpy 2.4.6 · scikit-learn 1.9.1": what the output was made with."""
    dists = _installed_modules()
    parts = [f"Python {sys.version.split()[0]}"]
    for module in snippet.imports:
        for dist in sorted(set(dists.get(module, []))):
            try:
                parts.append(f"{dist} {metadata.version(dist)}")
            except metadata.PackageNotFoundError:
                pass
    return " · ".join(dict.fromkeys(parts))


def output_dir(snippet: Snippet, outputs: Path = OUTPUTS_DIR) -> Path:
    return outputs / snippet.name


def read_output(snippet: Snippet, outputs: Path = OUTPUTS_DIR) -> Output | None:
    folder = output_dir(snippet, outputs)
    try:
        run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
        stdout = (folder / "stdout.txt").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    return Output(run["key"], stdout, run.get("images", []), run.get("stamp", ""))


def write_output(snippet: Snippet, output: Output, images: dict[str, bytes], outputs: Path = OUTPUTS_DIR) -> None:
    folder = output_dir(snippet, outputs)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        if old.name not in images:
            old.unlink()
    for name, data in images.items():
        (folder / name).write_bytes(data)
    (folder / "stdout.txt").write_text(output.stdout, encoding="utf-8")
    run = {"key": output.key, "images": sorted(images), "stamp": output.stamp}
    (folder / "run.json").write_text(json.dumps(run, indent=1) + "\n", encoding="utf-8")


def last_seconds(timings: Path = TIMINGS_FILE) -> dict[str, float]:
    """Snippet name -> seconds of its last run (empty on a fresh clone, or when the file is unreadable)."""
    try:
        found = json.loads(timings.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): float(v) for k, v in found.items() if isinstance(v, (int, float))} \
        if isinstance(found, dict) else {}


def record_seconds(seconds: dict[str, float], timings: Path = TIMINGS_FILE) -> None:
    """Add these runs' seconds to the timings file (written whole, then renamed: never half a file)."""
    if not seconds:
        return
    merged = {**last_seconds(timings), **{name: round(s, 3) for name, s in seconds.items()}}
    timings.parent.mkdir(parents=True, exist_ok=True)
    partial = timings.with_name(f"{timings.name}.{os.getpid()}.tmp")
    partial.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(partial, timings)


def png_size(path: Path) -> tuple[int, int] | None:
    """A PNG's width and height from its header (None for another format or an unreadable file)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(24)
    except OSError:
        return None
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def render_section(snippet: Snippet, output: Output | None, term_slug: str, titles: dict[str, str],
                   outputs: Path = OUTPUTS_DIR) -> str:
    """The "Example" section of a term page: the code, a download link, its real output and plots.

    A plot carries its width and height, so the browser keeps its room before the (lazy) image
    arrives: the page below it does not jump when it does, under a reader's finger or pointer."""
    rel = snippet.rel
    lines = ["## Example { data-search-exclude }", ""]
    if snippet.summary:
        lines += [escape(snippet.summary), ""]
    if term_slug != snippet.main_term and snippet.main_term in titles:
        lines += [f"*The example of [{escape(titles[snippet.main_term])}]({snippet.main_term}.md).*", ""]
    # The file's text itself, as finished HTML: nothing in it is read as Markdown or as an include.
    lines += [code_block(snippet.path.read_text(encoding="utf-8"), "python", title=rel), "",
              f"[Download {escape(snippet.path.name)}](../{rel}){{ .md-button download }}", ""]
    if output is None:
        lines += ['!!! warning "Not run yet"', "",
                  "    Run `scripts/build.py` to execute this example and show its output.", ""]
        return "\n".join(lines)
    lines += [f'<p class="snippet-stamp">Output, as printed when the build ran it ({escape(output.stamp)}):</p>', "",
              code_block(output.stdout, "text"), ""]
    for image in output.images:
        size = png_size(output_dir(snippet, outputs) / image)
        room = f' width="{size[0]}" height="{size[1]}"' if size else ""
        lines += [f"![Plot drawn by {escape(snippet.path.name)}](../{SITE_OUTPUTS}/{snippet.name}/{image})"
                  f"{{ loading=lazy{room} }}", ""]
    return "\n".join(lines)


def attach(glossary, snippets: list[Snippet], outputs: Path = OUTPUTS_DIR, strict_terms: bool = True
           ) -> tuple[dict[str, list[str]], dict[str, list[str]], list[Problem]]:
    """The Example sections of the snippets, by the term they serve; which snippets serve each term.

    Returns (slug -> page sections, slug -> snippet site paths, problems). A
    snippet naming a term the notes do not have is an error for the repo's
    own notes (a typo in the header) and silently unused for another notes file.
    """
    terms = glossary.by_slug
    titles = {slug: t.title for slug, t in terms.items()}
    sections: dict[str, list[str]] = {}
    served: dict[str, list[str]] = {}
    problems: list[Problem] = []
    for snippet in snippets:
        output = read_output(snippet, outputs)
        for slug in snippet.terms:
            if slug not in terms:
                if strict_terms:
                    problems.append(Problem(snippet.rel, 1, f"names the term {slug!r}, which the notes do not have",
                                            "use the slug of an existing term (see site/terms.json)",
                                            group="snippets"))
                continue
            sections.setdefault(slug, []).append(render_section(snippet, output, slug, titles, outputs))
            served.setdefault(slug, []).append(snippet.rel)
    return sections, served, problems


def site_files(snippets: list[Snippet], outputs: Path = OUTPUTS_DIR) -> list[tuple[str, Path]]:
    """(site path, file) for every snippet and plot, so pages can link and show them."""
    files = [(s.rel, s.path) for s in snippets]
    for snippet in snippets:
        folder = output_dir(snippet, outputs)
        files += [(f"{SITE_OUTPUTS}/{snippet.name}/{png.name}", png) for png in sorted(folder.glob("*.png"))]
    return files


def run_plan(snippets: list[Snippet], workdirs: Path, timeout: float = 120.0,
             timings: Path = TIMINGS_FILE) -> tuple[list, list[str]]:
    """Jobs for the warm pool, longest first (by the last recorded run), and what the pool preloads.

    The pool preloads the modules that two or more of these snippets import
    (each would otherwise import them again); a module only one snippet needs
    is imported by that snippet, in parallel with the others.
    """
    from collections import Counter

    from mlterms.examples.runner import Job
    recorded = last_seconds(timings)
    ordered = sorted(snippets, key=lambda s: (-recorded.get(s.name, 1.0), s.name))
    jobs = [Job(str(s.path), str(workdirs / s.name), timeout, shares_jvm="pyspark" in s.imports) for s in ordered]
    shared = Counter(m for s in snippets for m in s.modules)
    return jobs, sorted(m for m, n in shared.items() if n >= 2)


def _is_current(snippet: Snippet, key: str, outputs: Path) -> bool:
    output = read_output(snippet, outputs)
    return output is not None and output.key == key


def stale(snippets: list[Snippet], outputs: Path = OUTPUTS_DIR) -> list[str]:
    """The snippets (repo-relative paths) whose stored output is missing or out of date."""
    fingerprint = environment_fingerprint()
    return [s.rel for s in snippets if not _is_current(s, cache_key(s, fingerprint), outputs)]


def _traceback_line(stderr: str, path: Path) -> int | None:
    """The last line of the snippet file that the traceback points at."""
    found = re.findall(rf'File "{re.escape(str(path))}", line (\d+)', stderr)
    return int(found[-1]) if found else None


def refresh(snippets: list[Snippet], outputs: Path = OUTPUTS_DIR, fresh: bool = False,
            timeout: float = 120.0, workers: int | None = None,
            timings: Path = TIMINGS_FILE) -> tuple[dict[str, int], list[Problem]]:
    """Run every snippet whose cached output is missing or stale (all with ``fresh``); store the outputs.

    The outputs hold only what the run produced, so running again changes no
    file; each run's seconds go to the untracked ``timings`` file.

    Returns counts (run, cached, failed) and a problem per failure naming the
    snippet, the term it serves and its traceback (or the timeout).
    """
    import shutil
    import tempfile

    from mlterms.examples.runner import PhaseTimeout, run

    fingerprint = environment_fingerprint()
    keys = {s.name: cache_key(s, fingerprint) for s in snippets}
    stale = [s for s in snippets if fresh or not _is_current(s, keys[s.name], outputs)]
    counts = {"snippets_run": 0, "snippets_cached": len(snippets) - len(stale), "snippets_failed": 0}
    problems: list[Problem] = []
    if not stale:
        return counts, problems
    scratch = Path(tempfile.mkdtemp(prefix="mlterms-snippets-"))
    try:
        jobs, preload = run_plan(stale, scratch, timeout, timings)
        by_path = {str(s.path): s for s in stale}
        try:
            results = run(jobs, workers=workers, preload=preload)
        except PhaseTimeout as exc:
            counts["snippets_failed"] = len(stale)
            problems.append(Problem("snippets/", None, f"{exc}; every snippet process was stopped",
                                    "look for a snippet that hangs (run it with `python snippets/<name>.py`)",
                                    group="snippets"))
            return counts, problems
        seconds: dict[str, float] = {}
        for result in results:
            snippet = by_path[result.path]
            if result.status == "ok":
                images = {p.name: p.read_bytes() for p in sorted(Path(result.workdir).glob("*.png"))}
                write_output(snippet, Output(keys[snippet.name], result.stdout, sorted(images), stamp(snippet)),
                             images, outputs)
                seconds[snippet.name] = result.seconds
                counts["snippets_run"] += 1
                continue
            counts["snippets_failed"] += 1
            serves = f"(serves term {snippet.main_term!r})"
            if result.status == "timeout":
                message = f"did not finish within {timeout:.0f} s and was stopped {serves}"
                hint = "make it faster, or find the loop that never ends"
                line = None
            else:
                tail = "\n".join(result.stderr.strip().splitlines()[-12:])
                message = f"raised an error {serves}:\n{tail}"
                hint = f"run `python {snippet.rel}` to reproduce it"
                line = _traceback_line(result.stderr, snippet.path)
            problems.append(Problem(snippet.rel, line, message, hint, group="snippets"))
        record_seconds(seconds, timings)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return counts, problems
