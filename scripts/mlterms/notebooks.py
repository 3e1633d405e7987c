"""Notebook walkthroughs: executed by the build (nbclient, timeout, errors fail), rendered by mkdocs-jupyter.

Notebooks live in ``snippets/notebooks/`` without outputs; the build executes
each one (``allow_errors`` off, a timeout per cell) and keeps the executed
copy in ``snippets/_outputs/notebooks/``, keyed by content and the locked
environment like the snippets. mkdocs-jupyter only renders (``execute:
false``). The terms a notebook serves are in its metadata
(``"mlterms": {"terms": [...]}``); their pages link to it.
"""

from __future__ import annotations

import hashlib
import subprocess
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .markup import escape
from .snippets import OUTPUTS_DIR, ROOT, SNIPPETS_DIR, environment_fingerprint

NOTEBOOKS_DIR = SNIPPETS_DIR / "notebooks"
SITE_DIR = "walkthroughs"


@dataclass
class Notebook:
    path: Path
    title: str
    summary: str
    terms: list[str]

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
    return Notebook(path, title, summary, terms), []


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


_RUNNING: set = set()  # the NotebookClients executing right now (their kernels are separate processes)


def kill_running() -> None:
    """Kill the kernel of every notebook still executing: on Ctrl-C or any other way out of a build.

    The executing threads then fail fast (the kernel died) instead of
    running on, and no kernel outlives the build.
    """
    from .processes import kill_tree
    for client in list(_RUNNING):
        process = getattr(getattr(getattr(client, "km", None), "provisioner", None), "process", None)
        if process is not None and process.poll() is None:
            kill_tree(process.pid)


def execute(notebook: Notebook, timeout: float, workdir: Path):
    """Run every cell (errors fail); returns the executed notebook object."""
    import nbclient
    import nbformat
    nb = nbformat.read(notebook.path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=int(timeout), kernel_name="python3", allow_errors=False,
                                     record_timing=False, resources={"metadata": {"path": str(workdir)}})
    _RUNNING.add(client)
    try:
        client.execute(stderr=subprocess.DEVNULL)  # the kernel's own start-up warnings
    finally:
        _RUNNING.discard(client)
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


def refresh(notebooks: list[Notebook], outputs: Path = OUTPUTS_DIR, fresh: bool = False,
            timeout: float = 120.0) -> tuple[dict[str, int], list[Problem]]:
    """Execute stale notebooks (two at a time); failures name the notebook, the cell and the error."""
    import shutil
    import tempfile

    import nbformat
    stale = [n for n in notebooks if fresh or not is_current(n, outputs)]
    counts = {"notebooks_run": 0, "notebooks_cached": len(notebooks) - len(stale), "notebooks_failed": 0}
    problems: list[Problem] = []

    def run_one(notebook: Notebook):
        workdir = Path(tempfile.mkdtemp(prefix="mlterms-nb-"))
        try:
            return notebook, execute(notebook, timeout, workdir), None
        except Exception as exc:  # noqa: BLE001 - CellExecutionError, CellTimeoutError, kernel death
            return notebook, None, exc
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    with ThreadPoolExecutor(max_workers=2) as pool:
        for notebook, executed, error in pool.map(run_one, stale):
            if error is not None:
                counts["notebooks_failed"] += 1
                tail = "\n".join(str(error).strip().splitlines()[-12:])
                problems.append(Problem(notebook.rel, None, f"failed to execute: {type(error).__name__}:\n{tail}",
                                        "open it in Jupyter and run all cells", group="snippets"))
                continue
            target = executed_path(notebook, outputs)
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(executed, target)
            _stamp_path(notebook, outputs).write_text(json.dumps({"key": _key(notebook)}) + "\n", encoding="utf-8")
            counts["notebooks_run"] += 1
    return counts, problems


def site_files(notebooks: list[Notebook], outputs: Path = OUTPUTS_DIR) -> list[tuple[str, Path]]:
    """(docs path, src_dir) for every executed notebook: real files, as mkdocs-jupyter needs."""
    return [(f"{SITE_DIR}/{n.path.name}", outputs) for n in notebooks if executed_path(n, outputs).exists()]


def render_index(notebooks: list[Notebook]) -> str:
    from .render import front_matter
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
