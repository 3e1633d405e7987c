"""The glossary's records -> every generated page, and the editorial lint of a build.

``build_pages`` renders the site's Markdown from a ``record.Build`` (the MkDocs
hook serves it as virtual files); ``terms_json`` is the machine-readable list
the exports are written from; ``lint`` holds the build's editorial warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlterms.checks import dated_report, notes_lint, summary_lint, url_lint
from mlterms.errors import Problem
from mlterms.glossary import dated
from mlterms.glossary.curate import Glossary
from mlterms.glossary.curation_file import read_lined_yaml
from mlterms.glossary.inputs import Source, display_path
from mlterms.glossary.links import linkable_names
from mlterms.outputs import study
from mlterms.outputs.index_pages import (
    TAGS_DIR,
    render_home,
    render_index,
    render_letter_pages,
    render_resources,
    render_tag_page,
    render_tags_index,
    tag_counts,
)
from mlterms.outputs.term_page import PageContext, render_term
from mlterms.record import Build, TermRecord


def lint(source: Source, glossary: Glossary,
         definitions: Path | None = None) -> tuple[list[Problem], dict[str, int]]:
    """The build's editorial checks: summaries against the house style, spelling and hidden titles in the
    notes; and in the definitions file, its URLs (url_lint), every event date that has passed and every
    date written as words (dated_report)."""
    problems, counts = summary_lint.check_glossary(glossary)
    if definitions is not None and definitions.exists():
        data = read_lined_yaml(definitions, "definitions")
        where = display_path(definitions)
        url_problems = url_lint.check(data, where)
        passed = dated_report.passed(data, where, dated.build_date())
        worded = dated_report.worded(data, where)
        problems += url_problems + passed + worded
        counts.update(url_problems=len(url_problems), dated_statements_passed=len(passed),
                      dates_in_words=len(worded))
    fixed_titles = {t for term in glossary.terms for t in term.notes_titles}
    cur = source.curation
    problems += notes_lint.spelling(source.text, source.notes_path, cur.corrections, cur.words, fixed_titles)
    problems += notes_lint.hidden_titles(source.notes, source.text, source.notes_path)
    counts["notes_warnings"] = len(problems) - sum(1 for p in problems if p.group == "curation")
    return problems, counts


@dataclass(frozen=True)
class SiteSettings:
    """Site-wide values the pages need (from mkdocs.yml)."""

    site_name: str = "ML Terms"
    site_url: str = ""
    edit_url: str = ""


def term_context(record: TermRecord, build: Build, settings: SiteSettings) -> PageContext:
    """What a term's page shows besides the term itself, read from its record."""
    sources = list(record.neighbours.mentioned_in)
    return PageContext(site_url=settings.site_url, edit_url=settings.edit_url,
                       related=list(record.neighbours.related), mentioned_in=sources,
                       mention_sites={s: build.links[s].mentions[record.slug] for s in sources
                                      if record.slug in build.links[s].mentions},
                       links_to=list(record.neighbours.links_to), sections=list(record.sections), date=record.date)


def build_pages(build: Build, settings: SiteSettings = SiteSettings()) -> dict[str, str]:
    """Every generated page of the glossary: docs-relative path -> Markdown."""
    glossary = build.glossary
    names = linkable_names(glossary)
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
    for record in build.records:
        pages[f"terms/{record.slug}.md"] = render_term(record.term, glossary, names,
                                                       term_context(record, build, settings))
    return pages


def terms_json(records: tuple[TermRecord, ...]) -> list[dict]:
    """The machine-readable list of terms written to ``site/terms.json`` (and, as rows, to the CSV and llms.txt).

    ``added`` and ``changed`` come from git; where unknown they are null and
    ``dates_note`` says why.
    """
    return [
        {
            "slug": r.slug,
            "title": r.title,
            "url": r.url,
            "aliases": list(r.aliases),
            "tags": list(r.tags),
            "summary": r.summary,
            "source_lines": r.term.source_lines,
            "snippets": list(r.snippets),
            "learn_more": [link.url for link in r.learn_more],
            **r.date.json_fields(),
            "status": r.lifecycle.status,
            "status_since": r.lifecycle.since or None,
            "replaced_by": r.lifecycle.replaced_by_name or r.lifecycle.replaced_by or None,
            "replaced_by_url": r.lifecycle.replaced_by_url or None,
            "status_source": r.lifecycle.source or None,
            "other_names": [{"name": o.name, "community": o.community, "source": o.source} for o in r.crosswalk],
        }
        for r in records
    ]
