"""Text from the notes -> Markdown that shows exactly that text and nothing else.

Every ASCII punctuation character becomes a numeric HTML entity, so no
Markdown, HTML, Jinja, snippet (``--8<--``), tags-marker, attribute-list or
other extension syntax in the notes can ever act: ``<script>`` shows as
"<script>", ``--8<-- "x"`` as itself. The only markup on a generated page is
markup this module writes on purpose: code spans, links, bold leads.
"""

from __future__ import annotations

import functools
import html
import re
import string
from dataclasses import dataclass
from typing import Protocol

_ENTITIES = {c: f"&#{ord(c)};" for c in string.punctuation}
_ENTITY_TABLE = str.maketrans(_ENTITIES)

# Inline code: identifiers with an underscore or dots (predict_proba,
# KMeans.inertia_, org.apache.spark.ml), calls (fit_transform(), fit(data)),
# and notebook magics (%python, %<language>).
_CALL_ARGS = r"\((?:[^()\s]|, |\([^()\s]*\)){0,60}\)"
_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
CODE_SPAN = re.compile(
    rf"(?<![\w.%])(?:"
    rf"%<?\w+>?"  # %python, %<language>
    rf"|\.?{_IDENT}(?:\.{_IDENT})*{_CALL_ARGS}"  # calls, .fit()
    rf"|{_IDENT}(?:\.{_IDENT})+(?=[\s,;:.)]|$)"  # dotted names (KMeans.inertia_)
    rf"|{_IDENT}_{_IDENT}|_?{_IDENT}_(?=[\s,;:.)]|$)"  # snake_case
    rf")"
)
_NOT_CODE = {"e.g", "i.e", "e.g.", "i.e.", "etc."}
URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)\]]")


def escape(text: str) -> str:
    """Make ``text`` literal in Markdown (and HTML): punctuation -> numeric entities."""
    return text.translate(_ENTITY_TABLE)


@functools.lru_cache(maxsize=4096)  # a pure function of its text: `mkdocs serve` highlights each block once
def code_block(text: str, language: str = "text", title: str | None = None) -> str:
    """A highlighted code block as finished HTML (Pygments escapes every character).

    Used for notes code, snippet files and their printed output. Being HTML,
    not a Markdown fence, no backtick run can close it early, and no
    ``--8<--`` line in it can be read as an include (``<`` is ``&lt;``).
    Newlines inside ``<pre>`` are written as ``&#10;`` so the block is one
    line that Markdown passes through whole, blank lines in the code or not.
    """
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer, TextLexer

    lexer = PythonLexer() if language == "python" else TextLexer()
    body = highlight(text, lexer, HtmlFormatter(nowrap=True))
    caption = f'<span class="filename">{html.escape(title, quote=True)}</span>' if title else ""
    return (f'<div class="language-{language} highlight">{caption}<pre><span></span><code>'
            + body.rstrip("\n").replace("\n", "&#10;") + "</code></pre></div>")


def code(text: str) -> str:
    """An inline code element whose content is literal."""
    return f"<code>{escape(text)}</code>"


def link(text: str, href: str, attrs: str = "") -> str:
    """A Markdown link with literal text; ``href`` is a path we generated (never notes text)."""
    return f"[{escape(text)}]({href}){attrs}"


def external_link(url: str, text: str | None = None) -> str:
    """An external link, as inline HTML with an escaped href (a notes URL is data, not markup)."""
    href = html.escape(url, quote=True)
    return f'<a href="{href}">{escape(text if text is not None else url)}</a>'


@dataclass(frozen=True)
class Piece:
    """A run of text and what it is: plain prose, code, or a URL."""

    text: str
    kind: str  # "text" | "code" | "url"


def pieces(text: str) -> list[Piece]:
    """Split a line into prose, inline code and URLs (URLs first: they contain dots)."""
    out: list[Piece] = []
    pos = 0
    for m in URL.finditer(text):
        out.extend(_code_pieces(text[pos:m.start()]))
        out.append(Piece(m.group(0), "url"))
        pos = m.end()
    out.extend(_code_pieces(text[pos:]))
    return out


def _code_pieces(text: str) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for m in CODE_SPAN.finditer(text):
        token = m.group(0)
        if token.casefold() in _NOT_CODE:
            continue
        if m.start() > pos:
            out.append(Piece(text[pos:m.start()], "text"))
        out.append(Piece(token, "code"))
        pos = m.end()
    if pos < len(text):
        out.append(Piece(text[pos:], "text"))
    return out


class Linker(Protocol):
    """Finds term links in prose and code (see ``autolink.PageLinker``)."""

    def text(self, text: str, offset: int = 0) -> list[tuple[str, str | None, str | None]]: ...

    def code(self, text: str, offset: int = 0) -> tuple[str, str] | None: ...


def anchored(anchor: str | None) -> str:
    """attr_list syntax giving the link before it an id (ours: [a-z0-9-] only), or nothing."""
    return f"{{ #{anchor} }}" if anchor else ""


def inline(text: str, linker: Linker | None = None, offset: int = 0) -> str:
    """Render one line of prose: literal text, code spans, URLs, and term links from ``linker``.

    ``offset``: where ``text`` starts in the line the linker is rendering, so
    it can record where each mention sits. Each term link carries an id
    (``mention-<slug>``) that "Mentioned in" on the other page links to.
    """
    out = []
    pos = offset
    for piece in pieces(text):
        if piece.kind == "code":
            found = linker.code(piece.text, pos) if linker else None
            out.append(f"[{code(piece.text)}]({found[0]}){anchored(found[1])}" if found else code(piece.text))
        elif piece.kind == "url":
            out.append(external_link(piece.text))
        elif linker is None:
            out.append(escape(piece.text))
        else:
            for chunk, href, anchor in linker.text(piece.text, pos):
                out.append(link(chunk, href, anchored(anchor)) if href else escape(chunk))
        pos += len(piece.text)
    return "".join(out)
