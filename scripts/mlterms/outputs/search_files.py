"""The site's own search index: a names index for type-ahead, a full-text index in shards.

Material's lunr search downloads and indexes the whole ``search_index.json``
on every first page load, has no typo tolerance, and lets a longer title
that contains the query tie with the exact one. This replaces what the
browser loads, not how search looks: Material's search box, results, keyboard
shortcuts, highlighting and instant navigation stay; its web worker is
swapped for ``docs/assets/javascripts/mlterms-search.js`` (set in
``overrides/main.html``), which speaks the same messages.

After Material's search plugin has written ``search/search_index.json`` (the
docs: title, text, tags, boost per page and section), ``write(site)``:

- keeps ``search_index.json`` as a bootstrap of a few hundred bytes (the
  config, no docs): what a reader who never searches downloads;
- writes ``search/names.json``: every page's title and other names (aliases,
  the notes' spellings, and a term's related words, weighed lower), fetched when the search box is first focused; the
  worker builds its type-ahead index (exact, prefix and typo-tolerant
  matches) from it;
- writes ``search/text/<xx>.json``: the full-text postings of every word,
  sharded by the word's first two letters (three or four for a large shard),
  so a query fetches only the shards of its own words;
- writes ``search/docs/<n>.json``: the result texts (title, the start of the
  text, tags), ``PAGES_PER_SHARD`` pages per file, fetched only for the
  results shown;
- writes ``search/loc/<n>.json``: every page's location, ``LOCATION_BLOCK``
  pages per file, fetched only for the results shown. Kept out of names.json:
  at 20,000 terms the locations are half its bytes, which a first query would
  otherwise download whole.

Words are normalised the same way here and in the worker (``words``):
lower case, accents dropped, British spellings mapped to American ones
("regularisation" -> "regularize", as "regularization" is), plurals to singulars. A test runs
both implementations on the same strings.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections import defaultdict
from pathlib import Path

from mlterms.glossary.search_words import canon, fold, words  # noqa: F401 - fold and canon: the worker's parity test

PAGES_PER_SHARD = 8  # small: a query fetches the shards of its top results only
SHARD_BYTES = 48_000  # a text shard larger than this is split by a longer prefix
TEASER = 300  # characters of a section's text shown under its title in the results
SECTIONS_PER_PAGE = 64  # a doc's id is page * SECTIONS_PER_PAGE + section
LOCATION_BLOCK = 128  # pages per search/loc file: a first query fetches the blocks of its results only
TEXT_DIR, DOCS_DIR, LOC_DIR, NAMES_FILE = "text", "docs", "loc", "names.json"

# Words that rank nothing: a query drops them ("what is an epoch" -> "epoch"), so the text index
# does not hold them either. The worker reads this list from the bootstrap. The question words
# readers wrap a term in, and the pieces of contractions ("what's" is "what" + "s").
STOP_WORDS = sorted(set("""a an and are as at be between can compare comparison define definition difference
differences do does for from how i in into is it me mean meaning means my of on or should tell than the this to
use used versus vs what whats when where which who why with would you your
s t d m ll re ve don doesn isn aren understand exactly example examples please purpose stand tutorial
but if so that we they was were has have by always""".split()))
_TAGS = re.compile(r"<[^>]+>")
_PILCROW = re.compile(r"\s*¶$")  # the permalink sign Material leaves at the end of a section's title
_CELL = re.compile(r"In \[\d*\]:")  # a notebook code cell's prompt, as mkdocs-jupyter renders it
def name_words(name: str) -> list[str]:
    """The words of a name, plus each pair of neighbours joined ("one-hot" also gives "onehot")."""
    base = words(name)
    return base + [a + b for a, b in zip(base, base[1:])]


def shard_name(prefix: str) -> str:
    """The file name of a text shard: the prefix itself when it is ASCII, else its code points."""
    if re.fullmatch(r"[a-z0-9]+", prefix):
        return prefix
    return "u" + "-".join(f"{ord(c):x}" for c in prefix)


def plain(markup: str) -> str:
    return html.unescape(_TAGS.sub(" ", markup or ""))


def write(site: Path, other_names: dict[str, list[str]], related: dict[str, list[str]] | None = None,
          code: dict[str, list[str]] | None = None, compare: list[tuple[list[str], str]] | None = None,
          code_names: dict[str, list[str]] | None = None, absent: list[list[str]] | None = None,
          questions: dict[str, list[str]] | None = None,
          messages: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Replace Material's one-file index with the bootstrap, names, text shards and doc shards; return
    each page location's number in them (what search by meaning's vectors are keyed by).

    ``other_names`` maps each term page's location to its other names (a term's
    aliases and the notes' spellings; its keys are the term pages); ``related`` to
    the words only related to it, which names.json carries as an element of their
    own that the worker weighs below an alias; ``code`` to the code identifiers its
    examples use; ``code_names`` to the identifiers that name it in code (weighed
    above ``code``); ``compare`` lists the compare groups (page locations, the line
    that tells them apart); ``absent`` the names the glossary has no term for, each
    [name, source] (search says so); ``questions`` the readers' questions each term
    answers (weighed below a related word); ``messages`` the library messages each term
    explains, which names.json lists as [message, page number] (a query that holds one whole finds the
    term first). The row layout is ``_names``'.
    """
    related = related or {}
    path = site / "search" / "search_index.json"
    if not path.exists():  # search turned off
        return {}
    index = json.loads(path.read_text(encoding="utf-8"))
    pages: list[list] = []  # [location, title, names, boost]
    page_of: dict[str, int] = {}
    sections: dict[int, list[dict]] = defaultdict(list)
    for doc in index["docs"]:
        page_loc, _, _ = doc["location"].partition("#")
        if page_loc not in page_of:
            page_of[page_loc] = len(pages)
            pages.append([page_loc, page_loc, [], 1])
        number = page_of[page_loc]
        if "#" not in doc["location"]:
            pages[number][1] = doc["title"]
            pages[number][2] = other_names.get(page_loc, [])
            pages[number][3] = doc.get("boost", 1)
        if len(sections[number]) < SECTIONS_PER_PAGE:
            sections[number].append(doc)

    out = site / "search"
    for folder in (TEXT_DIR, DOCS_DIR, LOC_DIR):
        shutil.rmtree(out / folder, ignore_errors=True)
        (out / folder).mkdir(parents=True)

    stop = set(STOP_WORDS)
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    shards: dict[int, list] = defaultdict(list)
    for number, docs in sections.items():
        for section, doc in enumerate(docs):
            doc_id = number * SECTIONS_PER_PAGE + section
            for word in words(plain(doc.get("text", "")) + " " + plain(doc.get("title", ""))):
                if word not in stop:
                    postings[word][doc_id] = postings[word].get(doc_id, 0) + 1
            shards[number // PAGES_PER_SHARD].append(
                [number, section, doc["location"], _PILCROW.sub("", doc["title"]),
                 _teaser(_prose(docs) if section == 0 else doc.get("text", "")), doc.get("tags", [])])
    by_prefix = _shards({word: [n for doc_id, tf in sorted(docs.items()) for n in (doc_id, tf)]
                         for word, docs in postings.items()})
    for prefix, table in by_prefix.items():
        _dump(out / TEXT_DIR / f"{shard_name(prefix)}.json", table)
    for number, docs in shards.items():
        _dump(out / DOCS_DIR / f"{number}.json", docs)
    for start in range(0, len(pages), LOCATION_BLOCK):
        _dump(out / LOC_DIR / f"{start // LOCATION_BLOCK}.json", [p[0] for p in pages[start:start + LOCATION_BLOCK]])
    _dump(out / NAMES_FILE, {**_names(pages, related or {}, code or {}, compare or [], page_of, code_names or {},
                                      set(other_names), questions or {}),
                              "absent": absent or [],
                              "messages": [[message, page_of[loc]] for loc, listed in (messages or {}).items()
                                           if loc in page_of for message in listed]})
    # The bootstrap: Material's main script fetches it on every page and hands the config to the worker.
    config = {**index["config"], "mlterms": {"pages": len(pages), "pagesPerShard": PAGES_PER_SHARD,
                                             "locationBlock": LOCATION_BLOCK,
                                             "sectionsPerPage": SECTIONS_PER_PAGE, "stop": STOP_WORDS,
                                             "shards": sorted(by_prefix)}}
    _dump(path, {"config": config, "docs": []})
    return page_of


