"""The glossary's records -> every generated page.

``build_pages`` renders the site's Markdown from a ``record.Build`` (the MkDocs
hook serves it as virtual files); ``terms_json`` is the machine-readable list
the exports are written from.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlterms.glossary.autolink import Names
from mlterms.glossary.links import linkable_names
from mlterms.glossary.slugs import term_source
from mlterms.memo import Memo
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


def shown_terms(record: TermRecord) -> list[str]:
    """The other terms whose own fields a term's page shows (their titles, summaries, lifecycle):
    what it links to (its text, context and "See also"), compares it with, lists as related and
    quotes under "Mentioned in" (a test checks ``render_term`` reads no other term)."""
    others = [s for others, _ in record.compare for s in others]
    shown = [*record.neighbours.links_to, *record.term.see_also, *others, *record.neighbours.related,
             *record.neighbours.mentioned_in]
    return sorted(set(shown) - {record.slug})


def _term_page(record: TermRecord, build: Build, settings: SiteSettings, names: tuple[Names, str],
               memo: Memo | None) -> str:
    """A term's page; a serve rebuild (``memo``) renders it again only when something it reads changed:
    the term, its page's context, the names that autolink and the corrections (``names[1]``, their
    key), or a term it shows."""
    context = term_context(record, build, settings)
    if memo is None:
        return render_term(record.term, build.glossary, names[0], context)
    key = memo.key(memo.terms[record.slug], context, names[1], [(s, memo.terms[s]) for s in shown_terms(record)])
    return memo.get("pages", record.slug, key, lambda: render_term(record.term, build.glossary, names[0], context))


def build_pages(build: Build, settings: SiteSettings = SiteSettings(), memo: Memo | None = None) -> dict[str, str]:
    """Every generated page of the glossary: docs-relative path -> Markdown. ``memo``: a serve
    session's, started by ``record.assemble`` on this build's terms (``mlterms.memo``)."""
    glossary = build.glossary
    names = linkable_names(glossary)
    site_name = settings.site_name
    pages = {
        "index.md": render_home(build.records, glossary.document_title, site_name),
        "terms/index.md": render_index(build.records, settings.site_url, site_name),
        f"{TAGS_DIR}/index.md": render_tags_index(build.records),
        "resources.md": render_resources(glossary),
        study.PRINT_PAGE: study.render_print(glossary, settings.site_url, memo),
        study.STUDY_PAGE: study.render_study(glossary),
    }
    pages.update(render_letter_pages(build.records))
    for tag in tag_counts(build.records):
        pages[f"{TAGS_DIR}/{tag}.md"] = render_tag_page(build.records, tag)
    shared = (names, memo.key(names, glossary.corrections) if memo else "")
    for record in build.records:
        pages[term_source(record.slug)] = _term_page(record, build, settings, shared, memo)
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
