"""Notebook walkthroughs: executed by the build (nbclient, timeout, errors fail), rendered by mkdocs-jupyter.

Notebooks live in ``snippets/notebooks/`` without outputs; the build executes
each one (``allow_errors`` off, a timeout per notebook) and keeps the executed
copy in ``snippets/_outputs/walkthroughs/``, keyed by content and the locked
environment like the snippets. mkdocs-jupyter only renders (``execute:
false``). The terms a notebook serves are in its metadata
(``"mlterms": {"terms": [...]}``); their pages link to it.

The build runs them in a warm pool of their own (``runner``), which
imports what the notebooks import once; each notebook gets a real kernel
forked from it (``forked_kernel``), in a fresh working folder.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from mlterms.errors import Problem
from mlterms.examples.snippets import environment_fingerprint
from mlterms.notes.markup import escape
from mlterms.paths import OUTPUTS_DIR, ROOT, SNIPPETS_DIR

NOTEBOOKS_DIR = SNIPPETS_DIR / "notebooks"
SITE_DIR = "walkthroughs"


@dataclass
class Notebook:
    path: Path
    title: str
    summary: str
    terms: list[str]
    modules: list[str] = field(default_factory=list)  # every module its code cells import, dotted

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def rel(self) -> str:
        return self.path.relative_to(ROOT).as_posix() if self.path.is_relative_to(ROOT) else str(self.path)


def load_notebook(path: Path) -> tuple[Notebook | None, list[Problem]]:
    import nbformat
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001 - nbformat raises many kinds
        return None, [Problem(rel, None, f"is not a readable notebook: {exc}", "re-save it from Jupyter",
                              group="snippets")]
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    lines = [ln.strip() for ln in first.splitlines() if ln.strip()]
    title = lines[0].lstrip("# ").strip() if lines and lines[0].startswith("#") else path.stem.replace("_", " ")
    summary = _plain(next((ln for ln in lines[1:] if not ln.startswith("#")), ""))
    terms = list(nb.metadata.get("mlterms", {}).get("terms", []))
    return Notebook(path, title, summary, terms, _imports(nb)), []


def _imports(nb) -> list[str]:
    """The modules a notebook's code cells import (a cell with IPython magics is skipped: it is not Python)."""
    found: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return sorted(found)


def _plain(markdown: str) -> str:
    """A notebook's Markdown sentence as plain text (bold, italics, code marks and link syntax gone)."""
    import re
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"(\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w))", "", text)


def discover(directory: Path = NOTEBOOKS_DIR) -> tuple[list[Notebook], list[Problem]]:
    found, problems = [], []
    for path in sorted(directory.glob("*.ipynb")):
        notebook, trouble = load_notebook(path)
        problems += trouble
        if notebook:
            found.append(notebook)
    return found, problems


def executed_path(notebook: Notebook, outputs: Path = OUTPUTS_DIR) -> Path:
    """The executed copy; ``outputs/walkthroughs/x.ipynb`` so that ``outputs`` can serve as its src_dir."""
    return outputs / SITE_DIR / notebook.path.name


def _key(notebook: Notebook) -> str:
    return hashlib.sha256(notebook.path.read_bytes() + environment_fingerprint().encode()).hexdigest()[:20]


def _stamp_path(notebook: Notebook, outputs: Path) -> Path:
    return outputs / SITE_DIR / f"{notebook.name}.json"


