"""Warnings about the notes themselves, for any notes file: likely misspellings, hidden titles.

Neither changes the site: the notes stay verbatim. Each warning names the
notes line and offers the curation entry that fixes what the reader sees:
a ``corrections:`` entry for a misspelling (found by codespell, the
maintained spell checker, in prose only: code, identifiers and URLs are
masked out first), an ``entry_starts:`` hint for a paragraph that looks like
a title sharing its line with a definition ("Early stopping Training stops
when..."), which would otherwise silently become part of the entry above.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from mlterms.errors import Problem
from mlterms.notes.lines import Kind, shape
from mlterms.notes.markup import CODE_SPAN, URL

# Words that open a sentence after a title written on the same line ("epsilon This value ...").
SENTENCE_STARTS = {"A", "An", "The", "This", "These", "That", "Those", "It", "Its", "They", "We", "You",
                   "Each", "Every", "In", "When", "If", "After", "Before", "During", "By", "With", "To", "For"}
_FUNCTION_WORDS = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "by", "from", "as",
                   "at", "is", "are", "was", "be", "that", "this", "it", "its", "we", "you", "can", "will"}
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# A word holding a digit or an underscore (x2, model_v1, 10th). Only from a word's start: tried
# at every position, "\S*[\d_]\S*" took time in the square of a long word's length.
_NOT_PROSE_WORD = re.compile(r"(?<!\S)\S*[\d_]\S*")
CODESPELL = [sys.executable, "-m", "codespell_lib"]  # pinned in requirements.lock
_CODESPELL_OK = {0, 65}  # 65: it found misspellings; anything else: it did not run


def _masked_prose(lines: list[str]) -> list[str]:
    """The notes with everything that is not prose blanked out (line numbers kept)."""
    out = []
    for line in lines:
        if shape(line.strip()).kind in (Kind.CODE, Kind.URL):
            out.append("")
            continue
        text = URL.sub(lambda m: " " * len(m.group(0)), line)
        text = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
        text = _NOT_PROSE_WORD.sub(lambda m: " " * len(m.group(0)), text)
        out.append(text)
    return out


def spelling(text: str, notes_path: str, corrections: dict[str, str], words: set[str],
             fixed_titles: set[str]) -> list[Problem]:
    """codespell's suggestions for the prose of the notes, minus what the curation already fixes.

    ``words`` are accepted as they are (the project word list); ``fixed_titles``
    are notes titles the curation file already retitles.
    """
    masked = _masked_prose(text.split("\n"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notes.txt"
        path.write_text("\n".join(masked), encoding="utf-8")
        try:
            proc = subprocess.run([*CODESPELL, "--builtin", "clear,rare", str(path)], capture_output=True, text=True)
            failure = "" if proc.returncode in _CODESPELL_OK else \
                f"exited with {proc.returncode}: {(proc.stderr.strip() or proc.stdout.strip())[-300:]}"
        except OSError as exc:
            failure = f"could not be started: {exc}"
    if failure:
        return [Problem(notes_path, None, f"the spelling check did not run: codespell {failure}",
                        "install the pinned dependencies again (`make install`: codespell is in requirements.lock)",
                        severity="warning", group="notes")]
    fixed_words = {w.casefold() for wrong in corrections for w in _WORD.findall(wrong)}
    titled = {w.casefold() for title in fixed_titles for w in _WORD.findall(title)}
    accepted = {w.casefold() for w in words}
    problems = []
    for found in re.finditer(r"^.*?:(\d+): (\S+) ==> (.+)$", proc.stdout, re.M):
        line, wrong, right = int(found.group(1)), found.group(2), found.group(3).split(",")[0].strip()
        if wrong.casefold() in fixed_words | titled | accepted:
            continue
        problems.append(Problem(notes_path, line, f"possible misspelling {wrong!r} (codespell suggests {right!r})",
                                f"if it is one, add  {wrong}: {right}  under corrections: in the curation file; "
                                f"if it is right, add {wrong} to words:", severity="warning", group="notes"))
    return problems


def proper_nouns(text: str) -> set[str]:
    """Words the notes capitalize mid-sentence more often than not (Azure, Spark): not sentence starts."""
    capitalized, lowered = Counter(), Counter()
    for line in text.split("\n"):
        tokens = _WORD.findall(line)
        for word in tokens[1:]:
            (capitalized if word[0].isupper() else lowered)[word.casefold()] += 1
    return {w for w, n in capitalized.items() if n >= 2 and n > lowered[w]}


_INLINE_TITLE = re.compile(r"^(?P<title>[A-Za-z][\w()/-]*(?: [\w()/-]+){0,4}) (?P<start>[A-Z][a-z]*)\b"
                           r"(?P<rest> .+)$")


def inline_title(line: str, nouns: set[str]) -> str | None:
    """The title a paragraph seems to start with ("Early stopping" in "Early stopping Training stops ..."), if any."""
    m = _INLINE_TITLE.match(line.strip())
    if not m:
        return None
    title, start, rest = m.group("title"), m.group("start"), m.group("rest")
    last = title.split()[-1]
    if last.casefold() in _FUNCTION_WORDS or last.endswith((",", ":", ".")) or not last[0].islower() \
            and not last.endswith(")"):
        return None
    if len(rest.split()) < 4 or start.casefold() in nouns and start not in SENTENCE_STARTS:
        return None
    if start not in SENTENCE_STARTS and not rest.split()[0][0].islower():
        return None  # "Azure Machine Learning ...": a name, not a sentence
    return title


def hidden_titles(notes, text: str, notes_path: str) -> list[Problem]:
    """Paragraphs inside an entry that look like a new term written on one line with its definition."""
    nouns = proper_nouns(text)
    problems = []
    for entry in notes.entries:
        previous_blank = True
        for line in entry.body:
            if line.is_blank:
                previous_blank = True
                continue
            paragraph_start, previous_blank = previous_blank, False
            if line.number in entry.title_lines:  # the title already shares this line (an entry_starts hint)
                continue
            if not paragraph_start or line.indent or shape(line.stripped).kind is not Kind.TEXT:
                continue
            title = inline_title(line.stripped, nouns)
            if title:
                problems.append(Problem(
                    notes_path, line.number,
                    f"this paragraph may start a new term, {title!r}, written on one line with its definition; "
                    f"it is shown as part of {entry.title!r}",
                    f"if it is a term, add  - {title}  under entry_starts: in the curation file",
                    severity="warning", group="notes"))
    return problems
