"""Notes file + curation file -> glossary -> every generated page, in one call.

Used by the MkDocs hook (so ``mkdocs serve`` regenerates on every change) and
by the build script and tests (so they see exactly what the site shows).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import curation as curation_file
from . import notes_lint, snippets, study, summary_lint
from .autolink import Names
from .crosswalk import apply_crosswalk, load_crosswalk
from .curate import Glossary, curate
from .definitions import apply_definitions, load_definitions
from .errors import Problem
from .history import TermDate
from .pages import (TAGS_DIR, render_home, render_index, render_letter_pages, render_resources,
                    render_tag_page, render_tags_index, tag_counts)
from .parse import Notes, parse
from .crosslinks import all_page_links, mentioned_in, related_map, targets
from .render import PageContext, PageLinks, mention_order, render_term
from .source import read_notes
from .urls import term_url

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_NOTES = ROOT / "notes" / "ml-terms.txt"
DEFAULT_CURATION = ROOT / "notes" / "curation.yml"
DEFAULT_DEFINITIONS = ROOT / "notes" / "definitions.yml"
DEFAULT_CROSSWALK = ROOT / "notes" / "crosswalk.yml"
NOTES_ENV = "MLTERMS_NOTES"
CURATION_ENV = "MLTERMS_CURATION"
DEFINITIONS_ENV = "MLTERMS_DEFINITIONS"
CROSSWALK_ENV = "MLTERMS_CROSSWALK"


@dataclass(frozen=True)
class Inputs:
    """Which notes file, curation file, definitions file and names crosswalk (None: none) a build uses."""

    notes: Path
    curation: Path | None
    definitions: Path | None = None
    crosswalk: Path | None = None

    @classmethod
    def locate(cls, notes: str | None = None, curation: str | None = None,
               definitions: str | None = None, crosswalk: str | None = None) -> "Inputs":
        """Explicit paths win; else the environment; else the repo's own notes.

        Another notes file brings its own ``curation.yml`` and
        ``definitions.yml`` (and ``crosswalk.yml``) from its folder, or none: ours name *our* notes'
        titles and slugs and would not match.
        """
        notes = notes or os.environ.get(NOTES_ENV) or None
        curation = curation or os.environ.get(CURATION_ENV) or None
        definitions = definitions or os.environ.get(DEFINITIONS_ENV) or None
        crosswalk = crosswalk or os.environ.get(CROSSWALK_ENV) or None
        notes_path = Path(notes).resolve() if notes else DEFAULT_NOTES

        def pick(given: str | None, default: Path, name: str) -> Path | None:
            if given:
                return Path(given).resolve()
            if notes_path == DEFAULT_NOTES:
                return default
            beside = notes_path.parent / name
            return beside if beside.is_file() else None

        return cls(notes_path, pick(curation, DEFAULT_CURATION, "curation.yml"),
                   pick(definitions, DEFAULT_DEFINITIONS, "definitions.yml"),
                   pick(crosswalk, DEFAULT_CROSSWALK, "crosswalk.yml"))

    @property
    def is_default(self) -> bool:
        """Building the repo's own notes (snippets and their committed outputs belong to them)."""
        return self.notes == DEFAULT_NOTES

    @property
    def snippet_outputs(self) -> Path:
        """Where snippet outputs are read and written: committed for our notes, scratch for others."""
        return snippets.OUTPUTS_DIR if self.is_default else snippets.SCRATCH_OUTPUTS_DIR

    def environment(self) -> dict[str, str]:
        """Environment variables that make a child ``mkdocs`` process use these inputs."""
        env = {NOTES_ENV: str(self.notes)}
        env[CURATION_ENV] = str(self.curation) if self.curation else ""
        env[DEFINITIONS_ENV] = str(self.definitions) if self.definitions else ""
        env[CROSSWALK_ENV] = str(self.crosswalk) if self.crosswalk else ""
        return env


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Source:
    """The notes as read and parsed with their curation: what curation and the lints both start from."""

    text: str
    curation: curation_file.Curation
    notes: Notes
    notes_path: str


def read_source(inputs: Inputs) -> Source:
    """Read the notes and the curation file and parse the notes; raises located ``GlossaryError``s."""
    text = read_notes(inputs.notes)
    cur = (curation_file.load_curation(inputs.curation) if inputs.curation
           else curation_file.empty())
    if inputs.curation:
        cur.path = _display(inputs.curation)
    notes_path = _display(inputs.notes)
    return Source(text, cur, parse(text, cur.rules, path=notes_path), notes_path)


