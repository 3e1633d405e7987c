"""The small graph on every term page: the term's neighbourhood, drawn at build time as SVG.

Three kinds of neighbour, in three places: terms whose text mentions this
one (left, arrows in), terms this one's text mentions (right, arrows out),
terms sharing its tags (a dashed group below, three to a row). At most ``MAX_NODES``
nodes, so it stays readable on a phone.

No JavaScript: every node is an SVG ``<a>`` with an accessible name, the
colours are Material's CSS variables (so it follows dark mode), and the
same neighbourhood is under it as a plain list for screen readers and for
anyone who prefers text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mlterms.glossary.curate import Glossary

MAX_NODES = 15  # the term itself included
SIDE_LIMIT = 5  # nodes in each of the two side columns
WIDTH = 420  # viewBox units; the page scales it (at most 1.4× on a desktop, about 0.85× on a phone)
NODE_W, NODE_H, ROW = 124, 36, 44
COLUMNS = (66, 210, 354)  # x of the centre of the left, middle and right columns
TOP = 34  # room for the column headings
LABEL_CHARS = 17  # characters per label line (a title takes as many lines as it needs)


@dataclass(frozen=True)
class Neighbourhood:
    """Who is around a term, each list in the order it is drawn."""

    slug: str
    mentioned_by: list[str]  # terms whose text links to it (and it does not link back)
    mentions: list[str]  # terms its text links to (both ways included: see ``mutual``)
    mutual: frozenset[str]
    shares_tags: list[str]

    @property
    def size(self) -> int:
        return 1 + len(self.mentioned_by) + len(self.mentions) + len(self.shares_tags)


def neighbourhood(slug: str, links_to: list[str], linked_from: list[str], related: list[str],
                  max_nodes: int = MAX_NODES) -> Neighbourhood:
    """Pick the neighbours: links out and in first (up to ``SIDE_LIMIT`` each), tag-mates fill the rest.

    When a term links to more than fit, the both-ways links are kept first
    (shown in the page's order); one that still does not fit is shown among
    the terms that mention it, never dropped while that column has room.
    """
    links = [s for s in dict.fromkeys(links_to) if s != slug]
    both = set(linked_from)
    kept = set(sorted(links, key=lambda s: s not in both)[:SIDE_LIMIT])  # a stable sort: both-ways first
    outgoing = [s for s in links if s in kept]
    incoming = [s for s in dict.fromkeys(linked_from) if s != slug and s not in kept][:SIDE_LIMIT]
    taken = {slug, *outgoing, *incoming}
    room = max_nodes - len(taken)
    sharing = [s for s in dict.fromkeys(related) if s not in taken][:max(room, 0)]
    mutual = frozenset(s for s in outgoing if s in linked_from)
    return Neighbourhood(slug, incoming, outgoing, mutual, sharing)


def _pieces(title: str) -> list[str]:
    """A title's words, a long one split after its hyphens, underscores or dots ("Over-", "sampling"),
    and one longer than a line cut into lines: the label wraps and nothing is cut off."""
    out = []
    for word in title.split():
        parts = [p for p in re.split(r"(?<=[-_.])", word) if p] if len(word) > LABEL_CHARS else [word]
        for part in parts:
            out += [part[i:i + LABEL_CHARS] for i in range(0, len(part), LABEL_CHARS)]
    return out


def _label_lines(title: str) -> list[str]:
    """A title word-wrapped into lines of at most LABEL_CHARS characters, as many as it takes."""
    lines, current = [], ""
    for word in _pieces(title):
        glue = "" if current.endswith(("-", "_", ".")) else " "
        candidate = f"{current}{glue}{word}" if current else word
        if len(candidate) <= LABEL_CHARS:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def _node_h(lines: int) -> float:
    """A node's height for a label of ``lines`` lines (15 units a line)."""
    return max(NODE_H, 8 + 15 * lines)


def _text(x: float, y: float, title: str) -> str:
    lines = _label_lines(title)
    first = y - (len(lines) - 1) * 7.5
    spans = "".join(f'<tspan x="{x:g}" y="{first + 15 * i:g}">{html.escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text text-anchor="middle" dominant-baseline="central" aria-hidden="true">{spans}</text>'


def _node(x: float, y: float, title: str, href: str | None, name: str, kind: str) -> str:
    """One node: a rounded box with its label; a link unless it is the page's own term."""
    h = _node_h(len(_label_lines(title)))
    box = (f'<rect x="{x - NODE_W / 2:g}" y="{y - h / 2:g}" width="{NODE_W}" height="{h:g}" '
           f'rx="8"/>{_text(x, y, title)}')
    if href is None:
        return f'<g class="tg-node tg-{kind}" role="img" aria-label="{html.escape(name)}">{box}</g>'
    # xlink:href, not href: Material's instant navigation rewrites every [href] element's ``href``
    # property, which an SVG link only has a getter for (a TypeError on every page change).
    return (f'<a class="tg-node tg-{kind}" xlink:href="{html.escape(href)}" aria-label="{html.escape(name)}">'
            f'<title>{html.escape(name)}</title>{box}</a>')


def _curve(x1: float, y1: float, x2: float, y2: float, kind: str, both: bool = False) -> str:
    mid = (x1 + x2) / 2
    ends = ' marker-end="url(#tg-arrow)"' + (' marker-start="url(#tg-arrow-back)"' if both else "")
    return (f'<path class="tg-edge tg-edge-{kind}" d="M{x1:g} {y1:g} C{mid:g} {y1:g} {mid:g} {y2:g} '
            f'{x2:g} {y2:g}"{ends}/>')


def _column_y(count: int, centre: float, row: float = ROW) -> list[float]:
    return [centre + (i - (count - 1) / 2) * row for i in range(count)]


def _rows_of_three(count: int, first_y: float, row: float = ROW) -> list[tuple[float, float]]:
    """(x, y) of ``count`` nodes in rows of three, left to right; a row of one sits in the middle."""
    spots = []
    for i in range(count):
        in_row = min(3, count - i // 3 * 3)
        x = COLUMNS[1] if in_row == 1 else COLUMNS[(0, 1, 2)[i % 3] if in_row == 3 else (0, 2)[i % 3]]
        spots.append((x, first_y + (i // 3) * row))
    return spots


def render_graph(hood: Neighbourhood, glossary: Glossary, href) -> str:
    """The figure (SVG + list) as one line of HTML; ``href(slug)`` is the URL of a term from this page."""
    term = glossary.by_slug[hood.slug]
    title = {s: glossary.by_slug[s].title for s in
             [*hood.mentioned_by, *hood.mentions, *hood.shares_tags]}
    # rows as tall as the tallest label needs (a long title wraps onto more lines, never cut off)
    node_h = max(_node_h(len(_label_lines(t))) for t in [term.title, *title.values()])
    row = ROW + node_h - NODE_H
    side_rows = max(len(hood.mentioned_by), len(hood.mentions), 1)
    centre_y = TOP + side_rows * row / 2
    left_y = _column_y(len(hood.mentioned_by), centre_y, row)
    right_y = _column_y(len(hood.mentions), centre_y, row)
    group_top = max(TOP + side_rows * row, centre_y + node_h / 2 + 20) + 8
    below = _rows_of_three(len(hood.shares_tags), group_top + 28 + node_h / 2, row)
    height = (below[-1][1] + node_h / 2 + 10) if below else TOP + side_rows * row
    height += 8
    lx, mx, rx = COLUMNS
    parts = ['<defs><marker id="tg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto"><path d="M0 0L10 5L0 10z"/></marker>'
             '<marker id="tg-arrow-back" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto"><path d="M10 0L0 5L10 10z"/></marker></defs>']
    if hood.mentioned_by:
        parts.append(f'<text class="tg-heading" x="{lx:g}" y="14" text-anchor="middle" aria-hidden="true">'
                     'Mentioned in</text>')
    if hood.mentions:
        parts.append(f'<text class="tg-heading" x="{rx:g}" y="14" text-anchor="middle" aria-hidden="true">'
                     'Mentions</text>')
    for slug, y in zip(hood.mentioned_by, left_y):
        parts.append(_curve(lx + NODE_W / 2, y, mx - NODE_W / 2 - 2, centre_y, "in"))
    for slug, y in zip(hood.mentions, right_y):
        parts.append(_curve(mx + NODE_W / 2, centre_y, rx - NODE_W / 2 - 2, y, "out", slug in hood.mutual))
    if hood.shares_tags:
        box_h = below[-1][1] + node_h / 2 + 8 - group_top
        self_h = _node_h(len(_label_lines(term.title)))
        parts.append(f'<path class="tg-edge tg-edge-tags" d="M{mx:g} {centre_y + self_h / 2:g} V{group_top:g}"/>')
        parts.append(f'<rect class="tg-group" x="2" y="{group_top:g}" width="{WIDTH - 4}" height="{box_h:g}" '
                     'rx="10"/>')
        parts.append(f'<text class="tg-heading" x="{mx:g}" y="{group_top + 16:g}" text-anchor="middle" '
                     'aria-hidden="true">Share its tags</text>')
    for slug, y in zip(hood.mentioned_by, left_y):
        parts.append(_node(lx, y, title[slug], href(slug), f"{title[slug]} (mentions {term.title})", "in"))
    for slug, y in zip(hood.mentions, right_y):
        how = "mentions and is mentioned by" if slug in hood.mutual else "mentioned by"
        parts.append(_node(rx, y, title[slug], href(slug), f"{title[slug]} ({how} {term.title})", "out"))
    for slug, (x, y) in zip(hood.shares_tags, below):
        parts.append(_node(x, y, title[slug], href(slug), f"{title[slug]} (shares a tag)", "tags"))
    parts.append(_node(mx, centre_y, term.title, None, f"{term.title} (this term)", "self"))
    label = f"The neighbourhood of {term.title}: {hood.size - 1} related terms"
    svg = (f'<svg class="tg-svg" viewBox="0 0 {WIDTH} {height:g}" role="group" '
           f'aria-label="{html.escape(label)}">{"".join(parts)}</svg>')
    return (f'<figure class="term-graph" data-search-exclude>{svg}'
            f'<figcaption>{_as_list(hood, title, href)}</figcaption></figure>')


def _as_list(hood: Neighbourhood, title: dict[str, str], href) -> str:
    """The same neighbourhood as text: one line per kind of neighbour, each term a link."""
    def names(slugs: list[str]) -> str:
        return ", ".join(f'<a href="{html.escape(href(s))}">{html.escape(title[s])}</a>' for s in slugs)
    rows = [("Mentioned by", hood.mentioned_by), ("Mentions", hood.mentions), ("Shares its tags", hood.shares_tags)]
    items = "".join(f"<li>{label}: {names(slugs)}</li>" for label, slugs in rows if slugs)
    return f'<details class="tg-list"><summary>The graph as a list</summary><ul>{items}</ul></details>'
