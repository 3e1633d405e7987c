"""The house style of a one-line definition, as checks a build can run on any glossary.

A term's summary is what every reader sees first: in search results, hover
previews, link cards, tag and A–Z lists. It must read on its own: one
sentence of at most 160 characters ending with a full stop, saying what the
term *is*, never opening with its title, never pointing at text the reader
can't see, never an instruction. ``flags(summary, title)`` names every rule a
summary breaks; the build reports each as a warning at the line to fix.
"""

from __future__ import annotations

import re

from mlterms.errors import Problem

MAX_LENGTH = 160

# Words that cannot open a definition read on its own: they point back at text the reader can't see,
# or continue a sentence that began elsewhere.
DANGLING_STARTS = {"this", "these", "that", "those", "it", "its", "they", "them", "their", "such", "which",
                   "also", "and", "or", "but", "so", "then", "here", "there", "above", "below", "same",
                   "is", "are", "was", "were", "can", "could", "will", "would", "should", "must", "may"}
UNSEEN_TEXT = re.compile(r"\b(the above|the following|as above|see below|shown below|listed below)\b", re.I)

# Verbs that open an instruction ("Normalize the data.", "Use argparse..."). A noun reading such as
# "Use of ..." or "Split between ..." is not an instruction, hence the check on the next word.
IMPERATIVES = {
    "add", "apply", "avoid", "call", "check", "choose", "click", "configure", "consider", "create", "define",
    "deploy", "do", "don't", "enable", "ensure", "install", "import", "keep", "let", "load", "log", "make",
    "normalize", "normalise", "note", "open", "pass", "pick", "register", "remember", "remove", "run", "select",
    "set", "specify", "split", "start", "submit", "train", "try", "use", "write", "never", "always", "please",
}
_NOT_AFTER_IMPERATIVE = {"of", "for", "between", "in", "is", "are", "was", "case", "cases"}
_INSTRUCTION = re.compile(r"^to\b[^,]{1,80},\s*(you|we)\b|\byou (must|need to|should|have to)\b", re.I)


def flags(summary: str, title: str) -> list[str]:
    """Every house rule ``summary`` breaks, as short phrases (empty: it is fine)."""
    text = summary.strip()
    found: list[str] = []
    if not text:
        return ["is empty"]
    words = re.findall(r"[\w'’-]+", text)
    first = words[0].casefold() if words else ""
    title_key = re.sub(r"\W+", " ", title).strip().casefold()
    if title_key and re.sub(r"\W+", " ", text).strip().casefold().startswith(title_key):
        found.append("starts with its title")
    if text[0].islower():
        found.append("starts in lower case")
    elif first in DANGLING_STARTS:
        found.append(f"starts with the dangling word {words[0]!r}")
    if UNSEEN_TEXT.search(text):
        found.append(f"points at text the reader can't see ({UNSEEN_TEXT.search(text).group(0)!r})")
    if len(text) > MAX_LENGTH:
        found.append(f"is {len(text)} characters long (at most {MAX_LENGTH})")
    if text.endswith(("…", "...")):
        found.append("is cut with an ellipsis")
    elif not text.endswith("."):
        found.append("has no final full stop")
    if _is_instruction(words, text):
        found.append("is an instruction, not a definition")
    if len(re.findall(r"[.!?](?:\s+[A-Z])", text)) >= 1:
        found.append("is more than one sentence")
    return found


def _is_instruction(words: list[str], text: str) -> bool:
    if _INSTRUCTION.search(text):
        return True
    if not words or words[0].casefold() not in IMPERATIVES:
        return False
    following = words[1].casefold() if len(words) > 1 else ""
    return following not in _NOT_AFTER_IMPERATIVE and not words[0].endswith(("s", "ing", "ed"))


def check_glossary(glossary) -> tuple[list[Problem], dict[str, int]]:
    """A warning for every summary that breaks the house style, at the line that sets it; and the counts."""
    problems, flagged = [], 0
    for term in glossary.terms:
        found = flags(term.summary, term.title)
        flagged += bool(found)
        for flag in found:
            path, line = term.summary_where or ("notes", None)
            fix = ("reword the summary" if term.summary_origin == "curated"
                   else f"add  summary: <one sentence>  under {term.slug}: in the definitions file")
            problems.append(Problem(path, line, f"the summary of {term.title!r} {flag}: {term.summary!r}", fix,
                                    severity="warning", group="curation"))
    curated = sum(1 for t in glossary.terms if t.summary_origin == "curated")
    counts = {"summaries_curated": curated, "summaries_automatic": len(glossary.terms) - curated,
              "summaries_flagged": flagged}
    return problems, counts
