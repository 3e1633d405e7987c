"""A real `mkdocs serve --dirty` (as `make serve` runs it) on a copy of the repo, for `make bench` and the tests.

The copy holds the build inputs (notes, curation, definitions, snippets, docs,
scripts), so an edit never touches the repo's own notes. ``ServeSession``
starts the server on a free port, waits for its first build, and ``wait_for``
polls a page over HTTP until it shows a text: the time from saving a file to
the page serving the change.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ["scripts", "docs", "notes", "snippets", "mkdocs.yml", "requirements.lock", "pyproject.toml"]


def repo_copy(where: Path) -> Path:
    """The repo's build inputs copied under ``where`` (the social cards already drawn come along)."""
    repo = where / "repo"
    for name in [*INPUTS, ".cache/plugin"]:
        src = ROOT / name
        if not src.exists():
            continue
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, repo / name)
    if (ROOT / "node_modules").is_dir():  # the pinned ts-fsrs the study page copies
        (repo / "node_modules").symlink_to(ROOT / "node_modules")
    return repo


def edit_summary(definitions: Path, slug: str, word: str) -> None:
    """Put ``word`` at the start of ``slug``'s summary in a definitions file (a text edit: the rest
    of the file stays byte for byte, as when a writer saves it)."""
    lines = definitions.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  {slug}:\n")
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("    summary: "):
            head, value = lines[i][:13], lines[i][13:]
            quote = value[0] if value[0] in "'\"" else ""
            lines[i] = f"{head}{quote}{word} {value[len(quote):]}"
            break
        if not lines[i].startswith("    "):
            raise ValueError(f"{definitions}: {slug} has no summary line")
    definitions.write_text("".join(lines), encoding="utf-8")


def free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text, or None while it is not served."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


class ServeSession:
    """`mkdocs serve --dirty --livereload` in ``repo``, started and stopped as a context manager."""

    def __init__(self, repo: Path, env: dict[str, str] | None = None, first_build_timeout: float = 900):
        self.repo = repo
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(repo / "scripts"),
                    "SITE_URL": self.base, **(env or {})}
        self.timeout = first_build_timeout
        self.log: list[str] = []
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "ServeSession":
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}",
             "--livereload"], cwd=self.repo, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + self.timeout
        while not any("Serving on" in line for line in self.log):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise RuntimeError("mkdocs serve did not start:\n" + "".join(self.log[-40:]))
            time.sleep(0.1)
        return self

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            self.log.append(line)

    def builds(self) -> int:
        """How many builds finished so far: the first (before "Serving on"), then one per "Reloading
        browsers" line. (Not MkDocs' "Documentation built in 1.84 seconds": MkDocs logs a message it
        logged before only once, so a build as long as an earlier one, to the hundredth of a second,
        would not count, and ``settle`` would wait for it for ever.)"""
        served = any("Serving on" in line for line in self.log)
        return served + sum(line.rstrip().endswith("Reloading browsers") for line in self.log)

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)  # as Ctrl-C: mkdocs shuts down and cleans up
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def wait_for(self, path: str, text: str, timeout: float = 120, interval: float = 0.02) -> str:
        """Poll ``path`` until its page contains ``text``; the page. Raises TimeoutError with the server's log."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            page = fetch(self.base + path)
            if page is not None and text in page:
                return page
            time.sleep(interval)
        raise TimeoutError(f"{path} did not show {text!r} within {timeout} s:\n" + "".join(self.log[-40:]))

    def settle(self, quiet: float = 1.5, timeout: float = 600) -> None:
        """Wait until no build runs and none has started for ``quiet`` seconds (an edit's follow-up
        build included), so the next edit is timed from an idle server."""
        deadline = time.monotonic() + timeout
        last, since = None, time.monotonic()
        while time.monotonic() < deadline:
            started = sum("Building documentation" in line for line in self.log)
            ended = self.builds() + sum("error happened during" in line for line in self.log)
            if (started, ended) != last or started != ended:
                last, since = (started, ended), time.monotonic()
            elif time.monotonic() - since >= quiet:
                return
            time.sleep(0.1)
        raise TimeoutError("the server kept building:\n" + "".join(self.log[-40:]))

    def wait_for_build(self, count: int, timeout: float = 120) -> None:
        """Wait until ``count`` builds have finished (the first one included)."""
        deadline = time.monotonic() + timeout
        while self.builds() < count:
            if time.monotonic() > deadline:
                raise TimeoutError("no rebuild:\n" + "".join(self.log[-40:]))
            time.sleep(0.05)
