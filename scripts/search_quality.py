#!/usr/bin/env python3
"""Search quality of the built site: hit@1 and hit@3 of tests/search_queries.yml in the real search box.

Usage: scripts/search_quality.py [--site-dir DIR] [--verbose] [--node] [--queries FILE]
Builds its own copy of the site (SITE_URL set to where it is served) unless
--site-dir is given. --node answers the queries with the same worker run in node
(scripts/mlterms_tools/worker_node.js): seconds instead of minutes while tuning; the browser
run is the measure that counts. --queries scores another file of queries in the same format (a
list, or a mapping whose `queries:` holds one): a held-out set written blind, before it joins the test set.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from mlterms_tools.browser import built_site, chromium, search, serve, term_slug  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yml"


NO_TERM = "none"  # `expect: none`: the glossary has no term for the query
READER_KINDS = ("other-name", "learner-question", "mistake", "pasted-code")  # issue 18's reader set


def evaluate(base: str, queries: list[dict]) -> list[tuple[dict, list[str]]]:
    """Each query typed into the search box of the site at ``base``; the result slugs in rank order.

    Every result keeps its place (:func:`ranked_slugs`): a "no term" answer (the search's answer
    for something the glossary lacks, a link off the site) is the marker slug ``none``, so
    ``expect: none`` scores like any other slug and a "no term" above a real answer costs hit@1.
    """
    results = []
    with chromium() as browser:
        page = browser.new_page()
        page.goto(base)
        for q in queries:
            urls = search(page, q["query"])
            ranked = ranked_slugs([u[len(base):] if u.startswith(base) else u for u in urls])
            if q["expect"] == NO_TERM and not ranked:
                ranked = [NO_TERM]
            results.append((q, ranked))
    return results


def ranked_slugs(locations: list[str]) -> list[str]:
    """Result locations (relative to the site, or absolute off it) as slugs in rank order: a term page
    is its slug, a link off the site (the "no term" answer) is ``none``, any other page of the site (a
    walkthrough, a compare line's section is its term) is ``page:<location>``, which answers nothing."""
    out = []
    for loc in locations:
        if loc.startswith(("http://", "https://")):
            out.append(NO_TERM)
        else:
            out.append(term_slug("/" + loc.lstrip("/")) or f"page:{loc}")
    return out


def evaluate_node(site: Path, queries: list[dict]) -> list[tuple[dict, list[str]]]:
    """As :func:`evaluate`, with the worker run in node over the site's files (no browser, no server)."""
    script = ROOT / "scripts" / "mlterms_tools" / "worker_node.js"
    answer = subprocess.run(["node", str(script), str(site)], input=json.dumps([q["query"] for q in queries]),
                            capture_output=True, text=True, check=True)
    results = []
    for q, row in zip(queries, json.loads(answer.stdout)):
        ranked = ranked_slugs(row["results"]) or ([NO_TERM] if q["expect"] == NO_TERM else [])
        results.append((q, ranked))
    return results


def answers(q: dict) -> set[str]:
    """The slugs that answer ``q``: its ``expect`` and its ``also`` (an "X vs Y" compare line is on both pages)."""
    return {q["expect"], *q.get("also", [])}


def hits(results: list[tuple[dict, list[str]]]) -> tuple[int, int]:
    """hit@1 and hit@3 counts: queries answered by the first result, and by one of the top three."""
    return (sum(1 for q, r in results if set(r[:1]) & answers(q)),
            sum(1 for q, r in results if set(r[:3]) & answers(q)))


def by_kind(results: list[tuple[dict, list[str]]]) -> dict[str, tuple[int, int, int]]:
    """Per kind of the reader set: (queries, hit@1, hit@3)."""
    table = {}
    for kind in READER_KINDS:
        rows = [(q, r) for q, r in results if q.get("kind") == kind]
        if rows:
            table[kind] = (len(rows), *hits(rows))
    return table


def split_sets(queries: list[dict]) -> tuple[list[dict], list[dict]]:
    """The earlier query set (issues 5 and 11) and the issue-18 reader set, each scored on its own."""
    reader = [q for q in queries if q.get("kind") in READER_KINDS]
    return [q for q in queries if q.get("kind") not in READER_KINDS], reader


def alias_queries(site: Path) -> list[dict]:
    """Every alias of every term, as a query that should find that term (from the built terms.json)."""
    import json
    terms = json.loads((site / "terms.json").read_text(encoding="utf-8"))
    return [{"query": alias, "expect": t["slug"]} for t in terms for alias in t["aliases"]]


def line(label: str, n: int, hit1: int, hit3: int) -> str:
    """One figure line: queries, hit@1 and hit@3 as counts and percentages."""
    return f"{label}: {n} queries · hit@1 {hit1}/{n} = {hit1 / n:.0%} · hit@3 {hit3}/{n} = {hit3 / n:.0%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="an already built site (default: build one now)")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--node", action="store_true", help="run the worker in node, not in the browser")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the queries (default: %(default)s)")
    args = parser.parse_args()
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
    if isinstance(queries, dict):
        queries = queries["queries"]
    if args.node:
        with built_site(args.site_dir, None) as (site, _):
            results = evaluate_node(site, queries)
    else:
        with built_site(args.site_dir, None) as (site, port), serve(site, port) as base:
            results = evaluate(base, queries)
    for q, r in results:
        if args.verbose or not set(r[:1]) & answers(q):
            mark = "ok " if set(r[:1]) & answers(q) else ("top3" if set(r[:3]) & answers(q) else "MISS")
            print(f"  {mark} {q['query']!r:28} -> {r[:3]} (want {q['expect']})")
    earlier, reader = split_sets(queries)
    for name, subset in (("earlier set", earlier), ("reader set", reader)):
        rows = [(q, r) for q, r in results if q in subset]
        if rows:
            print(line(f"search quality, {name}", len(rows), *hits(rows)))
    for kind, (n, hit1, hit3) in by_kind(results).items():
        print(line(f"search quality, {kind}", n, hit1, hit3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
