"""MkDocs hooks: generate the glossary pages at build time (nothing generated is committed).

Registered in ``mkdocs.yml`` under ``hooks:``. ``on_config`` takes the build's
records (``record.Build``: handed over by ``scripts/build.py`` through
``MLTERMS_BUILD``, or assembled here under ``mkdocs serve``, which watches the
notes, curation, definitions and crosswalk files and the snippets) and renders
every page from them (``site_pages.build_pages``, plus What's new, the
walkthroughs' index and the map); ``on_files`` adds them as virtual files;
``on_post_build`` writes the site-wide files (search index, study cards and
deck, map data, terms.json, CSV, llms.txt, ``build-report.json``). Under
``make serve`` a rebuild renders only what an edit changed (``serve_cache``,
``mlterms.memo``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from mlterms import record
from mlterms.errors import GlossaryError
from mlterms.examples import notebooks, snippets
from mlterms.glossary.inputs import Inputs, load_glossary
from mlterms.outputs import (
    concept_map,
    exports,
    serve_cache,
    social_cards,
    study,
    urls,
    whats_new,
)
from mlterms.outputs import meaning, search_entries, search_files
from mlterms.outputs.site_pages import SiteSettings, build_pages, terms_json

log = logging.getLogger("mkdocs.hooks.mlterms")
_state: dict = {}


def _tags_allowed(config: MkDocsConfig) -> list[str] | None:
    plugin = config.plugins.get("material/tags")
    allowed = sorted(getattr(t, "name", str(t)) for t in plugin.config.tags_allowed) if plugin else []
    return allowed or None


def site_settings(config: MkDocsConfig) -> SiteSettings:
    return SiteSettings(site_name=config.site_name, site_url=config.site_url or "",
                        edit_url=config.extra.get("notes_edit_url", ""))


FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
CARD_FONTS = {"Regular.ttf": "DejaVuSans.ttf", "Bold.ttf": "DejaVuSans-Bold.ttf"}


def _offline_card_fonts(config: MkDocsConfig) -> None:
    """Put DejaVu Sans into the social plugin's font cache, so it never downloads from Google Fonts."""
    plugin = config.plugins.get("material/social")
    if plugin is None or not plugin.config.enabled:
        return
    family = plugin.config.cards_layout_options.get("font_family", "DejaVu Sans")
    cache = Path(plugin.config.cache_dir)
    if not cache.is_absolute():
        cache = Path(config.config_file_path).parent / cache
    target = cache / "fonts" / family
    target.mkdir(parents=True, exist_ok=True)
    for name, source in CARD_FONTS.items():
        if not (target / name).exists():
            if not (FONT_DIR / source).exists():
                raise PluginError(f"social cards need {FONT_DIR / source}: install the Debian package "
                                  "fonts-dejavu-core (make system-deps)")
            shutil.copyfile(FONT_DIR / source, target / name)


SEARCH_ENGINE_KEY = "mlterms_search"


def _the_build(inputs: Inputs, tags_allowed: list[str] | None) -> record.Build:
    """The build ``scripts/build.py`` handed over, else (``mkdocs serve``, a bare ``mkdocs build``) assembled here."""
    build = record.handed_over()
    if build is not None and build.inputs == inputs:
        return build
    try:
        return record.assemble(inputs, load_glossary(inputs, tags_allowed), serve_cache.memo())
    except GlossaryError as exc:
        raise PluginError(f"the glossary cannot be built:\n{exc}") from None
    except record.ExamplesError as exc:
        raise PluginError(f"the snippets are not usable:\n{exc}") from None


@event_priority(100)  # before the plugins, which read what this sets (redirect_maps, card fonts)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Which search engine the pages load: ours (default), or Material's lunr for comparison (make bench).
    config.extra[SEARCH_ENGINE_KEY] = os.environ.get("MLTERMS_SEARCH_ENGINE", "mlterms")
    _offline_card_fonts(config)
    social_cards.install(config)
    build = _the_build(Inputs.locate(), _tags_allowed(config))
    glossary = build.glossary
    pages = build_pages(build, site_settings(config), serve_cache.memo())
    pages[whats_new.PAGE] = whats_new.render_page(build.history, build.records)
    pages[f"{notebooks.SITE_DIR}/index.md"] = notebooks.render_index(list(build.walkthroughs))
    pages[concept_map.PAGE] = concept_map.render_page(build.records, _tags_allowed(config))
    _state.update(build=build, pages=pages,
                  feed=whats_new.feed(build.history, build.records, config.site_name, config.site_url or ""))
    redirect_plugin = config.plugins.get("redirects")
    if redirect_plugin is not None:
        redirect_plugin.config["redirect_maps"] = {**redirect_plugin.config.get("redirect_maps", {}),
                                                   **urls.redirect_maps(glossary)}
    for problem in glossary.warnings:
        log.info(str(problem))
    return config


def on_startup(command: str, dirty: bool) -> None:
    serve_cache.start(command, dirty)


def on_shutdown() -> None:
    serve_cache.stop()


def _page_files(config: MkDocsConfig) -> list[File]:
    """The generated pages: virtual files, or under `mkdocs serve --dirty` files that change only
    when their Markdown does (so MkDocs rebuilds only those: serve_cache)."""
    pages: dict[str, str] = _state["pages"]
    if not serve_cache.active():
        return [File.generated(config, uri, content=markdown) for uri, markdown in pages.items()]
    shown = [(r.slug, r.title, r.tags) for r in _state["build"].records]
    return serve_cache.page_files(pages, config, serve_cache.layout_of(pages, config, shown))