def _names(pages: list[list], related: dict[str, list[str]], code: dict[str, list[str]],
           compare: list[tuple[list[str], str]], page_of: dict[str, int], code_names: dict[str, list[str]],
           terms: set[str], questions: dict[str, list[str]]) -> dict:
    """names.json: per page [title, other names, boost, related words, code identifiers, identifiers
    that name it in code, readers' questions] (its location is in search/loc), without the empty lists at its end (most
    pages have none: a tenth of the file at 20,000 terms); ``other``, the numbers of the pages that
    are not a term's (``terms``: the terms' locations); and the compare groups as [[page numbers],
    difference] (the worker answers "X vs Y" with them)."""
    rows = [_trimmed([title, names, boost, related.get(loc, []), code.get(loc, []), code_names.get(loc, []),
                      questions.get(loc, [])])
            for loc, title, names, boost in pages]
    groups = [[[page_of[loc] for loc in locs], difference] for locs, difference in compare
              if all(loc in page_of for loc in locs)]
    return {"pages": rows, "other": [n for n, (loc, *_) in enumerate(pages) if loc not in terms], "compare": groups}


def _trimmed(row: list) -> list:
    """A names.json row without its trailing empty lists (the worker reads a missing one as empty)."""
    while len(row) > 3 and row[-1] == []:
        row.pop()
    return row


def _prose(docs: list[dict]) -> str:
    """A page's own text, or when it starts with a notebook cell ("In [1]: Copied! import ..."),
    the first section's that does not: a walkthrough's result shows its prose, not its code."""
    for doc in docs:
        if not _CELL.match(plain(doc.get("text", "")).lstrip()):
            return doc.get("text", "")
    return docs[0].get("text", "")


def _shards(table: dict[str, list[int]], prefix_length: int = 2) -> dict[str, dict[str, list[int]]]:
    """Words grouped by their first two letters; a group over SHARD_BYTES is split by three letters, then four.

    The worker fetches the shard of the longest listed prefix of a query word,
    so no query downloads a shard much larger than SHARD_BYTES.
    """
    groups: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word, flat in table.items():
        groups[word[:prefix_length]][word] = flat
    result: dict[str, dict[str, list[int]]] = {}
    for prefix, words_ in groups.items():
        size = len(json.dumps(words_, separators=(",", ":")))
        longer = {w: f for w, f in words_.items() if len(w) > prefix_length}
        if size > SHARD_BYTES and prefix_length < 4 and longer:
            result.update(_shards(longer, prefix_length + 1))
            rest = {w: f for w, f in words_.items() if len(w) <= prefix_length}
            if rest:
                result[prefix] = rest
        else:
            result[prefix] = words_
    return result


def _teaser(markup: str) -> str:
    """The start of a result's text, as escaped plain text (a page's summary is shorter than this)."""
    text = " ".join(plain(markup).split())
    if len(text) > TEASER:
        text = text[:TEASER].rsplit(" ", 1)[0] + " …"
    return html.escape(text, quote=False)


def _dump(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
