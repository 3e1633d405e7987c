#!/usr/bin/env python3
"""Search quality of the built site: hit@1 and hit@3 of tests/search_queries.yml in the real search box.

Usage: scripts/search_quality.py [--site-dir DIR] [--verbose]
Builds its own copy of the site (SITE_URL set to where it is served) unless
--site-dir is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from mlterms.browser import built_site, chromium, search, serve, term_slug  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yml"


def evaluate(base: str, queries: list[dict]) -> list[tuple[dict, list[str]]]:
    """Each query typed into the search box of the site at ``base``; the result slugs in rank order."""
    results = []
    with chromium() as browser:
        page = browser.new_page()
        page.goto(base)
        for q in queries:
            ranked = [term_slug(u) for u in search(page, q["query"])]
            results.append((q, [s for s in ranked if s]))
    return results


def hits(results: list[tuple[dict, list[str]]]) -> tuple[int, int]:
    """hit@1 and hit@3 counts: queries whose expected term comes first, and in the top three."""
    return (sum(1 for q, r in results if r[:1] == [q["expect"]]),
            sum(1 for q, r in results if q["expect"] in r[:3]))


def alias_queries(site: Path) -> list[dict]:
    """Every alias of every term, as a query that should find that term (from the built terms.json)."""
    import json
    terms = json.loads((site / "terms.json").read_text(encoding="utf-8"))
    return [{"query": alias, "expect": t["slug"]} for t in terms for alias in t["aliases"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="an already built site (default: build one now)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    with built_site(args.site_dir, None) as (site, port), serve(site, port) as base:
        results = evaluate(base, queries)
    for q, r in results:
        if args.verbose or q["expect"] not in r[:1]:
            mark = "ok " if q["expect"] in r[:1] else ("top3" if q["expect"] in r[:3] else "MISS")
            print(f"  {mark} {q['query']!r:28} -> {r[:3]} (want {q['expect']})")
    n = len(results)
    hit1, hit3 = hits(results)
    print(f"search quality: {n} queries · hit@1 {hit1}/{n} = {hit1 / n:.0%} · hit@3 {hit3}/{n} = {hit3 / n:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
