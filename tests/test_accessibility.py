"""Accessibility and valid HTML of the built site.

axe-core (WCAG 2.0/2.1 A and AA plus axe's best practices) runs in Debian chromium on
the key pages, in the light and the dark scheme, at desktop and phone width, with the
search results and the navigation drawer open; no rule is switched off. The Nu HTML
Checker (vnu) reads every built page; the only errors it may report are the theme-
and plugin-internal ones listed, with the reason, in VNU_KNOWN below.

Both tools come from npm (package.json): `npm ci` in the repository root installs them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import NOT_FOUND_ERROR, ROOT, expect_console_error
from mlterms_tools.browser import search

pytestmark = pytest.mark.browser

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

PAGES = {
    "home": "",
    "a-z index": "terms/",
    "tags index": "tags/",
    "tag page": "tags/clustering/",
    "term": "terms/percentile/",
    "term with snippet and plot": "terms/k-means-clustering/",
    "term with snippet": "terms/predict-proba/",
    "term with dotted name": "terms/pandas-dataframe-to-dict/",
    "term with context": "terms/linkage-function/",
    "deprecated term (status badge)": "terms/scriptrunconfig/",
    "term with other names": "terms/one-vs-rest/",
    "notebook": "walkthroughs/clustering_walkthrough/",
    "notebook with a fitted model": "walkthroughs/classification_walkthrough/",
    "404": "terms/no-such-term/",
}


class Known(NamedTuple):
    """An error vnu may report: regular expressions for its message, the source line it
    points at and the page's path (None: any). Each must still occur, so that a filter
    whose cause is gone gets removed."""
    message: str
    line: str | None = None
    page: str | None = None


# Theme- and plugin-internal errors (no override or CSS reaches them).
VNU_KNOWN = [
    # Material's base.html puts autocomplete="off" on its drawer/search/TOC toggle
    # checkboxes on purpose (Firefox would otherwise restore an open drawer on Back);
    # they sit outside every template block, so only a copy of all of base.html could drop it.
    Known(r"Attribute “autocomplete” is only allowed when the input type is", r'<input class="md-(nav__)?toggle'),
    # Notebook pages: mkdocs-jupyter's nbconvert template writes JupyterLab's stylesheets
    # as <style> elements inside <body> (and appends one with a Python list in it, its
    # bug, hence the parse error); the CSS is JupyterLab's own, with vendor hacks
    # (transition-delay: 0, box-orient, :horizontal scrollbar selectors, ...).
    Known(r"A “style” element in “body” must be the first child of its parent\.", page=r"^walkthroughs/."),
    Known(r"^CSS: ", page=r"^walkthroughs/."),
    # Its cell copy button: <clipboard-copy aria-label="Copy to Clipboard"> (the element
    # gets role=button from its script; vnu judges the markup, where it has no role).
    Known(r"The “aria-label” attribute must not be specified on any “clipboard-copy” element",
          page=r"^walkthroughs/."),
    # Its MathJax <script src=""> when the plugin's custom_mathjax_url is not set.
    Known(r"Bad value “” for attribute “src” on element “script”", r'<script src="">', r"^walkthroughs/."),
]


def _need(path, what: str) -> None:
    if not path.is_file():
        pytest.fail(f"{what} is missing ({path.relative_to(ROOT)}): run `npm ci` in the repository root "
                    f"(it installs the pinned axe-core and vnu-jar from package-lock.json)", pytrace=False)


@pytest.fixture(scope="session")
def axe_js() -> str:
    _need(AXE_JS, "axe-core")
    return str(AXE_JS)


def axe_violations(page, axe_js: str) -> list[str]:
    """Run axe on the page as it is now; one readable line per failing element."""
    page.add_script_tag(path=axe_js)
    violations = page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' — '"
        " + n.failureSummary.replace(/\\s+/g, ' '))}))", AXE_TAGS)
    return [f"{v['id']} ({v['help']}): {node}" for v in violations for node in v["nodes"]]


def _open(page, served_site, path: str, scheme: str = "light", width: int = 1280) -> None:
    page.emulate_media(color_scheme=scheme)
    if width != 1280:
        page.set_viewport_size({"width": width, "height": 812})
    page.goto(served_site + path)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(page, served_site, axe_js, name, scheme):
    _open(page, served_site, PAGES[name], scheme)
    assert axe_violations(page, axe_js) == []
    if name == "404":  # the browser logs the page's own 404 status as a console error
        expect_console_error(page, NOT_FOUND_ERROR)
    assert not page.console_errors


@pytest.mark.parametrize("name", ["home", "term with snippet and plot", "notebook"])
def test_axe_on_a_phone(page, served_site, axe_js, name):
    _open(page, served_site, PAGES[name], width=375)
    assert axe_violations(page, axe_js) == []
    assert not page.console_errors


@pytest.mark.parametrize("scheme, query", [("light", "inertia"), ("dark", "inertia"),
                                           ("light", "what is a confusion matrix"),  # "No term for …" first
                                           ("dark", "difference between bagging and boosting")])  # a compare line
def test_axe_with_search_results_open(page, served_site, axe_js, scheme, query):
    _open(page, served_site, "terms/percentile/", scheme)
    assert search(page, query)
    assert axe_violations(page, axe_js) == []
    assert not page.console_errors


def test_axe_with_the_navigation_drawer_open(page, served_site, axe_js):
    _open(page, served_site, "terms/percentile/", width=375)
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator("nav.md-nav--primary").wait_for(state="visible")
    assert axe_violations(page, axe_js) == []
    assert not page.console_errors


def _known(message: dict, page: str, source: list[str]) -> int | None:
    line = source[message["lastLine"] - 1] if 0 < message.get("lastLine", 0) <= len(source) else ""
    for n, known in enumerate(VNU_KNOWN):
        if (re.search(known.message, message["message"]) and (known.line is None or re.search(known.line, line))
                and (known.page is None or re.search(known.page, page))):
            return n
    return None


def test_nu_html_checker_finds_no_errors(built_site):
    """Every page of the site, not only the ones above: the generator's HTML is checked too."""
    _need(VNU_JAR, "The Nu HTML Checker (vnu-jar)")
    if not shutil.which("java"):
        pytest.fail("java is missing: the Nu HTML Checker needs Java 11+ "
                    "(Debian: apt-get install default-jre-headless)", pytrace=False)
    files = {str(f): f.relative_to(built_site).as_posix() for f in sorted(built_site.rglob("*.html"))}
    assert {"index.html", "404.html", "terms/percentile/index.html"} <= set(files.values())
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    used, unexpected, sources = set(), [], {}
    for message in messages:
        path = message.get("url", "").removeprefix("file:")
        page = files.get(path, path)
        if path not in sources:
            sources[path] = Path(path).read_text(encoding="utf-8").split("\n") if Path(path).is_file() else []
        known = _known(message, page, sources[path])
        if known is None:
            unexpected.append(f"{page}:{message.get('lastLine')}: {message['message']}"
                              f"  [{message.get('extract', '')!r}]")
        else:
            used.add(known)
    assert unexpected == [], f"{len(unexpected)} errors:\n" + "\n".join(unexpected[:50])
    stale = [k.message for n, k in enumerate(VNU_KNOWN) if n not in used]
    assert stale == [], f"these known vnu errors are gone, remove them from VNU_KNOWN: {stale}"
