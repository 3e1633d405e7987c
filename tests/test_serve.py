"""`make serve` (mkdocs serve --dirty) rebuilds only the pages an edit changed, and they stay right.

A real `mkdocs serve --dirty` runs on a copy of the repo's inputs (never our
notes); each test edits the copy and polls the pages over HTTP until the edit
shows (no timing assertions: the seconds are `make bench`'s serve part).
"""

from __future__ import annotations

import json
import sys

import pytest

from conftest import ROOT, isolated_repo

sys.path.insert(0, str(ROOT / "scripts"))
from serve_session import ServeSession, edit_summary, fetch  # noqa: E402

from mlterms.outputs import search_files as search_engine  # noqa: E402

# Agglomerative method's notes say "1. The linkage distances between each of the data points is
# computed.": Linkage function's page quotes that sentence under "Mentioned in".
SOURCE, TARGET = "agglomerative-method", "linkage-function"
SENTENCE = "1. The linkage distances between each of the data points is computed."


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    repo = isolated_repo(tmp_path_factory.mktemp("serve"))
    with ServeSession(repo, env={"DISABLE_MKDOCS_2_WARNING": "true"}) as session:
        session.wait_for(f"terms/{TARGET}/", "Mentioned in")
        yield session


def _settle(server: ServeSession) -> None:
    """Wait until the builds an edit started (the edited pages, then the index pages) are done."""
    server.settle()


def search_docs(server: ServeSession) -> list[list]:
    """Every section entry of the served search index: [page, section, location, title, teaser, tags]."""
    config = json.loads(fetch(server.base + "search/search_index.json"))["config"]["mlterms"]
    docs = []
    for shard in range(0, config["pages"] // search_engine.PAGES_PER_SHARD + 1):
        text = fetch(server.base + f"search/{search_engine.DOCS_DIR}/{shard}.json")
        docs += json.loads(text) if text else []
    return docs


def postings(server: ServeSession, word: str) -> list[int]:
    """The text index's postings of ``word`` (doc id, count, doc id, count...), from the shard of its longest prefix."""
    config = json.loads(fetch(server.base + "search/search_index.json"))["config"]["mlterms"]
    prefix = max((p for p in config["shards"] if word.startswith(p)), key=len)
    shard = fetch(server.base + f"search/{search_engine.TEXT_DIR}/{search_engine.shard_name(prefix)}.json")
    return json.loads(shard).get(word, [])


def test_a_notes_edit_shows_on_the_term_and_where_a_neighbour_quotes_it(server):
    _settle(server)
    before = search_docs(server)
    notes = server.repo / "notes" / "ml-terms.txt"
    text = notes.read_text(encoding="utf-8")
    assert text.count(SENTENCE) == 1
    notes.write_text(text.replace(SENTENCE, SENTENCE.replace("The linkage", "The quokkaword linkage")),
                     encoding="utf-8")
    assert "quokkaword" in server.wait_for(f"terms/{SOURCE}/", "quokkaword")
    quoted = server.wait_for(f"terms/{TARGET}/", "quokkaword")
    assert quoted.index("Mentioned in") < quoted.index("quokkaword")
    _settle(server)
    after = search_docs(server)
    locations = [doc[2] for doc in after]
    assert len(locations) == len(set(locations)), "a rebuilt page's search entries are listed twice"
    assert sorted(locations) == sorted(doc[2] for doc in before)
    found = postings(server, "quokkaword")
    assert found, "the search index does not have the new word"
    pages = {doc[0] * search_engine.SECTIONS_PER_PAGE + doc[1]: doc[2] for doc in after}
    assert {pages[d].partition("#")[0] for d in found[0::2]} == {f"terms/{SOURCE}/"}


def test_a_definitions_edit_shows_on_the_page_and_in_search(server):
    _settle(server)
    edit_summary(server.repo / "notes" / "definitions.yml", SOURCE, "Wombatword")
    assert "Wombatword" in server.wait_for(f"terms/{SOURCE}/", "Wombatword")
    assert "Wombatword" in server.wait_for("terms/", "Wombatword")  # the A–Z index lists the summary
    _settle(server)
    locations = [doc[2] for doc in search_docs(server)]
    assert len(locations) == len(set(locations)), "a rebuilt page's search entries are listed twice"
    assert postings(server, "wombatword")


def test_a_new_term_appears_in_the_a_to_z_index(server):
    _settle(server)
    notes = server.repo / "notes" / "ml-terms.txt"
    text = notes.read_text(encoding="utf-8")
    marker = "\nagglomerative method\n"
    assert text.count(marker) == 1
    new = "\nZorblax coefficient\nA made-up statistic that a serve test adds to the notes.\n"
    notes.write_text(text.replace(marker, new + marker), encoding="utf-8")
    index = server.wait_for("terms/", "Zorblax coefficient")
    assert "zorblax-coefficient/" in index
    assert "made-up statistic" in server.wait_for("terms/zorblax-coefficient/", "made-up statistic")


def test_a_summary_edit_shows_on_a_neighbour_page_that_lists_the_term(server):
    """Divisive method lists Agglomerative method under "Related terms", with its summary: its page must
    be rebuilt although its own inputs and its links did not change (the memo keys a page by every term
    it shows: mlterms.memo)."""
    _settle(server)
    edit_summary(server.repo / "notes" / "definitions.yml", SOURCE, "Numbatword")
    server.wait_for(f"terms/{SOURCE}/", "Numbatword")
    page = server.wait_for("terms/divisive-method/", "Numbatword", timeout=60)
    assert page.index("Related terms") < page.index("Numbatword")


def test_an_edit_to_term_pages_only_still_reaches_the_site_wide_files(server):
    """A new "Learn more" link shows on the term page alone (no index page lists it): the site-wide files
    (terms.json here), which the edit's first build leaves to the next one, must still follow."""
    _settle(server)
    url = "https://scikit-learn.org/stable/modules/generated/sklearn.cluster.AgglomerativeClustering.html"
    definitions = server.repo / "notes" / "definitions.yml"
    text = definitions.read_text(encoding="utf-8")
    at = text.index("    learn_more:\n", text.index(f"  {SOURCE}:\n")) + len("    learn_more:\n")
    definitions.write_text(text[:at] + f"    - {url}\n" + text[at:], encoding="utf-8")
    server.wait_for(f"terms/{SOURCE}/", url)
    _settle(server)
    rows = json.loads(fetch(server.base + "terms.json"))
    assert url in next(row for row in rows if row["slug"] == SOURCE)["learn_more"]
    assert all(url not in fetch(server.base + page) for page in ("terms/", "print/"))  # term pages only