def glossary_from(source: Source, inputs: Inputs, tags_allowed: list[str] | None) -> Glossary:
    """Curate the parsed notes and apply the definitions file and the names crosswalk."""
    glossary = curate(source.notes, source.curation, tags_allowed, notes_path=source.notes_path)
    if inputs.definitions:
        texts = load_definitions(inputs.definitions)
        texts.path = _display(inputs.definitions)
        apply_definitions(glossary, texts)
    if inputs.crosswalk:
        crosswalk = load_crosswalk(inputs.crosswalk)
        crosswalk.path = _display(inputs.crosswalk)
        apply_crosswalk(glossary, crosswalk)
    return glossary


def load_glossary(inputs: Inputs, tags_allowed: list[str] | None) -> Glossary:
    """Read, parse and curate; raises ``GlossaryError`` subclasses with located problems."""
    return glossary_from(read_source(inputs), inputs, tags_allowed)


def lint(source: Source, glossary: Glossary) -> tuple[list[Problem], dict[str, int]]:
    """The build's editorial warnings: summaries against the house style, spelling and hidden titles in the notes."""
    problems, counts = summary_lint.check_glossary(glossary)
    fixed_titles = {t for term in glossary.terms for t in term.notes_titles}
    cur = source.curation
    problems += notes_lint.spelling(source.text, source.notes_path, cur.corrections, cur.words, fixed_titles)
    problems += notes_lint.hidden_titles(source.notes, source.text, source.notes_path)
    counts["notes_warnings"] = len(problems) - sum(1 for p in problems if p.group == "curation")
    return problems, counts


def linkable_names(glossary: Glossary) -> Names:
    """Names that autolink, terms with ``autolink: false`` left out (their names are everyday words)."""
    return Names.build({name: t.slug for t in glossary.terms if t.autolink for name in t.names})


@dataclass(frozen=True)
class SiteSettings:
    """Site-wide values the pages need (from mkdocs.yml)."""

    site_name: str = "ML Terms"
    site_url: str = ""
    edit_url: str = ""


def build_pages(glossary: Glossary, settings: SiteSettings = SiteSettings(),
                extra_sections: dict[str, list[str]] | None = None,
                dates: dict[str, TermDate] | None = None,
                links: dict[str, PageLinks] | None = None) -> dict[str, str]:
    """Every generated page: docs-relative path -> Markdown.

    ``links``: ``crosslinks.all_page_links`` of the glossary, when the caller
    needs the link graph too (the concept map); computed here otherwise.
    """
    names = linkable_names(glossary)
    links = links if links is not None else all_page_links(glossary, names)
    graph = targets(links)
    mentions = mentioned_in(graph)
    related = related_map(glossary, graph)
    site_name = settings.site_name
    pages = {
        "index.md": render_home(glossary, site_name),
        "terms/index.md": render_index(glossary, settings.site_url, site_name),
        f"{TAGS_DIR}/index.md": render_tags_index(glossary),
        "resources.md": render_resources(glossary),
        study.PRINT_PAGE: study.render_print(glossary, settings.site_url),
        study.STUDY_PAGE: study.render_study(glossary),
    }
    pages.update(render_letter_pages(glossary))
    for tag in tag_counts(glossary):
        pages[f"{TAGS_DIR}/{tag}.md"] = render_tag_page(glossary, tag)
    for term in glossary.terms:
        sources = mention_order(mentions[term.slug], term, glossary)
        ctx = PageContext(site_url=settings.site_url, edit_url=settings.edit_url,
                          related=related[term.slug], mentioned_in=sources,
                          mention_sites={s: links[s].mentions[term.slug] for s in sources
                                         if term.slug in links[s].mentions},
                          links_to=graph[term.slug],
                          sections=(extra_sections or {}).get(term.slug, []),
                          date=(dates or {}).get(term.slug))
        pages[f"terms/{term.slug}.md"] = render_term(term, glossary, names, ctx)
    return pages


def terms_json(glossary: Glossary, dates: dict[str, TermDate] | None = None) -> list[dict]:
    """The machine-readable list of terms written to ``site/terms.json``.

    ``dates`` (from ``history.read_history``) gives ``added`` and ``changed``;
    without it they are null and ``dates_note`` says the build read no history.
    """
    no_dates = TermDate(unknown="not read for this list")
    return [
        {
            "slug": t.slug,
            "title": t.title,
            "url": term_url(t.slug),
            "aliases": t.aliases,
            "tags": t.tags,
            "summary": t.summary,
            "source_lines": t.source_lines,
            "snippets": t.snippets,
            "learn_more": [link.url for link in t.learn_more],
            **(dates or {}).get(t.slug, no_dates).json_fields(),
        }
        for t in glossary.terms
    ]
