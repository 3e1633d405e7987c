"""MkDocs hooks: generate the glossary pages at build time (nothing generated is committed).

Registered in ``mkdocs.yml`` under ``hooks:``. ``on_config`` reads the notes,
so ``mkdocs serve`` picks up every edit to the notes or the curation file on
reload; ``on_files`` adds the pages as virtual files; ``on_post_build`` writes
``terms.json`` and ``build-report.json`` next to the site.
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

from mlterms import code_index, concept_map, exports, notebooks, search_engine, search_index, snippets, social_cards, study, urls
from mlterms import crosslinks, history, whats_new
from mlterms.errors import GlossaryError
from mlterms.generate import Inputs, SiteSettings, build_pages, linkable_names, load_glossary, terms_json

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


@event_priority(100)  # before the plugins, which read what this sets (redirect_maps, card fonts)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Which search engine the pages load: ours (default), or Material's lunr for comparison (make bench).
    config.extra[SEARCH_ENGINE_KEY] = os.environ.get("MLTERMS_SEARCH_ENGINE", "mlterms")
    _offline_card_fonts(config)
    social_cards.install(config)
    inputs = Inputs.locate()
    try:
        glossary = load_glossary(inputs, _tags_allowed(config))
    except GlossaryError as exc:
        raise PluginError(f"the glossary cannot be built:\n{exc}") from None
    found, problems = snippets.discover()
    sections, attach_problems = snippets.attach(glossary, found, inputs.snippet_outputs,
                                                strict_terms=inputs.is_default)
    problems += attach_problems
    walkthroughs, nb_problems = notebooks.discover()
    problems += nb_problems
    slugs = {t.slug for t in glossary.terms}
    walkthroughs = [n for n in walkthroughs if notebooks.executed_path(n, inputs.snippet_outputs).exists()
                    and (inputs.is_default or slugs.intersection(n.terms))]
    if problems:
        raise PluginError("the snippets are not usable:\n" + "\n".join(map(str, problems)))
    for slug, extra in notebooks.term_sections(walkthroughs, slugs).items():
        sections.setdefault(slug, []).extend(extra)
    past = history.read_history(inputs, glossary)  # term dates and What's new, from git
    links = crosslinks.all_page_links(glossary, linkable_names(glossary))  # the pages' and the map's
    pages = build_pages(glossary, site_settings(config), sections, dates=past.dates, links=links)
    pages[whats_new.PAGE] = whats_new.render_page(past, glossary)
    _state.update(history=past, feed=whats_new.feed(past, glossary, config.site_name, config.site_url or ""))
    pages[f"{notebooks.SITE_DIR}/index.md"] = notebooks.render_index(walkthroughs)
    pages[concept_map.PAGE] = concept_map.render_page(glossary, _tags_allowed(config))
    _state.update(inputs=inputs, glossary=glossary, snippets=found, notebooks=walkthroughs, pages=pages,
                  graph=crosslinks.targets(links))
    redirect_plugin = config.plugins.get("redirects")
    if redirect_plugin is not None:
        redirect_plugin.config["redirect_maps"] = {**redirect_plugin.config.get("redirect_maps", {}),
                                                   **urls.redirect_maps(glossary)}
    for problem in glossary.warnings:
        log.info(str(problem))
    return config


@event_priority(100)  # the pages must exist before other plugins list the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for uri, markdown in _state["pages"].items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=markdown))
    outputs = _state["inputs"].snippet_outputs
    for uri, path in snippets.site_files(_state["snippets"], outputs):
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    files.append(File.generated(config, whats_new.FEED, content=_state["feed"]))
    for uri, src_dir in notebooks.site_files(_state["notebooks"], outputs):
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


def on_serve(server, config: MkDocsConfig, builder) -> None:
    inputs: Inputs = _state["inputs"]
    server.watch(str(inputs.notes))
    for extra in (inputs.curation, inputs.definitions, inputs.crosswalk):
        if extra:
            server.watch(str(extra))
    server.watch(str(snippets.SNIPPETS_DIR))


def _plots(glossary) -> dict[str, str]:
    """slug -> site path of the first plot of the first snippet that serves the term."""
    inputs: Inputs = _state["inputs"]
    by_rel = {s.rel: s for s in _state["snippets"]}
    found = {}
    for term in glossary.terms:
        for rel in term.snippets:
            output = snippets.read_output(by_rel[rel], inputs.snippet_outputs) if rel in by_rel else None
            if output and output.images:
                found[term.slug] = f"{snippets.SITE_OUTPUTS}/{by_rel[rel].name}/{output.images[0]}"
                break
    return found


@event_priority(-100)  # after the search plugin has written search/search_index.json
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    glossary = _state["glossary"]
    search_index.add_term_fields(site, glossary)
    study.anki_deck(glossary, config.site_url or "", site / study.DECK_FILE)
    try:
        study.copy_scheduler(site)
        concept_map.copy_library(site)
    except FileNotFoundError as exc:
        raise PluginError(str(exc)) from None
    concept_map.write(site, glossary, _state["graph"], _tags_allowed(config))
    (site / study.CARDS_FILE).write_text(json.dumps(study.cards(glossary, _plots(glossary)), ensure_ascii=False),
                                         encoding="utf-8")
    if config.extra.get(SEARCH_ENGINE_KEY) != "lunr":
        code_index.fill(glossary, snippets.ROOT)
        search_engine.write(site, search_index.names_by_location(glossary), search_index.related_by_location(glossary),
                            search_index.code_by_location(glossary), search_index.compare_groups(glossary))
    rows = terms_json(glossary, _state["history"].dates)  # terms.json, and the same rows as CSV and llms.txt
    (site / "terms.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    exports.write_csv(site / "terms.csv", rows)
    llms = exports.llms_txt(rows, config.site_name, config.site_url or "", config.site_description or "")
    (site / exports.LLMS_FILE).write_text(llms, encoding="utf-8")
    report = {"warnings": [vars(p) for p in glossary.warnings],
              "excluded": [{"line": e.line.number, "text": e.line.text, "reason": e.reason}
                           for e in glossary.excluded],
              "history": _state["history"].report()}
    (site / "build-report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False),
                                            encoding="utf-8")
