"""A real browser on the built site: Debian chromium driven by Playwright, the site served over HTTP.

Shared by the browser tests, ``make bench`` (search quality, page weight) and
``make screenshots``. Never ``playwright install``: the browser is Debian's.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from mlterms.paths import ROOT

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that closes a connection mid-response (a page left, a fetch aborted) is no server error:
    only other errors are printed, as the base class prints them all."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, quietly; a missing page gets the site's 404.html, as GitHub Pages does."""

    prefix = "/"  # the sub-path the site is served under ("/ml-terms/" for a GitHub Pages project site)
    served: list | None = None  # (path, bytes sent) of every response, when the caller wants them

    def send_header(self, keyword, value):
        if keyword == "Content-Length" and self.served is not None:
            self.served.append((urlsplit(self.path).path, int(value)))
        super().send_header(keyword, value)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def translate_path(self, path):
        """A path outside the sub-path maps to no file (404), as on the real host."""
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "\0outside-the-site")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _GzipHandler(_QuietHandler):
    """The quiet static handler, gzip-compressing text files for clients that accept it."""

    def do_GET(self):  # noqa: N802 - the base class's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().do_GET()  # the redirect to the address with a slash
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in COMPRESSIBLE
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def built_site(site_dir: Path | None, port: int | None) -> Iterator[tuple[Path, int]]:
    """The site to measure and the port to serve it on: ``site_dir`` as given, or a fresh build
    into a temporary folder with SITE_URL set to http://127.0.0.1:<port>/ (removed afterwards)."""
    port = port or free_port()
    if site_dir is not None:
        yield site_dir, port
        return
    tmp = Path(tempfile.mkdtemp(prefix="mlterms-site-"))
    try:
        env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
        proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(tmp / "site")],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"the build failed:\n{proc.stdout}{proc.stderr}")
        yield tmp / "site", port
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def serve(directory: Path, port: int | None = None, compress: bool = False, prefix: str = "/",
          served: list | None = None) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 in a thread; yields the base URL (ends with /).

    ``compress``: gzip text files for clients that accept it, as static hosts do.
    ``prefix``: serve the site under a sub-path, as GitHub Pages serves a project site.
    ``served``: a list that receives (path, bytes sent) for every response (pages, worker fetches alike).
    """
    port = port or free_port()
    kind = type("Handler", (_GzipHandler if compress else _QuietHandler,), {"prefix": prefix, "served": served})
    handler = functools.partial(kind, directory=str(directory))
    server = _QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Debian chromium (Playwright's Browser object)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def goto_for_instant_navigation(page, url: str) -> None:
    """Open ``url`` and wait until Material's instant navigation takes over links.

    Material intercepts a click only once it has read the site's sitemap.xml
    (its click stream waits on the sitemap); a click before that is an
    ordinary page load. On a loaded machine the sitemap can arrive after
    the page's load event, so a test of instant navigation waits for it.
    """
    with page.expect_response(lambda r: urlsplit(r.url).path.endswith("/sitemap.xml")) as sitemap:
        page.goto(url)
    sitemap.value.finished()
    page.wait_for_load_state("networkidle")


def term_slug(url: str) -> str | None:
    """The slug of a term page URL (/terms/<slug>/), None for any other page."""
    path = urlsplit(url).path.rstrip("/")
    if "/terms/" not in path + "/":
        return None
    return path.rsplit("/", 1)[-1]


RESULT_LINKS = "li.md-search-result__item > a.md-search-result__link:first-child"


ANSWERED = """() => {
  const box = document.querySelector('input.md-search__input'), list = document.querySelector('.md-search-result');
  return Boolean(list) && list.getAttribute('data-answered') === box.value;
}"""


def search(page, query: str, timeout: float = 15000) -> list[str]:
    """Put ``query`` in the site's real search box; return the result page URLs in rank order.

    The query goes in as one edit followed by a real key press (Material reads the box on keyup), as
    a paste would. The list is read once the worker's last answer for what the box holds is drawn:
    our search marks the list ``data-answered`` with that query (after a question's answer by
    meaning, not its first answer by words). Material's own search (``MLTERMS_SEARCH_ENGINE=lunr``,
    for ``make bench``) does not: then the list is read once it has kept still for 400 ms.
    """
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").click()
    box.fill(query)
    box.press("End")
    ours = page.evaluate("() => /mlterms-search/.test(JSON.parse(document.getElementById('__config').textContent).search)")
    if ours:
        page.wait_for_function(ANSWERED, timeout=timeout)
        return _result_urls(page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)"))
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/Initializing|Type to start/i.test(m.textContent); }", timeout=timeout)
    previous, stable_since = None, 0
    for _ in range(int(timeout / 100)):
        current = page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")
        if current == previous:
            stable_since += 1
            if stable_since >= 4:
                break
        else:
            previous, stable_since = current, 0
        page.wait_for_timeout(100)
    return _result_urls(previous or [])


def _result_urls(hrefs: list[str]) -> list[str]:
    """Result links as pages, in order, once each (without Material's ?h= highlight query)."""
    return list(dict.fromkeys(u.split("?")[0] for u in hrefs))


ENGINE_HARNESS = """async ([queries, workerUrl, workers]) => {
  if (!window.__engine || window.__engine.url !== workerUrl || window.__engine.asks.length !== workers) {  // kept warm between calls
    const config = (await (await fetch(new URL("search/search_index.json", document.baseURI))).json()).config;
    const asker = () => {
      const worker = new Worker(workerUrl);
      /* A question's first answer (by words) says `refining`: its answer by meaning follows. */
      const ask = message => new Promise(resolve => {
        worker.onmessage = event => { if (!(event.data.data && event.data.data.refining)) resolve(event.data); };
        worker.postMessage(message);
      });
      ask.worker = worker;
      return ask;
    };
    const asks = Array.from({length: workers}, asker);
    await Promise.all(asks.map(ask => ask({type: 0, data: {config, docs: [], options: {suggest: true}}})));
    /* Whole queries, one at a time: no keystroke follows, so the worker need not wait for one. */
    asks.forEach(ask => ask.worker.postMessage("mlterms-no-wait"));
    window.__engine = {url: workerUrl, asks};
  }
  const out = new Array(queries.length);
  let next = 0;
  await Promise.all(window.__engine.asks.map(async ask => {
    while (next < queries.length) {
      const n = next++, start = performance.now();
      const reply = await ask({type: 2, data: queries[n]});
      out[n] = [queries[n], reply.data.items.map(group => group[0].location), performance.now() - start];
    }
  }));
  return out;
}"""


def engine_results(page, queries: list[str], workers: int = 2) -> list[tuple[str, list[str], float]]:
    """Each query sent straight to the site's search worker, as Material's search box sends it:
    (query, result page locations in rank order, milliseconds): for a question, its last answer, by
    meaning. The real engine in the real browser, without waiting for the results list to settle, so
    hundreds of queries take seconds. The page keeps its workers between calls: a second call finds
    them warm, as a reader's second query does.

    ``workers``: two share the queries when only the answers count (a machine has two cores and
    questions take a while); timing wants one, as a reader has: two throttled workers on two cores
    slow each other, and the second pays its cold index build inside the timed queries."""
    worker_url = page.evaluate("() => JSON.parse(document.getElementById('__config').textContent).search")
    worker_url = page.evaluate("u => new URL(u, document.baseURI).href", worker_url)
    return [tuple(row) for row in page.evaluate(ENGINE_HARNESS, [queries, worker_url, workers])]
