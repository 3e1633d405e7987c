"""A search-only site of N synthetic terms, for the exact-name test at scale and `make bench`.

Building 20,000 full pages takes longer than a bench should, and search needs
only what Material's search plugin would have written: a page doc (title,
summary, tags) and a section doc (the notes' text) per term. This writes
those docs for synthetic notes (``scripts/synthetic_notes.py``, parsed and
curated like real ones), runs the real ``search_files.write`` on them, and
adds the real worker and a blank page that loads nothing else, so the
engine is measured in a browser exactly as the site ships it.
"""

from __future__ import annotations

import html
import json
import shutil
import sys
from pathlib import Path

from mlterms.glossary.curate import curate
from mlterms.glossary.curation_file import check_curation
from mlterms.glossary.slugs import term_url
from mlterms.notes.parse import parse
from mlterms.outputs import search_files
from mlterms.outputs.search_entries import names_by_location
from mlterms.paths import JAVASCRIPTS, ROOT
from mlterms.record import records_of

WORKER = JAVASCRIPTS / "mlterms-search.js"
CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {}}
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>search</title></head>
<body><script id="__config" type="application/json">{"base": ".", "search": "assets/javascripts/mlterms-search.js"}
</script></body></html>"""


def synthetic_glossary(n: int, seed: int = 0):
    sys.path.insert(0, str(ROOT / "scripts"))
    import yaml
    from synthetic_notes import generate
    notes_text, curation_text = generate(n, seed=seed)
    curation = check_curation(yaml.safe_load(curation_text) or {}, "curation.yml")
    return curate(parse(notes_text, curation.rules), curation, None)


def write_site(folder: Path, n: int, seed: int = 0) -> list[dict]:
    """The search site of ``n`` synthetic terms in ``folder``; returns the terms (slug, title, names)."""
    glossary = synthetic_glossary(n, seed)
    docs = []
    for term in glossary.terms:
        location = term_url(term.slug)
        body = " ".join(line.stripped for d in term.definitions for line in d.lines if not line.is_blank)
        docs.append({"location": location, "title": html.escape(term.title), "text": f"<p>{html.escape(term.summary)}</p>",
                     "tags": term.tags, "boost": 2})
        docs.append({"location": f"{location}#{term.slug}", "title": html.escape(term.title),
                     "text": f"<p>{html.escape(body)}</p>", "tags": term.tags, "boost": 2})
    (folder / "search").mkdir(parents=True, exist_ok=True)
    (folder / "search" / "search_index.json").write_text(json.dumps({"config": CONFIG, "docs": docs}),
                                                         encoding="utf-8")
    search_files.write(folder, names_by_location(records_of(glossary, links={})))
    (folder / "assets" / "javascripts").mkdir(parents=True, exist_ok=True)
    for script in (WORKER, WORKER.with_name("mlterms-search-core.js"), WORKER.with_name("mlterms-search-rank.js")):
        # the worker imports its helpers and its ranking
        shutil.copy(script, folder / "assets" / "javascripts" / script.name)
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    return [{"slug": t.slug, "title": t.title, "aliases": t.aliases} for t in glossary.terms]
