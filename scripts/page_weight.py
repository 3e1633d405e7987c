#!/usr/bin/env python3
"""Page weight and speed of a term page: bytes of its first load by type, the search index, first contentful paint.

Usage: scripts/page_weight.py [--site-dir DIR [--port N]] [--page terms/SLUG/] [--no-gzip]

Builds the site into a temporary folder (SITE_URL set to where it is then
served) unless --site-dir is given, serves it on 127.0.0.1 and opens the page
in headless chromium with a fresh cache. The page is a term page without a
snippet (no Example section): by default the largest such page.

Bytes are what went over the wire: Playwright's ``request.sizes()``
``responseBodySize`` (the encoded body, without headers), with the site served
gzip-compressed as static hosts such as GitHub Pages serve it (--no-gzip: served
as is). The decoded size, ``len(response.body())``, is shown beside it. The
search index (search/search_index.json) is counted apart: Material 9.8 fetches
it as the page loads (the script focuses the search box to trigger it where a
theme fetches it on first use).

Targets: the term page's first load < 150 KB without the search index; the
search index < 1 MB (KB = 1,024 bytes). Exit code 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from mlterms_tools.browser import built_site, chromium, serve  # noqa: E402

KB = 1024
PAGE_TARGET = 150 * KB
INDEX_TARGET = 1024 * KB
TYPES = ["HTML", "CSS", "JS", "fonts", "images", "other"]


def pick_page(site: Path) -> str:
    """The largest term page without a snippet or an Example section."""
    terms = json.loads((site / "terms.json").read_text(encoding="utf-8"))
    sizes = []
    for term in terms:
        html = site / term["url"] / "index.html"
        if not term["snippets"] and 'id="example"' not in html.read_text(encoding="utf-8"):
            sizes.append((html.stat().st_size, term["url"]))
    if not sizes:
        sys.exit("no term page without a snippet")
    return max(sizes)[1]


def kind(url: str, resource_type: str) -> str:
    path = urlsplit(url).path
    suffix = Path(path).suffix.lower()
    if path.endswith("search/search_index.json"):
        return "search index"
    if resource_type == "document" or suffix in (".html", ""):
        return "HTML"
    if suffix == ".css":
        return "CSS"
    if suffix in (".js", ".mjs"):
        return "JS"
    if suffix in (".woff", ".woff2", ".ttf", ".otf", ".eot"):
        return "fonts"
    if suffix in (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico"):
        return "images"
    return "other"


def measure(base: str, page_url: str, compressed: bool) -> dict:
    """Load ``page_url`` once with an empty cache, then focus the search box; bytes per type and phase."""
    loads: list[dict] = []
    phase = {"now": "first load"}
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})  # fresh cache
        tab = context.new_page()

        def finished(request):
            response = request.response()
            if response is None:
                return
            try:
                body = response.body()
            except Exception:  # redirects and bodiless responses
                body = b""
            wire, computed = request.sizes()["responseBodySize"], False
            if wire <= 0 and body:  # Chromium reports no size for a worker's script: what the server sent
                encoded = compressed and response.headers.get("content-encoding") == "gzip"
                wire, computed = (len(gzip.compress(body, compresslevel=6)) if encoded else len(body)), True
            loads.append({"url": request.url, "kind": kind(request.url, request.resource_type), "wire": wire,
                          "decoded": len(body), "computed": computed, "status": response.status,
                          "phase": phase["now"]})

        tab.on("requestfinished", finished)
        tab.goto(base + page_url, wait_until="load")
        tab.wait_for_load_state("networkidle")
        paint = tab.evaluate("Object.fromEntries(performance.getEntriesByType('paint')"
                             ".map(e => [e.name, e.startTime]))")
        timing = tab.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                              " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; })()")
        phase["now"] = "search"
        if not any(x["kind"] == "search index" for x in loads):  # not fetched yet: it is on first use
            with tab.expect_response(lambda r: r.url.endswith("search/search_index.json"), timeout=15000):
                tab.locator("input.md-search__input").focus()
        tab.locator("input.md-search__input").focus()
        tab.wait_for_load_state("networkidle")
        tab.wait_for_timeout(300)
        context.close()
    return {"loads": loads, "paint": paint, "timing": timing}


def fmt(n: float) -> str:
    return f"{n / KB:,.1f} KB"


def report(page_url: str, result: dict, compressed: bool) -> bool:
    loads = result["loads"]
    first = [x for x in loads if x["phase"] == "first load" and x["kind"] != "search index"]
    index = [x for x in loads if x["kind"] == "search index"]
    later = [x for x in loads if x["phase"] == "search" and x["kind"] != "search index"]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for x in first:
        by_kind[x["kind"]].append(x)
    how = "gzip-served like a static host" if compressed else "served uncompressed"
    print(f"page: /{page_url} (a term page without a snippet), fresh cache, {how}")
    print("bytes: transferred body bytes (request.sizes() responseBodySize); decoded len(response.body()) in brackets")
    for name in TYPES:
        items = by_kind.get(name, [])
        wire, decoded = sum(x["wire"] for x in items), sum(x["decoded"] for x in items)
        print(f"  {name:7} {fmt(wire):>10}  ({fmt(decoded)}, {len(items)} request{'s' * (len(items) != 1)})")
    for x in loads:
        if x["computed"]:
            print(f"  (no transfer size reported for {Path(urlsplit(x['url']).path).name}, a worker's script: "
                  f"counted as the bytes the server sent)")
    total = sum(x["wire"] for x in first)
    ok_page = total < PAGE_TARGET
    print(f"total first load without the search index: {fmt(total)} "
          f"({fmt(sum(x['decoded'] for x in first))} decoded, {len(first)} requests) "
          f"{'✓' if ok_page else '✗'} (target < {fmt(PAGE_TARGET)})")
    index_wire = sum(x["wire"] for x in index)
    ok_index = bool(index) and index_wire < INDEX_TARGET
    when = ("fetched on page load, before any search" if index and index[0]["phase"] == "first load"
            else "fetched on first use of the search box")
    print(f"search index ({when}): {fmt(index_wire)} "
          f"({fmt(sum(x['decoded'] for x in index))} decoded) "
          f"{'✓' if ok_index else '✗'} (target < {fmt(INDEX_TARGET)})")
    if later:
        print(f"  also on first search: {fmt(sum(x['wire'] for x in later))} "
              f"({', '.join(sorted({Path(urlsplit(x['url']).path).name for x in later}))})")
    fcp = result["paint"].get("first-contentful-paint")
    print(f"first contentful paint: {fcp:.0f} ms · DOMContentLoaded {result['timing']['dcl']:.0f} ms · "
          f"load {result['timing']['load']:.0f} ms (headless chromium, localhost, no throttling)"
          if fcp is not None else "first contentful paint: not reported")
    bad = [x for x in loads if x["status"] >= 400]
    for x in bad:
        print(f"  failed: {x['status']} {x['url']}")
    return ok_page and ok_index and not bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (else: build one into a temporary folder)")
    parser.add_argument("--port", type=int, help="serve here (the port the --site-dir site was built for)")
    parser.add_argument("--page", help="site-relative URL of the page, e.g. terms/numpy/ (default: see above)")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed")
    args = parser.parse_args()
    with built_site(args.site_dir, args.port) as (site, port):
        page_url = (args.page or pick_page(site)).lstrip("/")
        if args.page and 'id="example"' in (site / page_url / "index.html").read_text(encoding="utf-8"):
            print(f"note: /{page_url} has an Example section (a snippet)")
        with serve(site, port, compress=not args.no_gzip) as base:
            result = measure(base, page_url, not args.no_gzip)
    return 0 if report(page_url, result, not args.no_gzip) else 1


if __name__ == "__main__":
    sys.exit(main())
