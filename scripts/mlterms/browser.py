"""A real browser on the built site: Debian chromium driven by Playwright, the site served over HTTP.

Shared by the browser tests, ``make bench`` (search quality, page weight) and
``make screenshots``. Never ``playwright install``: the browser is Debian's.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, quietly; a missing page gets the site's 404.html, as GitHub Pages does."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

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


@contextlib.contextmanager
def serve(directory: Path, port: int | None = None) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 in a thread; yields the base URL (ends with /)."""
    port = port or free_port()
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
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


RESULT_LINKS = "li.md-search-result__item > a.md-search-result__link:first-child"


def search(page, query: str, timeout: float = 15000) -> list[str]:
    """Type ``query`` into the site's real search box; return the result page URLs in rank order.

    Results update asynchronously as the worker answers each keystroke, so
    this waits until the list has been the same for 400 ms.
    """
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").click()
    box.fill("")
    box.type(query, delay=15)
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
    return list(dict.fromkeys(u.split("?")[0] for u in previous or []))