@event_priority(100)  # the pages must exist before other plugins list the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in _page_files(config):
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(file)
    build: record.Build = _state["build"]
    outputs = build.inputs.snippet_outputs
    for uri, path in snippets.site_files(list(build.snippets), outputs):
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    files.append(File.generated(config, whats_new.FEED, content=_state["feed"]))
    for uri, src_dir in notebooks.site_files(list(build.walkthroughs), outputs):
        files.append(File(uri, str(src_dir), config.site_dir, config.use_directory_urls))
    return files


_OUTPUT_AREA = re.compile(r'<div class="(jp-OutputArea[ "])')


NOTEBOOK_SEARCH_BOOST = 0.5
_ID = re.compile(r'\bid="([^"]+)"')


def _prune_toc(items, ids: set[str]) -> list:
    """Keep only table-of-contents entries whose anchor exists on the page."""
    kept = []
    for item in items:
        item.children = _prune_toc(item.children, ids)
        if item.id in ids:
            kept.append(item)
        else:
            kept.extend(item.children)
    return kept


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Notebook pages: prose indexed for search, outputs not; and no table-of-contents
    entry pointing at an anchor that does not exist (mkdocs-jupyter adds a cut-off
    duplicate for headings that contain code, e.g. "#class-probabilities-with")."""
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    page.meta.setdefault("search", {"boost": NOTEBOOK_SEARCH_BOOST})  # below the terms they walk through
    if page.toc is not None:
        page.toc.items = _prune_toc(list(page.toc.items), set(_ID.findall(html)))
    return _OUTPUT_AREA.sub(r'<div data-search-exclude class="\1', html)


def on_pre_page(page, config: MkDocsConfig, files: Files):
    """The sitemap's lastmod is a page's content date: a term page's ``changed`` (the newest commit of
    its own lines, as terms.json says), and none where the content date is unknown (sitemaps.org:
    lastmod is optional; mkdocs' ``update_date``, the build date, would claim every page changed
    today). A page attribute of its own: mkdocs also reads ``update_date`` for the build timestamp."""
    src = page.file.src_uri
    slug = src[len("terms/"):-len(".md")] if src.startswith("terms/") and src.count("/") == 1 else ""
    record_ = _state["build"].by_slug.get(slug)
    date = record_.date if record_ else None
    page.lastmod = (date.json_fields()["changed"] or "") if date else ""  # read by overrides/sitemap.xml
    return page


@event_priority(110)  # before the tags plugin renders its listings (100), before any page is built
def on_env(env, config: MkDocsConfig, files: Files):
    if serve_cache.active():
        env.bytecode_cache = serve_cache.TEMPLATES
        serve_cache.read_skipped(files, config)
        serve_cache.prune_search(files, config)
    return env


def on_serve(server, config: MkDocsConfig, builder) -> None:
    inputs: Inputs = _state["build"].inputs
    server.watch(str(inputs.notes))
    for extra in (inputs.curation, inputs.definitions, inputs.crosswalk):
        if extra:
            server.watch(str(extra))
    server.watch(str(snippets.SNIPPETS_DIR))
    if serve_cache.active():
        server.watch(str(serve_cache.deferred_dir()))


@event_priority(-100)  # after the search plugin has written search/search_index.json
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    build: record.Build = _state["build"]
    glossary = build.glossary
    if serve_cache.active():
        serve_cache.merge_search(config)
    if serve_cache.outputs_later():  # `make serve`: the edited pages first; these files in the follow-up build
        return
    serve_cache.keep_for_good()
    search_entries.add_term_fields(site, build.records)
    study.anki_deck(build.records, glossary.corrections, config.site_url or "", site / study.DECK_FILE,
                    serve_cache.memo())
    try:
        study.copy_scheduler(site)
        concept_map.copy_library(site)
    except FileNotFoundError as exc:
        raise PluginError(str(exc)) from None
    concept_map.write(site, build.records, _tags_allowed(config))
    cards = study.cards(build.records, glossary, glossary.compare_sources, serve_cache.memo())
    (site / study.CARDS_FILE).write_text(json.dumps(cards, ensure_ascii=False), encoding="utf-8")
    if config.extra.get(SEARCH_ENGINE_KEY) != "lunr":
        page_of = search_files.write(site, search_entries.names_by_location(build.records),
                           search_entries.related_by_location(build.records),
                           search_entries.code_by_location(build.records), search_entries.compare_groups(build.records),
                           search_entries.code_names_by_location(build.records), search_entries.absent_names(glossary),
                           search_entries.questions_by_location(build.records),
                           search_entries.messages_by_location(build.records))
        try:
            if meaning.wanted():
                meaning.write_site(site / "search", search_entries.meaning_texts(build.records), page_of)
            else:
                meaning.remove_site(site / "search")
        except meaning.MeaningError as exc:
            raise PluginError(str(exc)) from None
    rows = terms_json(build.records)  # terms.json, and the same rows as CSV and llms.txt
    (site / "terms.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    exports.write_csv(site / "terms.csv", rows)
    llms = exports.llms_txt(rows, config.site_name, config.site_url or "", config.site_description or "")
    (site / exports.LLMS_FILE).write_text(llms, encoding="utf-8")
    report = {"warnings": [vars(p) for p in glossary.warnings],
              "excluded": [{"line": e.line.number, "text": e.line.text, "reason": e.reason}
                           for e in glossary.excluded],
              "history": build.history.report(),
              "assembled_in_mkdocs": record.ASSEMBLIES}
    (site / "build-report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False),
                                            encoding="utf-8")
