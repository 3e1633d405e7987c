"""The link graph between terms: mentions, related terms, and the orphans nobody links to."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import combinations

from mlterms.glossary.autolink import Mention, Names, PageLinker
from mlterms.glossary.curate import ContextLine, Glossary, Term, a_to_z
from mlterms.glossary.notes_body import render_body

RELATED_LIMIT = 8


def context_mentions(context: ContextLine | None) -> dict[str, Mention]:
    """slug -> where the breadcrumb names it (the breadcrumb as displayed, and the span of the name)."""
    if context is None:
        return {}
    found: dict[str, Mention] = {}
    line = context.separator.join(text for text, _ in context.parts)
    pos = 0
    for text, slug in context.parts:
        if slug:
            found.setdefault(slug, Mention(line, pos, pos + len(text)))
        pos += len(text) + len(context.separator)
    return found


@dataclass(frozen=True)
class PageLinks:
    """What a term page links to from its own text, in order, and where it first mentions each."""

    targets: list[str]
    mentions: dict[str, Mention]  # target -> the line and span of its first link (prose, else breadcrumb)


def page_links(term: Term, glossary: Glossary, names: Names) -> PageLinks:
    """Render the term's text once with a recording linker: the links its page will have, and where."""
    linker = PageLinker(names, term.slug, href=lambda slug: slug)
    for definition in term.definitions:
        render_body(definition.lines, glossary.corrections, linker)
    in_context = context_mentions(term.context)
    mentions = {**in_context, **linker.mentions}  # prose first: that is where the page's anchor sits
    return PageLinks(list(dict.fromkeys(linker.linked + list(in_context) + term.see_also)), mentions)


def linkable_names(glossary: Glossary) -> Names:
    """Names that autolink, terms with ``autolink: false`` left out (their names are everyday words)."""
    return Names.build({name: t.slug for t in glossary.terms if t.autolink for name in t.names})


def all_page_links(glossary: Glossary, names: Names) -> dict[str, PageLinks]:
    """slug -> what its page links to from its own text, and where (one rendering pass per term)."""
    return {t.slug: page_links(t, glossary, names) for t in glossary.terms}


def link_graph(glossary: Glossary, names: Names) -> dict[str, list[str]]:
    """slug -> slugs its page links to from its own text."""
    return targets(all_page_links(glossary, names))


def targets(links: dict[str, PageLinks]) -> dict[str, list[str]]:
    """The link graph (slug -> slugs it links to) of ``all_page_links``."""
    return {slug: found.targets for slug, found in links.items()}


def mentioned_in(graph: dict[str, list[str]]) -> dict[str, list[str]]:
    """slug -> slugs of the pages whose text links to it (the reverse of the graph)."""
    reverse: dict[str, dict[str, None]] = {slug: {} for slug in graph}  # a dict: each source once, in order
    for source, targets in graph.items():
        for target in targets:
            if target in reverse:
                reverse[target][source] = None
    return {slug: list(sources) for slug, sources in reverse.items()}


class TagIndex:
    """Which terms carry each tag, and each term's A–Z rank: related terms without comparing all pairs."""

    def __init__(self, glossary: Glossary) -> None:
        self.rank = {t.slug: i for i, t in enumerate(sorted(glossary.terms, key=lambda t: a_to_z(t.title, t.slug)))}
        self.members: dict[str, set[str]] = {}
        for term in glossary.terms:
            for tag in term.tags:
                self.members.setdefault(tag, set()).add(term.slug)

    def related(self, term: Term, limit: int = RELATED_LIMIT) -> list[str]:
        """Terms sharing the most tags with ``term`` (then A–Z), at most ``limit``.

        Terms sharing k tags are the union, over the k-tag subsets of its tags,
        of the terms carrying all k; taken from the largest k down.
        """
        chosen: list[str] = []
        taken = {term.slug}
        for k in range(len(term.tags), 0, -1):
            pool: set[str] = set()
            for combo in combinations(term.tags, k):
                pool |= set.intersection(*(self.members[tag] for tag in combo))
            pool -= taken
            best = heapq.nsmallest(limit - len(chosen), pool, key=self.rank.__getitem__)
            chosen += best
            taken.update(best)
            if len(chosen) >= limit:
                break
        return chosen


def related_map(glossary: Glossary, graph: dict[str, list[str]], limit: int = RELATED_LIMIT) -> dict[str, list[str]]:
    """slug -> its "Related terms". Best tag overlap first; then every term that no page links to
    yet is added to the list of the term most like it, so no tagged term is an orphan."""
    index = TagIndex(glossary)
    related = {t.slug: index.related(t, limit) for t in glossary.terms}
    linked = {target for targets in graph.values() for target in targets}
    linked.update(slug for slugs in related.values() for slug in slugs)
    added: dict[str, int] = {}
    for term in glossary.terms:
        if term.slug in linked or not term.tags:
            continue
        host_slugs = set().union(*(index.members[tag] for tag in term.tags)) - {term.slug}
        hosts = [glossary.by_slug[slug] for slug in host_slugs]
        if not hosts:
            continue
        host = min(hosts, key=lambda o: (-len(set(o.tags) & set(term.tags)), added.get(o.slug, 0),
                                         o.title.casefold()))
        related[host.slug].append(term.slug)
        added[host.slug] = added.get(host.slug, 0) + 1
        linked.add(term.slug)
    return related


def orphans(glossary: Glossary, graph: dict[str, list[str]]) -> list[str]:
    """Terms that no other term page links to: not mentioned, not related, not a context or see-also."""
    linked = {target for targets in graph.values() for target in targets}
    for slugs in related_map(glossary, graph).values():
        linked.update(slugs)
    return [t.slug for t in glossary.terms if t.slug not in linked]
