"""Shared fixtures: the real site built once per test session, and its pages as text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "scripts" / "build.py"
NOTES = ROOT / "notes" / "ml-terms.txt"
CURATION = ROOT / "notes" / "curation.yml"


# --- what the session must leave as it found it -----------------------------------------------

COMMITTED_OUTPUTS: Path | None = None  # a copy of snippets/_outputs taken before any test built anything
_TRACKED_AT_START: dict[str, str] = {}


def _tracked_changes() -> dict[str, str]:
    """Tracked files that differ from HEAD -> a hash of their current content."""
    import hashlib
    try:
        names = subprocess.run(["git", "diff", "--name-only", "HEAD"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return {}
    return {name: hashlib.sha256((ROOT / name).read_bytes()).hexdigest() if (ROOT / name).exists() else "gone"
            for name in names}


def pytest_configure(config):
    """Before any test: copy the committed snippet outputs, note which tracked files already differ."""
    import shutil
    import tempfile
    global COMMITTED_OUTPUTS
    COMMITTED_OUTPUTS = Path(tempfile.mkdtemp(prefix="mlterms-committed-")) / "_outputs"
    shutil.copytree(ROOT / "snippets" / "_outputs", COMMITTED_OUTPUTS)
    _TRACKED_AT_START.update(_tracked_changes())
    _worker_social_cache()
    if getattr(config.option, "numprocesses", None) and not os.environ.get("PYTEST_XDIST_WORKER"):
        _start_shared_site()


# --- three workers: `make test` runs `pytest -n 3` (pytest-xdist), one test file per work unit -----

# Files started first, the longest first (their share of `--durations=0` at -n 3), so that no worker is
# left with a long file at the end. A scheduling hint only: a file missing here just starts later.
LONG_FIRST = ["test_search_keyboard.py", "test_snippets.py", "test_spark_jvm.py", "test_search_readers.py",
              "test_map_reading.py", "test_accessibility.py", "test_study_page.py", "test_hardening.py",
              "test_failure_modes.py", "test_serve.py", "test_outputs.py", "test_hostile_site.py", "test_scale.py",
              "test_map.py", "test_reading.py", "test_reading_pages.py", "test_study.py", "test_inputs.py"]
# Files that must not run at the same time: both start Spark JVMs that write the class archive under
# .cache/spark-cds, and test_spark_jvm asserts that no half-written archive is left there.
SAME_WORKER = {"test_snippets.py": "spark", "test_spark_jvm.py": "spark"}


def pytest_xdist_make_scheduler(config, log):
    """Whole test files to a worker (module fixtures are built once), SAME_WORKER files together."""
    from xdist.scheduler import LoadFileScheduling

    class FileScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = super()._split_scope(nodeid)
            return SAME_WORKER.get(Path(path).name, path)

    config.option.loadscopereorder = False  # keep LONG_FIRST's order (xdist would sort by test count)
    return FileScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """Under xdist, the LONG_FIRST files first (stable: every file's tests stay together, in order)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        rank = {name: i for i, name in enumerate(LONG_FIRST)}
        items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def _worker_social_cache() -> None:
    """Each xdist worker draws social cards into a folder of its own.

    Material's social plugin rewrites a card and its manifest.json in place; two builds running at once
    on the same folder could read each other's half-written files. One worker's builds run one at a
    time, so a folder per worker is safe (builds that set SOCIAL_CACHE_DIR themselves keep theirs).
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and "SOCIAL_CACHE_DIR" not in os.environ:
        os.environ["SOCIAL_CACHE_DIR"] = str(ROOT / ".cache" / "plugin" / f"social-{worker}")


def pytest_sessionfinish(session, exitstatus):
    """A test run must not modify tracked files (e.g. rewrite snippets/_outputs): fail the run if it did."""
    changed = {name for name, digest in _tracked_changes().items() if _TRACKED_AT_START.get(name) != digest}
    if changed:
        print("\nERROR: the test run modified tracked files:\n  " + "\n  ".join(sorted(changed)))
        session.exitstatus = 1


def run_build(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run scripts/build.py for real and capture what it prints."""
    return subprocess.run([sys.executable, str(BUILD), *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def isolated_repo(tmp_path: Path) -> Path:
    """A copy of the repo's build inputs, to break things in without touching ours."""
    import shutil
    repo = tmp_path / "repo"
    for name in ["scripts", "docs", "notes", "snippets", "mkdocs.yml", "requirements.lock", "pyproject.toml",
                 ".cache"]:  # .cache: the social cards already drawn, so the copy builds fast
        src = ROOT / name
        if not src.exists():
            continue
        if src.is_dir():
            # (not the Spark class archive: 160 MB, and a copy's runs write their own when they need one;
            # nor test_deck.py's venv of the official anki package, nor `make bench`'s cards, which builds
            # never use; the 83 MB search model, which builds only read, is linked, not copied)
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", "spark-cds", "anki-venv-*",
                                                                            "bench-serve-cards", "models"))
            if name == ".cache" and (src / "models").is_dir():
                (repo / name / "models").symlink_to(src / "models")
        else:
            shutil.copy(src, repo / name)
    if (ROOT / "node_modules").is_dir():  # the pinned ts-fsrs the build copies into the study page
        (repo / "node_modules").symlink_to(ROOT / "node_modules")
    return repo


def build_in(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the copy's own scripts/build.py."""
    return subprocess.run([sys.executable, str(repo / "scripts" / "build.py"), *args], cwd=repo,
                          capture_output=True, text=True)


_BLOCKS = {"p", "li", "div", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table",
           "ul", "ol", "nav", "section", "article", "blockquote", "dd", "dt", "figure", "figcaption"}


class _ArticleText(HTMLParser):
    """The visible text of a page's <article> (the content, without theme chrome)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += 1 if tag not in ("br", "img", "hr", "input", "meta", "link") else 0
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in ("br", "img", "hr", "input", "meta", "link"):
            self.depth -= 1
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if self.depth and tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return "\n".join(" ".join(line.split()) for line in "".join(parser.parts).split("\n") if line.strip())


# --- the session's site: built and served once for the whole run -------------------------------------

# Under xdist the controller builds the site in a thread while the workers start, and serves it; the
# workers read where from SHARED_SITE ("<site dir> <port>") and wait for BUILT in the site's folder. One
# build and one server instead of one per worker (the build takes some 25 CPU-seconds). Without xdist
# the session's own fixtures build and serve it, as before. Nothing writes into the session's site.
SHARED_SITE = "MLTERMS_TEST_SITE"
BUILT = "build-exit.txt"  # the build's exit code, written last
_SHARED: dict = {}


def _build_site(site: Path, port: int) -> None:
    """scripts/build.py into ``site``, for the server on ``port``; its report and output beside it. BUILT
    is written whatever happens (a failure to start the build too), so no worker waits for nothing."""
    import traceback
    stdout, stderr, code = "", "", "no exit code"
    try:
        result = run_build("--site-dir", str(site), "--json", str(site.parent / "report.json"),
                           env={"SITE_URL": f"http://127.0.0.1:{port}/"})
        stdout, stderr, code = result.stdout, result.stderr, str(result.returncode)
    except Exception:
        stderr = traceback.format_exc()
    finally:
        (site.parent / "report.txt").write_text(stdout, encoding="utf-8")
        (site.parent / "stderr.txt").write_text(stderr, encoding="utf-8")
        (site.parent / BUILT).write_text(code, encoding="utf-8")


def _start_shared_site() -> None:
    """The controller: build the site in a thread and serve it; tell the workers where (environment)."""
    import contextlib
    import shutil
    import tempfile
    import threading
    from mlterms_tools.browser import free_port, serve
    port = free_port()
    site = Path(tempfile.mkdtemp(prefix="mlterms-session-")) / "site"
    _SHARED["stack"] = stack = contextlib.ExitStack()
    stack.callback(shutil.rmtree, site.parent, ignore_errors=True)
    stack.enter_context(serve(site, port))
    threading.Thread(target=_build_site, args=(site, port), daemon=True).start()
    os.environ[SHARED_SITE] = f"{site} {port}"


def pytest_unconfigure(config):
    """The controller stops serving the shared site once every worker is done."""
    if "stack" in _SHARED:
        _SHARED.pop("stack").close()


def _shared_site() -> tuple[Path, int] | None:
    where = os.environ.get(SHARED_SITE)
    if not where:
        return None
    site, port = where.rsplit(" ", 1)
    return Path(site), int(port)


def _seed_social_cache() -> None:
    """A worker's own card folder starts as a copy of the cards the controller's build drew (a build that
    draws them all again takes some 15 s longer), unless the worker's builds made the folder already."""
    import shutil
    cards, drawn = os.environ.get("SOCIAL_CACHE_DIR"), ROOT / ".cache" / "plugin" / "social"
    if cards and drawn.is_dir() and not Path(cards).exists():
        shutil.copytree(drawn, cards)


@pytest.fixture(scope="session")
def site_port() -> int:
    from mlterms_tools.browser import free_port
    shared = _shared_site()
    return shared[1] if shared else free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The site built from the repo's notes by scripts/build.py (once per session).

    Built with SITE_URL set to where ``served_site`` serves it, so the
    sitemap (instant loading, previews) and copy-link URLs match.
    """
    import time
    shared = _shared_site()
    if shared:
        site = shared[0]
        waited = 0.0
        while not (site.parent / BUILT).exists():  # the controller's build (about half a minute)
            assert waited < 1200, f"the controller's build of {site} has not ended after {waited:.0f} s"
            time.sleep(0.5)
            waited += 0.5
        _seed_social_cache()
    else:
        site = tmp_path_factory.mktemp("site") / "site"
        _build_site(site, site_port)
    code = (site.parent / BUILT).read_text(encoding="utf-8")
    assert code == "0", ((site.parent / "report.txt").read_text(encoding="utf-8")
                         + (site.parent / "stderr.txt").read_text(encoding="utf-8"))
    return site


@pytest.fixture(scope="session")
def build_report(built_site) -> dict:
    """What scripts/build.py reported (--json) for ``built_site``."""
    return json.loads((built_site.parent / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def build_output(built_site) -> str:
    """What scripts/build.py printed while it built ``built_site``."""
    return (built_site.parent / "report.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def served_site(built_site, site_port):
    """The built site over HTTP on 127.0.0.1 (search needs HTTP, not file://); under xdist the
    controller serves it."""
    from mlterms_tools.browser import serve
    if _shared_site():
        yield f"http://127.0.0.1:{site_port}/"
        return
    with serve(built_site, site_port) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from mlterms_tools.browser import chromium
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser, served_site):
    """A fresh browser page; the test fails on any console error it logged.

    A test that expects an error (a 404 page logs its own status) removes it
    from ``page.console_errors``; whatever is left fails the test at teardown.
    """
    context, tab = _desktop_tab(browser)
    yield tab
    context.close()
    assert not tab.console_errors, f"the page logged console errors: {tab.console_errors}"


def _desktop_tab(browser):
    """A new 1280×900 context and its page, which collects its console errors in ``console_errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda msg: tab.console_errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: tab.console_errors.append(str(exc)))
    return context, tab


@pytest.fixture(scope="module")
def _search_tab(browser, served_site):
    context, tab = _desktop_tab(browser)
    tab.goto(served_site)
    yield tab
    context.close()


@pytest.fixture
def search_page(_search_tab):
    """One home page per test module, for tests that only put queries in its search box: a page and its
    worker are made once, not once a query (the worker's names and, for questions, the model stay
    loaded, as they do for a reader who searches again). Fails the test that logged a console error."""
    _search_tab.console_errors.clear()
    yield _search_tab
    errors = list(_search_tab.console_errors)
    assert not errors, f"the page logged console errors: {errors}"


NOT_FOUND_ERROR = "Failed to load resource: the server responded with a status of 404 (Not Found)"


def expect_console_error(page, message: str, timeout_ms: int = 5000) -> None:
    """Take one expected ``message`` off the page's console errors (it may still be on its way); fail if none comes."""
    for _ in range(timeout_ms // 100):
        if message in page.console_errors:
            page.console_errors.remove(message)
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"expected the console error {message!r}; got {page.console_errors}")


@pytest.fixture(scope="session")
def site_terms(built_site) -> list[dict]:
    return json.loads((built_site / "terms.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def page_texts(built_site) -> dict[str, str]:
    """Site-relative page path -> the text of its article."""
    return {str(p.relative_to(built_site)): article_text(p.read_text(encoding="utf-8"))
            for p in built_site.rglob("*.html")}


# The sizes and colour schemes the reading tests look at: a laptop and a phone, light and dark.
VIEWS = {"desktop": {"viewport": {"width": 1280, "height": 800}},
         "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}}
COMBOS = [(v, s) for v in VIEWS for s in ("light", "dark")]


@pytest.fixture
def view(browser, served_site, request):
    """A page at the parametrized (size, scheme) of COMBOS; the test fails on any console error."""
    name, scheme = request.param
    context = browser.new_context(color_scheme=scheme, **VIEWS[name])
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.console_errors, tab.view, tab.scheme = errors, name, scheme
    yield tab
    assert not errors
    context.close()
