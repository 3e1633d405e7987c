"""Whole pipeline, hostile input (Hypothesis): notes made of HTML, Markdown and extension syntax,
attribute lists, javascript: and data: URLs, backtick runs, bidi characters, CJK, emoji and very
long lines are built into a real site by scripts/build.py, and every page is parsed back.

Nothing the notes say may become an element or an attribute, and every notes line must be
readable as text on its own term's page. `make test` tries a few examples
(MLTERMS_HOSTILE_EXAMPLES, default 6); `make fuzz` tries many more.
"""

from __future__ import annotations

import os
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import article_text, run_build
from mlterms.glossary.curation_file import empty
from mlterms.glossary.curate import curate
from mlterms.notes.lines import LIST_KINDS_MARK
from mlterms.notes.parse import parse

EXAMPLES = int(os.environ.get("MLTERMS_HOSTILE_EXAMPLES", "6"))

FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil></iframe>",
    "<object data=x></object>", "<style>body{display:none}</style>", "<a href='javascript:alert(1)'>a</a>",
    "[click](javascript:alert(1))", "[d](data:text/html;base64,PHNjcmlwdD4=)", "![i](javascript:alert(2))",
    "*x*{: onmouseover=alert(2) }", "{: .cls #id onclick=alert(3) }", "{{ config }}", "{% raw %}",
    '--8<-- "mkdocs.yml"', ";--8<-- 'README.md'", "```", "````", "~~~", "`code`", "<!-- comment -->",
    "!!! note", "??? danger", "[^1]", "[^1]: foot", "<https://x.org>", "<div markdown>", "</div>",
    "| a | b |", "|---|---|", "# heading", "> quote", "***", "==mark==", "^^ins^^", "~~del~~", ":smile:",
    "$x^2$", "&amp;", "&#x3C;script&#x3E;", "\\", "*", "_", "\u202e\u2066bidi\u2069", "\u200b", "中文术语",
    "日本語", "😀🔥", "e\u0301", "\u00a0nbsp", "x = model.predict_proba(X)", "• bullet", "1. step",
]
WORDS = ["data", "model", "The", "a", "threshold", "value", "is", "used", "for", "training", "Azure"]
LINE = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(WORDS)), min_size=1, max_size=8).map(" ".join)
LONG_LINE = st.builds(lambda w, n: " ".join([w] * n), st.sampled_from(FRAGMENTS + WORDS), st.integers(80, 200))
TITLES = st.sampled_from(["Outlier", "Data drift", "Model <b>bold</b>", "Sample {{ x }}", "Term `tick`",
                          "Feature *x*{: onclick=alert(1) }", "Zebra 中文", "Emoji 😀 term"])


@st.composite
def notes_text(draw) -> str:
    titles = draw(st.lists(TITLES, min_size=1, max_size=3, unique=True))
    blocks = []
    for title in titles:
        body = draw(st.lists(st.one_of(LINE, LONG_LINE), min_size=1, max_size=4))
        blocks.append("\n".join([title, *body]))
    return "\n\n".join(blocks) + "\n"


class _Audit(HTMLParser):
    """Everything in the built HTML that could run or load something, and what the article contains."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.events: list[str] = []
        self.urls: list[str] = []
        self.article_tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.events.append(f"<{tag} {name}={value!r}>")
            if self.in_article and name in ("href", "src", "action", "data", "formaction") and value:
                self.urls.append(value.strip().lower())
        if self.in_article:
            self.article_tags.append(tag)

    def handle_endtag(self, tag):
        if tag == "article" and self.in_article:
            self.in_article -= 1


def _owner_of_lines(text: str, path: Path) -> dict[int, str]:
    glossary = curate(parse(text, empty().rules, path=str(path)), empty(), None, notes_path=str(path))
    return {n: term.slug for term in glossary.terms for n in term.source_lines}


def _normal(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
          derandomize=EXAMPLES <= 10)  # make test: the same few examples every run; make fuzz: new ones
@given(notes_text())
def test_no_notes_text_becomes_markup_and_every_line_is_on_its_page(text):
    with tempfile.TemporaryDirectory() as tmp:
        notes = Path(tmp) / "notes.txt"
        notes.write_text(text, encoding="utf-8")
        site = Path(tmp) / "site"
        result = run_build("--notes", str(notes), "--site-dir", str(site))
        assert result.returncode == 0, result.stdout + result.stderr
        pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
        for path, html in pages.items():
            audit = _Audit()
            audit.feed(html)
            assert audit.events == [], path
            assert not [u for u in audit.urls if u.startswith(("javascript:", "data:"))], path
            assert not {"script", "iframe", "object", "style", "embed"} & set(audit.article_tags), path
        owner = _owner_of_lines(text, notes)
        texts = {p.parent.name: _normal(article_text(html)) for p, html in pages.items()
                 if p.parent.parent.name == "terms"}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            expected = _normal(LIST_KINDS_MARK.sub("", line.strip()))
            assert expected in texts[owner[number]], (number, line, owner[number])
