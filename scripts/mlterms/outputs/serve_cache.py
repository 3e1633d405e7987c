"""`mkdocs serve --dirty`: rebuild only the pages an edit changed.

MkDocs' dirty mode skips a page whose ``File.is_modified()`` is False: its
source file is older than the HTML it built. Our pages are generated, and a
virtual file (``File.generated(content=...)``) always counts as modified, so
in dirty serve mode each generated page's Markdown is written into a session
folder under ``.cache/serve-pages/``, and only when its text changed: the
Markdown diff itself says which pages an edit touches (the term, the
neighbours that quote or list it, the index pages whose lines changed), and
every other page keeps its mtime and is skipped.

When the set of pages, the nav, a term's title or tags, or the theme change,
every page is written again (all rebuilt): those show on pages whose Markdown
does not change (the sidebar, the tags listing). The edited term pages are
built first; the index pages the edit changed (A–Z, print, tags) and the
site-wide files (search shards, study cards, the deck, terms.json, the map)
follow in a second build that starts at once (``outputs_later``).

Two things dirty mode leaves wrong, put right here:

- A skipped page is never read, so the tags plugin would not know its tags
  (the tags listing, and the tag links of a rebuilt page, need them all):
  ``read_skipped`` reads it and hands it to the plugin as a read would.
- Material's search plugin merges the previous index but drops the old
  entries of the first rebuilt page only: ``prune_search`` keeps aside the
  previous entries of the pages not rebuilt, and ``merge_search`` puts them
  back after the plugin wrote the new ones, with no duplicates.

State lives in this module, not in the hooks file: MkDocs executes the hooks
file anew on every rebuild, while imported modules stay loaded.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import meta

from mlterms.memo import Memo
from mlterms.paths import CACHE_DIR

PAGES_DIR = CACHE_DIR / "serve-pages"
log = logging.getLogger("mkdocs.hooks.mlterms")


@dataclass
class Session:
    """One `mkdocs serve --dirty` process: where its pages live and what the last build wrote."""

    folder: Path
    written: dict[str, str] = field(default_factory=dict)  # uri -> the Markdown on disk
    layout: str = ""  # what, if it changes, means every page is rebuilt
    parsed: dict[str, tuple[str, str, dict]] = field(default_factory=dict)  # uri -> text, Markdown, meta
    kept_search: list[dict] | None = None  # the previous search entries of the pages not rebuilt
    rebuilt: int = 0  # pages written by the last build (build-report.json says)
    outputs_later: bool = False  # this build writes the edited pages only: the site-wide files follow
    whole: bool = False  # this build writes every page (the first, or a change to the layout)
    memo: Memo = field(default_factory=Memo)  # the per-term work of the last rebuild (mlterms.memo)


SESSION: Session | None = None


class _Templates(BytecodeCache):
    """The theme's compiled templates, kept across rebuilds (MkDocs makes a new Jinja environment
    for each build, which would compile every template again). Jinja checks each entry against
    its template's source, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = _Templates()


def start(command: str, dirty: bool) -> None:
    """Called once per process (``on_startup``): incremental only under `mkdocs serve --dirty`."""
    global SESSION
    if command == "serve" and dirty:
        folder = PAGES_DIR / str(os.getpid())
        shutil.rmtree(folder, ignore_errors=True)
        SESSION = Session(folder)


def stop() -> None:
    """Called once per process (``on_shutdown``): the session's pages are removed."""
    global SESSION
    if SESSION is not None:
        shutil.rmtree(SESSION.folder, ignore_errors=True)
        shutil.rmtree(deferred_dir(), ignore_errors=True)
    SESSION = None


def active() -> bool:
    return SESSION is not None


def memo() -> Memo | None:
    """The session's memo of per-term work (None outside `mkdocs serve --dirty`: compute everything)."""
    return SESSION.memo if SESSION is not None else None


def _theme_stamp(config: MkDocsConfig) -> list:
    """The theme's own files (custom_dir templates): a change there shows on every page."""
    stamp = []
    custom = config.theme.custom_dir
    if custom and os.path.isdir(custom):
        for path in sorted(Path(custom).rglob("*")):
            if path.is_file():
                stamp.append((str(path), path.stat().st_mtime_ns))
    return stamp


def layout_of(pages: dict[str, str], config: MkDocsConfig, shown: list[tuple]) -> str:
    """A digest of what every page shows outside its own Markdown: the pages, the nav, the
    config, the theme, and ``shown`` (each term's title and tags, which the tags listing lists)."""
    config_text = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    parts = [sorted(pages), repr(config.nav), config_text.decode("utf-8", "replace"), _theme_stamp(config), shown]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def _term_page(uri: str) -> bool:
    return uri.startswith("terms/") and uri.count("/") == 1 and uri != "terms/index.md"


