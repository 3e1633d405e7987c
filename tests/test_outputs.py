"""Machine-readable outputs wherever the site is hosted: the site URL, JSON-LD as linked data, the sitemap.

One real build of our notes with a sub-path SITE_URL (https://example.org/glossary/), read back with
third-party parsers (rdflib for the JSON-LD, lxml for the sitemap); one small build without a site
URL, which must say so; the GitHub Pages address derived from a git remote.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import isolated_repo, run_build
from mlterms.outputs import siteurl

SITE_URL = "https://example.org/glossary/"
# An address on the local machine: the host with a port or a path (Material's source map only mentions
# the word "localhost" in a comment about local previews).
LOCAL = re.compile(rb"(?:127\.0\.0\.1|localhost)(?::\d|/)", re.IGNORECASE)
SCHEMA = "http://schema.org/"


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("sub-path") / "site"
    result = run_build("--site-dir", str(site), env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"site URL: {SITE_URL} (from SITE_URL)" in result.stdout
    return site


def _contents(path: Path) -> list[tuple[str, bytes]]:
    """A file's bytes, and for archives (the .apkg, .gz) the bytes of what they hold."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        return [(str(path), gzip.decompress(data))]
    if path.suffix == ".apkg":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(f"{path}!{name}", archive.read(name)) for name in archive.namelist()]
    return [(str(path), data)]


def test_a_sub_path_site_url_build_names_no_local_server_in_any_file(sub_path_site):
    files = [p for p in sub_path_site.rglob("*") if p.is_file()]
    assert len(files) > 300
    found = [name for p in files for name, data in _contents(p) if LOCAL.search(data)]
    assert found == []
    report = json.loads((sub_path_site / "build-report.json").read_text(encoding="utf-8"))
    assert report["site_url"] == {"url": SITE_URL, "from": "SITE_URL", "warning": ""}
    deck = dict(_contents(sub_path_site / "study" / "ml-terms.apkg"))
    assert any(b"https://example.org/glossary/terms/" in data for data in deck.values())


def test_the_404_page_links_from_the_sites_root_path(sub_path_site):
    html = (sub_path_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/glossary/terms/"' in html and 'href="/glossary/tags/"' in html
    assert 'id="not-found-search-link" href="/glossary/"' in html


def _json_ld(site: Path) -> list[dict]:
    blocks = []
    for page in site.rglob("index.html"):
        for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"),
                              flags=re.S):
            data = json.loads(raw)
            data["@context"] = {"@vocab": SCHEMA}  # schema.org's own context, offline: its vocabulary
            blocks.append(data)
    return blocks


def test_the_json_ld_joins_as_rdf_and_every_term_is_in_the_set(sub_path_site):
    """Every page's JSON-LD merged into one rdflib graph: each term page's DefinedTerm is a node of its
    own (not a blank node), inDefinedTermSet the one node the A–Z index types as the DefinedTermSet."""
    from rdflib import RDF, Graph, Namespace, URIRef
    schema = Namespace(SCHEMA)
    graph = Graph()
    for block in _json_ld(sub_path_site):
        graph.parse(data=json.dumps(block), format="json-ld")
    terms = json.loads((sub_path_site / "terms.json").read_text(encoding="utf-8"))
    sets = set(graph.subjects(RDF.type, schema.DefinedTermSet))
    assert sets == {URIRef(f"{SITE_URL}terms/#glossary")}
    [term_set] = sets
    members = set(graph.subjects(schema.inDefinedTermSet, term_set))
    assert members == {URIRef(f"{SITE_URL}terms/{t['slug']}/#term") for t in terms}
    assert all((m, RDF.type, schema.DefinedTerm) in graph for m in members)
    assert set(graph.objects(term_set, schema.hasDefinedTerm)) == members
    names = {str(graph.value(m, schema.name)) for m in members}
    assert names == {t["title"] for t in terms}


def test_sitemap_lastmod_is_each_terms_changed_date_and_absent_where_unknown(sub_path_site):
    from lxml import etree
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = etree.parse(str(sub_path_site / "sitemap.xml")).getroot()
    lastmod = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
               for u in root.findall("s:url", ns)}
    terms = json.loads((sub_path_site / "terms.json").read_text(encoding="utf-8"))
    assert len(lastmod) > len(terms)
    for term in terms:
        assert lastmod[f"{SITE_URL}terms/{term['slug']}/"] == term["changed"], term["slug"]
    assert any(term["changed"] for term in terms), "no term has a date: the build read no git history"
    others = {loc: mod for loc, mod in lastmod.items() if "/terms/" not in loc or loc.endswith("/terms/")}
    assert others and all(mod is None for mod in others.values())  # no content date known: no lastmod


TINY_NOTES = "Decile\nOne of nine values that split sorted data into ten equal parts.\n"


