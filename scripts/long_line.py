#!/usr/bin/env python3
"""Notes lines holding one very long word, through the build's generate and lint steps.

Usage: scripts/long_line.py CHARS [--shape NAME ...]

Writes a notes file of a few terms, each with one line that is a single word of
CHARS characters (letters, a row of digits ending in a letter, digits and
spaces, a chain of calls, a snake_case name: each the worst case of one of
the line-shape, code-span or lint patterns), then reads, curates, lints and
renders it as the build does. Prints, as JSON, which terms' pages hold their
long line whole, and the lint's warning count. Used by `make bench` (the time
of a 1 MB word) and by tests/test_defects.py (a 200 KB word must finish at all:
the old patterns backtracked in the square of the line's length).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mlterms.checks.input_lint import lint
from mlterms.outputs.site_pages import build_pages  # noqa: E402
from mlterms.glossary.inputs import Inputs, glossary_from, read_source  # noqa: E402
from mlterms.notes.markup import escape  # noqa: E402
from mlterms.record import assemble  # noqa: E402

SHAPES = {
    "letters": lambda n: "x" * n,
    "digit-row": lambda n: "1" * (n - 1) + "x",
    "digits-and-spaces": lambda n: "1 " * (n // 2 - 1) + "x",
    "calls": lambda n: "f(" * (n // 2),
    "snake-case": lambda n: "a_" * (n // 2),
}


def long_words(chars: int, shapes: list[str] | None = None) -> dict[str, str]:
    """Term title -> its long line (one term per shape; every shape unless named)."""
    return {f"Long {name} term": SHAPES[name](chars) for name in shapes or SHAPES}


def notes_text(words: dict[str, str]) -> str:
    return "".join(f"{title}\nA term whose notes hold one long word.\n{word}\n\n" for title, word in words.items())


def run(chars: int, shapes: list[str] | None = None) -> dict:
    """Generate and lint the notes; which long lines reached their page, and the lint's counts."""
    words = long_words(chars, shapes)
    with tempfile.TemporaryDirectory() as tmp:
        notes = Path(tmp) / "notes.txt"
        notes.write_text(notes_text(words), encoding="utf-8")
        inputs = Inputs.locate(str(notes))
        source = read_source(inputs)
        glossary = glossary_from(source, inputs, None)
        problems, _ = lint(source, glossary)
        pages = build_pages(assemble(inputs, glossary))
    by_title = {t.title: t.slug for t in glossary.terms}
    whole = {title: title in by_title and _shown(word, pages[f"terms/{by_title[title]}.md"])
             for title, word in words.items()}
    return {"chars": chars, "terms": len(glossary.terms), "whole": whole, "warnings": len(problems)}


def _shown(word: str, page: str) -> bool:
    """The word's characters on the page in order (escaped, code spans may split it into pieces)."""
    plain = page.replace("<code>", "").replace("</code>", "").replace("`", "")
    return escape(word) in plain or word in plain


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chars", type=int)
    parser.add_argument("--shape", nargs="*", choices=list(SHAPES), help="only these shapes (default: all)")
    args = parser.parse_args()
    print(json.dumps(run(args.chars, args.shape)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