def page_files(pages: dict[str, str], config: MkDocsConfig, layout: str) -> list[File]:
    """A file per generated page, backed by the session folder; a page's file is written only when
    its Markdown changed, or every one when ``layout`` changed (so only those pages are rebuilt).

    Term pages go first: when an edit changed term pages and index pages (the A–Z index, the
    print page, which list every term and take longest to render), the index pages wait for a
    follow-up build, which the marker in the watched ``deferred`` folder starts at once."""
    assert SESSION is not None
    everything = layout != SESSION.layout
    if everything:
        SESSION.written = {}
    changed = [uri for uri, markdown in pages.items() if SESSION.written.get(uri) != markdown]
    now = changed if everything else ([uri for uri in changed if _term_page(uri)] or changed)
    # Edited term pages first: the index pages and site-wide files follow (these with the index pages, if any).
    SESSION.outputs_later = not everything and any(_term_page(uri) for uri in now)
    SESSION.whole = everything
    for uri in now:
        path = SESSION.folder / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(pages[uri], encoding="utf-8")
        SESSION.written[uri] = pages[uri]
        if everything:  # the next build skips most of them and reads them (_read): parsed now, once
            SESSION.parsed[uri] = (pages[uri], *meta.get_data(pages[uri]))
    for gone in set(SESSION.written) - set(pages):
        del SESSION.written[gone]
    SESSION.layout, SESSION.rebuilt = layout, len(now)
    shown = ", ".join(now[:8]) + (f" and {len(now) - 8} more" if len(now) > 8 else "")
    later = len(changed) - len(now)
    log.info(f"{'every page' if everything else 'changed pages'}: {len(now)} of {len(pages)} ({shown})"
             + (f"; {later} index pages and the site-wide files follow in the next build" if later
                else "; the site-wide files follow in the next build" if SESSION.outputs_later else ""))
    if later or SESSION.outputs_later:
        (deferred_dir() / "pending").write_text(f"{later} pages, site-wide files", encoding="utf-8")
    return [File(uri, str(SESSION.folder), config.site_dir, config.use_directory_urls) for uri in pages]


def keep_for_good() -> None:
    """After a build of every page (``on_post_build``): what it left alive (the memo, the pages'
    Markdown, the parsed front matter) lives as long as the session, so the garbage collector is
    told to leave it out of its full passes (``gc.freeze``). At 5,000 terms, those passes over it
    took a third of an edit's rebuild. What the previous whole build froze is collected first."""
    if SESSION is not None and SESSION.whole:
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def outputs_later() -> bool:
    """Does this build write only the pages an edit changed, and the next one the site-wide files?"""
    return SESSION is not None and SESSION.outputs_later


def deferred_dir() -> Path:
    """The folder ``on_serve`` watches: a write there starts the follow-up build."""
    assert SESSION is not None
    folder = SESSION.folder.with_name(SESSION.folder.name + "-deferred")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def read_skipped(files: Files, config: MkDocsConfig) -> None:
    """Read every page dirty mode skipped and hand it to the tags plugin, as a read would have
    (``on_env``, before the plugin renders its listings): a rebuilt page's tags link to the listing
    on a page that is not rebuilt, as in a full build."""
    tags = config.plugins.get("material/tags")
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.markdown is not None:
            continue
        _read(page, config)
        if tags is None:
            continue
        listings = len(tags.listings.data)
        tags.on_page_markdown(page.markdown, page=page, config=config, files=files)
        if len(tags.listings.data) > listings:  # a listing page: the plugin fills its HTML, here none
            page.content = ""


def _read(page, config: MkDocsConfig) -> None:
    """``page.read_source``, with a generated page's front matter parsed once per text (at 5,000
    terms, parsing every skipped page's YAML again took seconds of each rebuild)."""
    assert SESSION is not None
    uri = page.file.src_uri
    text = SESSION.written.get(uri)
    if text is None:  # a page of docs/, not generated
        page.read_source(config)
        return
    cached = SESSION.parsed.get(uri)
    if cached is None or cached[0] != text:
        cached = (text, *meta.get_data(text))
        SESSION.parsed[uri] = cached
    page.markdown, page.meta = cached[1], dict(cached[2])


def _page_of(location: str) -> str:
    return location.partition("#")[0]


def prune_search(files: Files, config: MkDocsConfig) -> None:
    """Keep aside the previous search entries of the pages this build does not rebuild, and let
    the search plugin write the rebuilt pages' entries alone (``on_env``, before any page is built)."""
    assert SESSION is not None
    plugin = config.plugins.get("material/search")
    SESSION.kept_search = None
    if plugin is None or getattr(plugin, "search_index_prev", None) is None:
        return
    rebuilt = {f.page.url for f in files.documentation_pages() if f.page is not None and f.is_modified()}
    SESSION.kept_search = [e for e in plugin.search_index_prev.entries if _page_of(e["location"]) not in rebuilt]
    plugin.search_index_prev = None


def merge_search(config: MkDocsConfig) -> None:
    """Put the kept entries back beside the rebuilt pages' new ones and write the index again
    (``on_post_build``, after the search plugin wrote it)."""
    assert SESSION is not None
    plugin = config.plugins.get("material/search")
    if plugin is None or SESSION.kept_search is None:
        return
    plugin.search_index.entries = SESSION.kept_search + plugin.search_index.entries
    SESSION.kept_search = None
    path = Path(config.site_dir) / "search" / "search_index.json"
    path.write_text(plugin.search_index.generate_search_index(None), encoding="utf-8")