def test_a_build_without_a_site_url_warns_that_links_point_at_the_local_server(tmp_path):
    repo = isolated_repo(tmp_path)  # a copy outside git: no remote to derive the address from
    notes = tmp_path / "notes.txt"
    notes.write_text(TINY_NOTES, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run([sys.executable, str(repo / "scripts" / "build.py"), "--notes", str(notes),
                             "--site-dir", str(tmp_path / "site")], cwd=repo, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SITE_URL: warning: no site URL" in result.stdout
    assert "points at the local server http://127.0.0.1:8000/" in result.stdout
    report = json.loads((tmp_path / "site" / "build-report.json").read_text(encoding="utf-8"))
    assert report["site_url"]["from"] == "local default" and "local server" in report["site_url"]["warning"]


@pytest.mark.parametrize("remote, url", [
    ("https://github.com/Ann/ml-terms.git", "https://ann.github.io/ml-terms/"),
    ("git@github.com:Ann/ml-terms.git", "https://ann.github.io/ml-terms/"),
    ("ssh://git@github.com/Ann/ml-terms", "https://ann.github.io/ml-terms/"),
    ("https://github.com/Ann/Ann.github.io", "https://ann.github.io/"),
    ("https://gitlab.com/Ann/ml-terms.git", None),
    ("", None),
])
def test_the_github_pages_address_comes_from_the_remote(remote, url):
    assert siteurl.pages_url(remote) == url


def test_a_clone_of_a_github_repository_builds_for_its_pages_address(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "remote", "add", "origin", "git@github.com:Ann/ml-terms.git"], cwd=tmp_path, check=True)
    assert siteurl.resolve(tmp_path, {}) == siteurl.SiteUrl("https://ann.github.io/ml-terms/", "git remote origin")
    assert siteurl.resolve(tmp_path, {"SITE_URL": "https://example.org/g"}).url == "https://example.org/g/"
    assert siteurl.resolve(tmp_path.parent / "nowhere", {}).local


def _clipboard(tab, timeout_s: float = 5.0) -> str:
    """What the page put on the clipboard, waited for (the copy happens after the click returns)."""
    tab.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)", timeout=timeout_s * 1000)
    return tab.evaluate("navigator.clipboard.readText()")


@pytest.mark.browser
def test_copy_the_link_copies_where_the_site_is_served_not_where_it_was_built_for(browser, sub_path_site):
    """The site built for https://example.org/glossary/, put on another host (here 127.0.0.1 under
    /glossary/): the button copies the page's real address."""
    from mlterms_tools.browser import serve
    with serve(sub_path_site, prefix="/glossary/") as base:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        tab = context.new_page()
        tab.goto(base + "terms/percentile/#top")
        tab.get_by_role("button", name="Copy the link to this term").click()
        assert _clipboard(tab) == base + "terms/percentile/"
        context.close()


RENAME_NOTES = """Decile
One of nine values that split sorted data into ten equal parts.

Quintile
One of four values that split sorted data into five equal parts.
"""


@pytest.mark.browser
def test_a_renamed_terms_study_progress_moves_to_its_new_slug(browser, tmp_path):
    """Grade Decile's first card, then the term is renamed (slug decile-rank, old_slugs: [decile]) and the
    site rebuilt: on the same origin, the study page still counts the card as learned, under the new slug."""
    from mlterms_tools.browser import free_port, serve
    port = free_port()
    (tmp_path / "notes.txt").write_text(RENAME_NOTES, encoding="utf-8")
    sites = {}
    for name, curation in [("before", "terms:\n  Decile: {tags: [statistics]}\n"),
                           ("after", "terms:\n  Decile: {slug: decile-rank, old_slugs: [decile], tags: [statistics]}\n")]:
        (tmp_path / "curation.yml").write_text(curation, encoding="utf-8")
        sites[name] = tmp_path / name
        result = run_build("--notes", str(tmp_path / "notes.txt"), "--site-dir", str(sites[name]),
                           env={"SITE_URL": f"http://127.0.0.1:{port}/"})
        assert result.returncode == 0, result.stdout
    context = browser.new_context()
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)

    def study_state(site: Path) -> tuple[str, dict]:
        # The rebuilt site is read later, as a reader would: not the first site's cards.json from the HTTP
        # cache (under load the two builds lie far enough apart for Chromium's heuristic freshness to keep
        # it), while localStorage, the reader's progress, stays.
        cdp.send("Network.clearBrowserCache")
        with serve(site, port=port) as base:
            tab.goto(base + "study/")
            tab.locator(".study-front").wait_for(timeout=15000)
            stats = tab.locator(".study-stats").inner_text()
            if site == sites["before"]:
                assert tab.locator(".study-front").get_attribute("data-card") == "decile|forward"
                tab.locator(".study-flip").click()
                tab.locator(".study-grade[data-rating='3']").click()
                stats = tab.locator(".study-stats").inner_text()
            stored = tab.evaluate("JSON.parse(localStorage.getItem('mlterms-study-v1'))")
            tab.goto("about:blank")
        return stats, stored

    before, stored = study_state(sites["before"])
    assert list(stored["cards"]) == ["decile|forward"]
    after, stored = study_state(sites["after"])
    assert after == before  # the graded card is still graded: the counts read the same after the rename
    assert list(stored["cards"]) == ["decile-rank|forward"]
    assert list(stored["rated"]) == ["decile-rank|forward"]  # its grade moved with it
    context.close()
