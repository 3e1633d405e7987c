"""After the build: every view that shows a non-current term's one-line definition shows its status too.

The summary of a deprecated class reads as if the class were current; shown alone, it misleads.
This reads the built site the way a reader or a program meets the term (its page, search, the
cards, the map, terms.json, terms.csv, llms.txt) and fails the build, naming the file, where a
non-current term's line appears without its status beside it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from mlterms.errors import Problem
from mlterms.glossary.lifecycle import WORDS, is_current, status_of
from mlterms.glossary.slugs import term_url


def check_site(site: Path, glossary) -> list[Problem]:
    """An error per view of a non-current term that shows its summary without the status."""
    terms = [t for t in glossary.terms if not is_current(t)]
    if not terms:
        return []
    views = _views(site)
    problems = []
    for term in terms:
        word = WORDS[status_of(term)]
        for name, (path, text_of) in views.items():
            text = text_of(term)
            if text is not None and word not in text:
                problems.append(Problem(f"site/{path.relative_to(site)}", None, f"{name} shows {term.title!r} ({status_of(term)}) "
                                        f"without its status: {text[:120]!r}",
                                        "render it with lifecycle.labelled_summary or lifecycle_label",
                                        group="site"))
    return problems


def _views(site: Path) -> dict:
    """view name -> (file, term -> the text that view shows for the term, or None if the view lacks it)."""
    views: dict = {}
    pages = site / "terms"

    def page_head(term) -> str | None:
        page = pages / term.slug / "index.html"
        if not page.exists():
            return None
        html = page.read_text(encoding="utf-8")
        end = html.find('class="term-definition"')
        return html[html.find("<h1"):end] if end > 0 else ""
    views["the term page (before its definition)"] = (pages, page_head)
    if (cards := site / "study" / "cards.json").exists():
        by_slug = {c["slug"]: c["summary"] for c in json.loads(cards.read_text(encoding="utf-8"))}
        views["study/cards.json"] = (cards, lambda t: by_slug.get(t.slug))
    if (graph := site / "map" / "graph.json").exists():
        nodes = {n["slug"]: n.get("status", "") for n in json.loads(graph.read_text(encoding="utf-8"))["nodes"]}
        views["map/graph.json"] = (graph, lambda t: nodes.get(t.slug))
    if (data := site / "terms.json").exists():
        rows = {r["slug"]: WORDS.get(r.get("status", ""), "current") for r in json.loads(data.read_text("utf-8"))}
        views["terms.json (status)"] = (data, lambda t: rows.get(t.slug))
    if (table := site / "terms.csv").exists():
        with table.open(encoding="utf-8", newline="") as f:
            csv_rows = {r["slug"]: WORDS.get(r.get("status", ""), "current") for r in csv.DictReader(f)}
        views["terms.csv (status)"] = (table, lambda t: csv_rows.get(t.slug))
    if (llms := site / "llms.txt").exists():
        lines = llms.read_text(encoding="utf-8").splitlines()
        views["llms.txt"] = (llms, lambda t: next((x for x in lines if f"/{term_url(t.slug)})" in x), None))
    shards = sorted((site / "search" / "docs").glob("*.json"))  # rows: [page, section, location, title, text, tags]
    if shards:
        docs = {r[2]: r[4] for f in shards for r in json.loads(f.read_text("utf-8")) if r[1] == 0}
        views["search results (search/docs)"] = (site / "search" / "docs", lambda t: docs.get(term_url(t.slug), ""))
    return views

