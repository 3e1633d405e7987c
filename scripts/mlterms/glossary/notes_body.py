"""The notes' text of a term as Markdown: paragraphs, lists and code blocks, every character literal.

The only markup is the structure the lines' shapes say (``lines.shape``): a
bold lead, list items (nested by indent), code blocks. Every piece of notes
text goes through ``markup`` so it is shown literally, and links to other
terms come from the page's linker (``autolink``). The term page, /print/ and
the Anki deck all render a term's text here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mlterms.glossary.autolink import PageLinker
from mlterms.glossary.curate import apply_corrections
from mlterms.notes.lines import Kind, shape
from mlterms.notes.markup import code_block, escape, inline
from mlterms.notes.parse import Line

LIST_KINDS = (Kind.BULLET, Kind.NUMBERED, Kind.LETTERED, Kind.DASH)
_HEAD = re.compile(r"^(?P<head>[^:]{1,40}?):(?:\s+(?P<rest>\S.*))?$")


@dataclass
class _Item:
    kind: Kind
    mark: str
    line: Line
    indent: int
    paragraphs: list[Line] = field(default_factory=list)


def _prose(line: Line, corrections: dict[str, str], linker: PageLinker | None, text: str | None = None) -> str:
    """One line of prose: bold lead ("Term:" or an inline title), then literal text."""
    text = apply_corrections(line.stripped if text is None else text, corrections)
    if linker is not None:
        linker.line = text  # where the mentions it links sit (each other term's "Mentioned in" quotes it)
    if line.lead and text.startswith(line.lead):
        return f"**{escape(line.lead)}**{inline(text[len(line.lead):], linker, len(line.lead))}"
    m = _HEAD.match(text)
    if m and len(m.group("head").split()) <= 5 and not m.group("head").startswith(("http", "%")) \
            and m.group("head")[0].isalpha():
        rest = m.group("rest")
        return (f"**{inline(m.group('head'), linker)}**{escape(':')}"
                + (f" {inline(rest, linker, m.start('rest'))}" if rest else ""))
    return inline(text, linker)


def _code_block(lines: list[Line]) -> str:
    text = "\n".join(ln.stripped for ln in lines)
    is_python = any("=" in ln.text or "(" in ln.text for ln in lines)  # code, not printed numbers
    return code_block(text, "python" if is_python else "text")


def render_body(lines: list[Line], corrections: dict[str, str], linker: PageLinker | None) -> str:
    """A definition's lines as Markdown blocks: paragraphs, (nested) lists, code blocks, links."""
    blocks: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        kind = shape(line.stripped).kind
        if line.is_blank:
            i += 1
        elif kind in LIST_KINDS:
            items, i = _collect_items(lines, i)
            blocks.append(_render_list(items, corrections, linker))
        elif kind is Kind.CODE:
            j = i
            while j < len(lines) and not lines[j].is_blank and shape(lines[j].stripped).kind is Kind.CODE:
                j += 1
            blocks.append(_code_block(lines[i:j]))
            i = j
        else:
            blocks.append(_prose(line, corrections, linker))
            i += 1
    return "\n\n".join(blocks)


def _collect_items(lines: list[Line], i: int) -> tuple[list[_Item], int]:
    """A run of list items; indented prose (or prose after an item ending in ':') belongs to the item above."""
    items: list[_Item] = []
    while i < len(lines) and not lines[i].is_blank:
        line = lines[i]
        s = shape(line.stripped)
        if s.kind in LIST_KINDS:
            items.append(_Item(s.kind, s.mark, line, line.indent))
        elif s.kind is Kind.TEXT and items and (
                line.indent > items[-1].indent or items[-1].line.stripped.endswith(":")):
            items[-1].paragraphs.append(line)
        else:
            break
        i += 1
    return items, i


def _render_list(items: list[_Item], corrections: dict[str, str], linker: PageLinker | None) -> str:
    """Markdown list text. Depth follows indentation; lettered steps nest under a numbered step."""
    out: list[str] = []
    indents: list[int] = []
    previous: _Item | None = None
    for item in items:
        while indents and item.indent < indents[-1]:
            indents.pop()
        if not indents or item.indent > indents[-1]:
            indents.append(item.indent)
        depth = len(indents) - 1
        if item.kind is Kind.LETTERED and previous is not None and previous.kind is Kind.NUMBERED \
                and item.indent <= previous.indent:
            depth += 1
        elif previous is not None and depth == 0 and _family(previous.kind) != _family(item.kind):
            out.append("")
            out.append("<!-- list break -->")
            out.append("")
        pad = "    " * depth
        if item.kind is Kind.NUMBERED:
            marker = f"{int(item.mark)}."
        elif item.kind is Kind.LETTERED:
            marker = f"{ord(item.mark) - ord('a') + 1}."
        else:
            marker = "-"
        text = _prose(item.line, corrections, linker, shape(item.line.stripped).text)
        out.append(f"{pad}{marker} {text}" if text else f"{pad}{marker} &#8203;")
        for para in item.paragraphs:
            out.append("")
            out.append(f"{pad}    {_prose(para, corrections, linker)}")
        if item.paragraphs:
            out.append("")
        previous = item if item.kind is not Kind.LETTERED else previous
    if any(i.kind is Kind.LETTERED for i in items) and not any(i.kind is Kind.NUMBERED for i in items):
        return '<div class="lettered" markdown>\n\n' + "\n".join(out) + "\n\n</div>"
    return "\n".join(out)


def _family(kind: Kind) -> str:
    return "ordered" if kind in (Kind.NUMBERED, Kind.LETTERED) else "unordered"