def is_current(notebook: Notebook, outputs: Path = OUTPUTS_DIR) -> bool:
    try:
        stamp = json.loads(_stamp_path(notebook, outputs).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp.get("key") == _key(notebook) and executed_path(notebook, outputs).exists()


# What every notebook job imports besides the notebook's own imports: the kernel (and the debugger it loads
# as it starts), the client, this module. The pool imports them once; its children then start at once.
# (Not matplotlib_inline.backend_inline: it hooks into the IPython shell that imports it, the kernel's.)
KERNEL_MODULES = ["ipykernel.debugger", "ipykernel.ipkernel", "ipykernel.kernelapp", "jupyter_client.manager",
                  "nbclient", "nbformat", "mlterms.examples.forked_kernel", "mlterms.examples.notebooks"]


def kernel_env() -> dict[str, str]:
    """The notebooks' pool's environment: the build's own, as nbclient gives a fresh kernel.

    Plus the one setting a fresh kernel makes before its first cell:
    ipykernel sets the inline Matplotlib backend unless ``MPLBACKEND`` says
    otherwise, and the pool imports Matplotlib before any kernel exists.
    """
    from mlterms.examples.runner import zygote_env
    return zygote_env({"MPLBACKEND": os.environ.get("MPLBACKEND") or "module://matplotlib_inline.backend_inline",
                       "PYDEVD_DISABLE_FILE_VALIDATION": "1"})


def execute(notebook: Notebook, timeout: float | None, workdir: Path, kernel=None):
    """Run every cell (errors fail) with ``workdir`` as the kernel's folder; returns the executed notebook.

    ``kernel``: the manager of a kernel already started (``forked_kernel.start``);
    without one, nbclient starts a fresh ``python -m ipykernel_launcher``.
    ``timeout`` bounds each cell (None: no bound; the pool bounds the notebook).
    """
    import nbclient
    import nbformat
    nb = nbformat.read(notebook.path, as_version=4)
    client = nbclient.NotebookClient(nb, km=kernel, timeout=None if timeout is None else int(timeout),
                                     kernel_name="python3", allow_errors=False, record_timing=False,
                                     resources={"metadata": {"path": str(workdir)}})
    client.execute(stderr=subprocess.DEVNULL)  # a fresh kernel's own start-up warnings
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = _coalesce_streams(cell.outputs)
    return nb


def _coalesce_streams(outputs: list) -> list:
    """Join adjacent stdout (or stderr) chunks: how the kernel happened to flush them varies
    from run to run, the text does not, and the executed copy should not churn in git."""
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
            previous["text"] += output["text"]
        else:
            merged.append(output)
    return merged


# The notebooks' pool runs at a lower priority than the snippets' pool: notebooks finish well within the
# snippets' time, which is bound by the PySpark snippets taking turns on one JVM (measured: 1-2 s saved).
NICE = 5
EXECUTED = "executed.ipynb"  # what a pool's child writes into its job folder
FAILURE = "error.txt"  # or, when it failed, the error's type on line 1 and its message


def execute_in_child(path: str) -> None:
    """In a child of the notebooks' pool (its job folder as cwd): execute the notebook in a kernel forked
    from this warm process, in a fresh folder ``work/``; write ``executed.ipynb``, or ``error.txt`` and raise."""
    import nbformat

    from mlterms.examples.forked_kernel import start, stop
    here = Path.cwd()
    (here / "work").mkdir()
    kernel = start(here / "kernel.json", here / "work", log=here / "kernel.log")
    notebook, problems = load_notebook(Path(path))
    if notebook is None:
        raise RuntimeError(problems[0].message)
    try:
        executed = execute(notebook, None, here / "work", kernel)
    except Exception as exc:  # noqa: BLE001 - CellExecutionError, kernel death: reported, then raised
        (here / FAILURE).write_text(f"{type(exc).__name__}\n{exc}", encoding="utf-8")
        raise
    finally:
        stop(kernel)
    nbformat.write(executed, here / EXECUTED)


def refresh(notebooks: list[Notebook], outputs: Path = OUTPUTS_DIR, fresh: bool = False,
            timeout: float = 120.0) -> tuple[dict[str, int], list[Problem]]:
    """Execute stale notebooks in a warm pool, one per core at a time; failures name the notebook, the cell
    and the error.

    ``timeout`` bounds each notebook as a whole: past it, its kernel and
    everything it started are killed and the notebook is reported.
    """
    import shutil
    import tempfile

    from mlterms.examples.runner import Job, PhaseTimeout, run
    stale = [n for n in notebooks if fresh or not is_current(n, outputs)]
    counts = {"notebooks_run": 0, "notebooks_cached": len(notebooks) - len(stale), "notebooks_failed": 0}
    problems: list[Problem] = []
    if not stale:
        return counts, problems
    scratch = Path(tempfile.mkdtemp(prefix="mlterms-nb-"))
    try:
        jobs = [Job(str(n.path), str(scratch / n.name), timeout, call=f"{__name__}:execute_in_child") for n in stale]
        preload = sorted({m for n in stale for m in n.modules} | set(KERNEL_MODULES))
        try:
            # nice: the snippets' pool beside it has the longer path (its PySpark snippets, one after another)
            results = run(jobs, preload=preload, env=kernel_env(), nice=NICE)
        except PhaseTimeout as exc:
            counts["notebooks_failed"] = len(stale)
            problems.append(Problem("snippets/notebooks/", None, f"{exc}; every notebook process was stopped",
                                    "look for a notebook that hangs (open it in Jupyter)", group="snippets"))
            return counts, problems
        for notebook, result in zip(stale, results):
            if result.status == "ok":
                target = executed_path(notebook, outputs)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(result.workdir) / EXECUTED, target)
                _stamp_path(notebook, outputs).write_text(json.dumps({"key": _key(notebook)}) + "\n",
                                                          encoding="utf-8")
                counts["notebooks_run"] += 1
                continue
            counts["notebooks_failed"] += 1
            if result.status == "timeout":
                message = f"did not finish within {timeout:.0f} s and was stopped"
                hint = "make it faster, or find the cell that never ends"
            else:
                name, _, text = result.read(FAILURE).partition("\n")
                if not name:  # it failed before any cell ran: its traceback says why
                    name, text = "the notebook's process failed", result.stderr
                tail = "\n".join(text.strip().splitlines()[-12:])
                message = f"failed to execute: {name}:\n{tail}"
                hint = "open it in Jupyter and run all cells"
            problems.append(Problem(notebook.rel, None, message, hint, group="snippets"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return counts, problems


def site_files(notebooks: list[Notebook], outputs: Path = OUTPUTS_DIR) -> list[tuple[str, Path]]:
    """(docs path, src_dir) for every executed notebook: real files, as mkdocs-jupyter needs."""
    return [(f"{SITE_DIR}/{n.path.name}", outputs) for n in notebooks if executed_path(n, outputs).exists()]


def render_index(notebooks: list[Notebook]) -> str:
    from mlterms.notes.front_matter import front_matter
    out = [front_matter({"title": "Walkthroughs", "description": "Longer worked examples, as executed notebooks.",
                         "search": {"exclude": True}}),
           "# Walkthroughs", "", "Longer worked examples with plots, executed by the build. Each page links "
           "the notebook file to download.", ""]
    out += [f"- [{escape(n.title)}]({n.path.name}) — {escape(n.summary)}" for n in notebooks] or [
        "No walkthroughs for these notes."]
    return "\n".join(out) + "\n"


def term_sections(notebooks: list[Notebook], term_slugs: set[str]) -> dict[str, list[str]]:
    """slug -> a "Walkthrough" section linking the notebooks that serve the term."""
    sections: dict[str, list[str]] = {}
    for n in notebooks:
        for slug in n.terms:
            if slug in term_slugs:
                sections.setdefault(slug, []).append(
                    f"## Walkthrough {{ data-search-exclude }}\n\n"
                    f"[{escape(n.title)}](../{SITE_DIR}/{n.path.name}): {escape(n.summary)}")
    return sections
