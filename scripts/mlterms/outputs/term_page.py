"""Terms -> Markdown pages: one page per term (its notes text comes from ``notes_body``).

Pure functions: a :class:`~mlterms.glossary.curate.Term` and the glossary around it in,
Markdown text out. Every piece of notes text goes through ``markup`` so it is
shown literally; structure (lists, code blocks, links) is the only markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mlterms.glossary.autolink import Mention, Names, PageLinker, mention_anchor
from mlterms.glossary.crosswalk import other_names_html
from mlterms.glossary.curate import ContextLine, Glossary, Term
from mlterms.glossary.definitions import link_label
from mlterms.glossary.lifecycle import badge, labelled_summary
from mlterms.glossary.notes_body import render_body
from mlterms.glossary.slugs import term_source, term_url
from mlterms.notes.front_matter import front_matter
from mlterms.notes.markup import anchored, escape, external_link, link
from mlterms.outputs.jsonld import defined_term
from mlterms.outputs.term_graph import neighbourhood, render_graph
from mlterms.outputs.urls import public_url

if TYPE_CHECKING:
    from mlterms.history import TermDate

TERM_SEARCH_BOOST = 2
MENTIONED_LIMIT = 30  # a page stays small even when hundreds of definitions mention its term
SEARCH_EXCLUDE = "{ data-search-exclude }"  # Material: leave this section out of the search index


def term_href(slug: str, from_dir: str = "terms") -> str:
    """The Markdown link from a page in docs folder ``from_dir`` ("" = top) to a term page (MkDocs checks it)."""
    if from_dir == "terms":
        return f"{slug}.md"
    up = "../" * len([part for part in from_dir.split("/") if part])
    return up + term_source(slug)




def _context(context: ContextLine, from_dir: str = "terms", anchors: set[str] = frozenset()) -> str:
    """The breadcrumb; the first link to each term in ``anchors`` carries its mention id (the page's first link)."""
    parts, anchored_here = [], set()
    for text, slug in context.parts:
        if not slug:
            parts.append(escape(text))
            continue
        first = slug in anchors and slug not in anchored_here
        anchored_here.add(slug)
        parts.append(link(text, term_href(slug, from_dir), anchored(mention_anchor(slug) if first else None)))
    return escape(context.separator).join(parts) if parts else escape(context.text)


def _line_range(numbers: list[int]) -> str:
    """"lines 3–5, 9" from [3, 4, 5, 9]."""
    runs: list[str] = []
    start = prev = None
    for n in numbers + [None]:
        if start is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            runs.append(str(start) if start == prev else f"{start}\u2013{prev}")
        start = prev = n
    label = "line" if len(numbers) == 1 else "lines"
    return f"{label} {', '.join(runs)}"


@dataclass
class PageContext:
    """What a term page needs from outside the term: its neighbours and where the site lives."""

    site_url: str = ""
    edit_url: str = ""  # the notes file on the hosting repo; "#L<first>-L<last>" is added
    related: list[str] = field(default_factory=list)
    mentioned_in: list[str] = field(default_factory=list)
    # other term's slug -> where its page mentions this term (no entry: only under its "See also")
    mention_sites: dict[str, Mention] = field(default_factory=dict)
    links_to: list[str] = field(default_factory=list)  # what its own text links to (for the graph)
    sections: list[str] = field(default_factory=list)
    date: TermDate | None = None  # when its own lines last changed, from git (mlterms.history)


EXCERPT_WORDS = 14  # words kept on each side of a mention in "Mentioned in"
_SENTENCE_END = re.compile(r"[.!?;](?=\s+\S)")


def excerpt(mention: Mention, words: int = EXCERPT_WORDS) -> tuple[str, str, str]:
    """(before, mention, after): the sentence around a mention, cut to ``words`` words a side with "…"."""
    line = mention.line
    ends = [m.end() for m in _SENTENCE_END.finditer(line)]
    start = max([e for e in ends if e <= mention.start], default=0)
    stop = min([e for e in ends if e > mention.end], default=len(line))
    before = line[start:mention.start].lstrip().split(" ")
    after = line[mention.end:stop].rstrip().split(" ")
    if len(before) > words + 1:
        before = ["…" + before[-words - 1]] + before[-words:]
    if len(after) > words + 1:
        after = after[:words + 1] + ["…"]
    return " ".join(before), line[mention.start:mention.end], " ".join(after)


def mentioned_line(source: Term, this: Term, mention: Mention | None) -> str:
    """A "Mentioned in" entry: the other term, and the sentence where it mentions this one, the
    mention highlighted and linked to its exact spot on that page (like a concordance line)."""
    page = term_href(source.slug)
    head = f"- {link(source.title, page)} — "
    if mention is None:
        return head + f"lists it under {link('See also', page + '#see-also')}"
    before, hit, after = excerpt(mention)
    spot = link(hit, f"{page}#{mention_anchor(this.slug)}")
    return head + f'<span class="mention-context">{escape(before)}<mark>{spot}</mark>{escape(after)}</span>'


def list_item(title: str, slug: str, summary: str, from_dir: str = "terms") -> str:
    """A list item linking a term, with its summary: the one form every term list takes."""
    return f"- {link(title, term_href(slug, from_dir))} — {escape(summary)}"


def term_line(term: Term, from_dir: str = "terms") -> str:
    """:func:`list_item` of a curated term (the term page's own lists)."""
    return list_item(term.title, term.slug, labelled_summary(term), from_dir)


def _term_list(slugs: list[str], glossary: Glossary) -> list[str]:
    return [term_line(glossary.by_slug[s]) for s in slugs]


def _editors_note(term: Term) -> list[str]:
    """The editor's note: an admonition of its own, marked as not part of the notes, with its source."""
    source = external_link(term.note_source, link_label(term.note_source)) if term.note_source else ""
    return ['!!! info editor-note "Editor\'s note (not part of the study notes)"', "",
            "    " + escape(term.note), ""] + ([f"    Source: {source}", ""] if source else [])


def _compare_line(others: list[str], difference: str, glossary: Glossary) -> str:
    """"- Boosting: bagging trains ...; boosting trains ..." (the other terms linked, then how they differ)."""
    names = ", ".join(link(glossary.by_slug[s].title, term_href(s)) for s in others)
    return f"- {names}: {escape(difference)}"


def _facts(term: Term, linked: set[str]) -> list[str]:
    """Context, "Also called" and other communities' names, in a box under the definition ([] when none).

    ``linked``: the terms the notes' text already links, so the context links only the others.
    """
    facts = []
    if term.context is not None:
        first_here = {slug for _, slug in term.context.parts if slug} - linked
        facts += [f"**Context:** {_context(term.context, anchors=first_here)}", ""]
    if term.aliases:
        # Out of the text field of the search index: the names have a field of their own (search_entries.py).
        facts += ['<p class="term-aliases" data-search-exclude><strong>Also called:</strong> '
                  + " · ".join(escape(a) for a in term.aliases) + "</p>", ""]
    if other_names := other_names_html(term):  # other communities' names, with sources (crosswalk.yml)
        facts += [other_names, ""]
    return ['<div class="term-facts" markdown>', "", *facts, "</div>", ""] if facts else []


def _source_line(term: Term, ctx: PageContext) -> str:
    """"Source: notes lines 3–5 · titled … · Last changed … · Edit this term"."""
    source = f"Source: notes {_line_range(term.source_lines)}"
    originals = [t for t in dict.fromkeys(term.notes_titles) if t != term.title]
    if originals:
        source += " · titled " + ", ".join(f"“{escape(t)}”" for t in originals) + " in the notes"
    if ctx.date is not None:
        source += f' · <span class="term-date">{escape(ctx.date.sentence())}</span>'
    if ctx.edit_url:
        lines = term.source_lines
        href = html.escape(f"{ctx.edit_url}#L{lines[0]}-L{lines[-1]}", quote=True)
        source += f' · <a href="{href}" class="term-edit">Edit this term</a>'
    return f'<p class="term-source" markdown>{source}</p>'


def render_term(term: Term, glossary: Glossary, names: Names, ctx: PageContext | None = None) -> str:
    """The Markdown page of one term."""
    ctx = ctx or PageContext()
    linker = PageLinker(names, term.slug, href=lambda slug: term_href(slug))
    # A term's own page outranks listings and walkthroughs that mention it.
    url = public_url(ctx.site_url, term_url(term.slug))
    meta = {"title": term.title, "description": labelled_summary(term), "search": {"boost": TERM_SEARCH_BOOST},
            "jsonld": defined_term(term, ctx.site_url)}
    if term.tags:
        meta["tags"] = term.tags
    out = [front_matter(meta),
           # Before the h1 (floated beside it) and out of the search index.
           f'<div class="term-actions" data-search-exclude><button class="md-button term-copy-link" '
           f'data-clipboard-text="{html.escape(url, quote=True)}" title="Copy the link to this term" '
           f'aria-label="Copy the link to this term">Copy the link</button></div>', "",
           f"# {escape(term.title)}", "",
           # A deprecated, retired, legacy or renamed term says so before anything else (lifecycle.py).
           *([status, ""] if (status := badge(term, term_href)) else []),
           # The one-line definition first, set apart from the notes below it (as Google's and
           # scikit-learn's glossaries open an entry); every list of terms shows the same line.
           f'<p class="term-definition">{escape(term.summary)}</p>', ""]

    bodies = [render_body(definition.lines, glossary.corrections, linker) for definition in term.definitions]
    out += _facts(term, set(linker.linked))

    out += ['<p class="term-notes-label" data-search-exclude>From the study notes</p>', ""]
    for n, (definition, body) in enumerate(zip(term.definitions, bodies)):
        if n:
            out += [f"## Also in the notes ({_line_range(definition.entry.source_lines)})", ""]
        out += [body, ""]

    if term.note:
        out += _editors_note(term)

    out += [_source_line(term, ctx), ""]

    # Below the definition: sections that are not glossary text stay out of the
    # search index, so a term's own page outranks pages that merely list it.
    for section in ctx.sections:
        out += [section, ""]
    if term.compare:
        out += [f"## Compare with {SEARCH_EXCLUDE}", ""] + [_compare_line(others, difference, glossary)
                                                             for others, difference in term.compare] + [""]
    if term.learn_more:
        out += [f"## Learn more {SEARCH_EXCLUDE}", ""]
        out += [f"- {external_link(item.url, item.label)}" for item in term.learn_more] + [""]
    hood = neighbourhood(term.slug, ctx.links_to, ctx.mentioned_in, ctx.related)
    if hood.size > 1:
        out += [f"## Connections {SEARCH_EXCLUDE}", "",
                render_graph(hood, glossary, lambda slug: f"../{slug}/"), ""]
    if term.see_also:
        out += [f"## See also {SEARCH_EXCLUDE}", ""] + _term_list(term.see_also, glossary) + [""]
    if ctx.related:
        out += [f"## Related terms {SEARCH_EXCLUDE}", ""] + _term_list(ctx.related, glossary) + [""]
    if ctx.mentioned_in:
        shown = ctx.mentioned_in[:MENTIONED_LIMIT]
        out += [f"## Mentioned in {SEARCH_EXCLUDE}", ""] + [
            mentioned_line(glossary.by_slug[s], term, ctx.mention_sites.get(s)) for s in shown]
        if len(ctx.mentioned_in) > len(shown):
            out.append(f"- … and {len(ctx.mentioned_in) - len(shown)} more terms")
        out.append("")
    return "\n".join(out)
