#!/usr/bin/env python3
"""`make screenshots`: PNGs of the site as readers see it, into screenshots/ (not committed).

Usage: scripts/screenshots.py [--site-dir DIR [--port N]] [--out DIR] [--full-page]

Home, a term page (light and dark scheme), the search results for "inertia", a question, pasted
code, "difference between" and a concept the glossary lacks, the map and
a tag page, each at desktop (1280×900) and phone (375×812) size. Builds the site
into a temporary folder (SITE_URL set to where it is then served) unless
--site-dir is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from mlterms_tools.browser import built_site, chromium, search, serve  # noqa: E402

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 812}}
# name, path, colour scheme, search query
SHOTS = [
    ("home", "", "light", None),
    ("term-light", "terms/k-means-clustering/", "light", None),
    ("term-dark", "terms/k-means-clustering/", "dark", None),
    ("search-inertia", "", "light", "inertia"),
    ("search-question", "", "light", "how to avoid overfitting in a neural network"),
    ("search-code", "", "light", "from sklearn.cluster import KMeans"),
    ("search-compare", "", "light", "difference between bagging and boosting"),
    ("search-no-term", "", "light", "what is a confusion matrix"),
    ("search-no-term-closest", "", "dark", "overlearning"),  # no term, its closest terms read by meaning
    ("search-long-question", "", "dark",
     "retailer wants to group customers by similar purchasing behaviour without predefined categories, which technique"),
    ("search-meaning", "", "dark", "model accuracy keeps dropping in production even though no code changed"),
    ("tag-clustering", "tags/clustering/", "light", None),
    ("map-light", "map/", "light", None),
    ("map-dark", "map/", "dark", None),
]


def take(base: str, out: Path, full_page: bool) -> list[Path]:
    saved = []
    with chromium() as browser:
        for size, viewport in VIEWPORTS.items():
            for name, path, scheme, query in SHOTS:
                context = browser.new_context(viewport=viewport, color_scheme=scheme,
                                              device_scale_factor=1, is_mobile=size == "mobile",
                                              has_touch=size == "mobile")
                page = context.new_page()
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                if query:
                    if not search(page, query):
                        sys.exit(f"no search results for {query!r}")
                page.wait_for_timeout(400)  # let transitions (search overlay, fonts) settle
                file = out / f"{name}-{size}.png"
                page.screenshot(path=str(file), full_page=full_page and not query)
                saved.append(file)
                context.close()
    return saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (else: build one into a temporary folder)")
    parser.add_argument("--port", type=int, help="serve here (the port the --site-dir site was built for)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--full-page", action="store_true", help="whole pages, not only the first screen")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with built_site(args.site_dir, args.port) as (site, port), serve(site, port) as base:
        saved = take(base, args.out, args.full_page)
    for file in saved:
        print(file.relative_to(ROOT) if file.is_relative_to(ROOT) else file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
