"""The words of a study card: which names a "which term is this?" card masks, and which phrase a cloze
card hides. One rule each, for every place a card is shown.

The web flashcards (study/cards.json, shown by study.js) and the Anki deck
(deck.py, with card_content's HTML) used to write these twice, and they
disagreed: the web's reverse card showed the definition unmasked (16 of them
named their answer, "Percentile: the value below which…"), and the two cloze
rules hid a different phrase for 175 of 190 terms. Both now take them from
here; cards.json carries the results, so study.js derives nothing. (The
lifecycle words have one place already: ``glossary.lifecycle``.)
"""

from __future__ import annotations

import re

from mlterms.glossary.curate import Term

MASK = "____"
# Words that say little about which term is meant: never a cloze's only hidden word, never enough for
# two names to count as the same thing (study_cards.near_duplicates).
STOPWORDS = frozenset("""a an the and or of to in on for by with from as at into onto that which who whose
is are be been was were its it this these those their than then when where how what while each every
any all some such one two used uses use using can may not no more most less per via between about over
under after before also only other others own same so both either new data model models learning
machine azure databricks spark python value values function functions method methods set sets number
feature features variable variables type types way ways based part parts kind through across without
within including example examples specified given certain various many several multiple them they there
into like""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")
_QUALIFIER = re.compile(r"\s*\([^()]*\)$")  # "Cluster (Databricks)" -> "Cluster"; "fit()" -> "fit"

# Where a one-line definition turns from what kind of thing the term is to what sets it apart.
_DIFFERENTIA = re.compile(r"\b(?:that|which|where|whose|used to|used for|in which|by which)\s+", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:(]|\.(?:\s|$)")
CLOZE_WORDS = 7  # at most this many words hidden: a phrase to recall, not half the sentence
RUN_WORDS = 3  # the stand-in rule's longest run of content words
# A hidden phrase of two words or more ends before one of these: "sends encrypted traffic | between …".
_PHRASE_BREAKS = frozenset({"of", "in", "between", "to", "for", "with", "on", "by", "into", "from", "over", "and",
                            "or", "as", "so", "than", "across", "at", "within", "without", "while", "when"})
# Words a hidden phrase never starts or ends with: "sets how much the optimizer adjusts [a]".
_DANGLING = _PHRASE_BREAKS | frozenset({"a", "an", "the", "its", "their", "each", "one", "can", "could", "may",
                                        "might", "will", "would", "should", "must", "is", "are", "be", "if",
                                        "even", "how", "much", "many", "that", "which", "not"})


def content_word(word: str) -> bool:
    """A word that says something about the term (four letters or more, not a stopword, not an -ly word)."""
    return len(word) >= 4 and word.lower() not in STOPWORDS and not word.lower().endswith("ly")


def own_names(term: Term) -> list[str]:
    """Every name that gives a term away, longest first: its title, aliases, the notes' own titles and
    other communities' names (the names of its ``TermRecord``), each also without a qualifier."""
    names = {*term.names, *(other.name for other in term.other_names)}
    names |= {_QUALIFIER.sub("", name) for name in list(names)}
    return sorted((n for n in names if n.strip()), key=len, reverse=True)


def mask(value: str, term: Term) -> str:
    """``value`` with every one of the term's own names (and their plurals) replaced by ____: the
    question side of a "which term is this?" card, on the web and in Anki."""
    for name in own_names(term):
        value = re.sub(rf"(?<![\w]){re.escape(name)}(?:e?s)?(?![\w])", MASK, value, flags=re.IGNORECASE)
    return value


def _telling(phrase: str, shown: set[str]) -> bool:
    """Does the phrase hold a content word the card does not show in its title?"""
    return any(content_word(w) and w.lower() not in shown for w in WORD.findall(phrase))


def _differentia(summary: str) -> tuple[int, int] | None:
    """The words after the first "that", "which", "used to"…, up to the end of that clause (at most
    CLOZE_WORDS, ending before a preposition or conjunction once it has two; without such a word, the
    last words of the first clause), with no article, modal or preposition left at either end."""
    m = _DIFFERENTIA.search(summary)
    start = m.end() if m else 0
    end_match = _CLAUSE_END.search(summary, start)
    end = end_match.start() if end_match else len(summary.rstrip("."))
    words = list(re.finditer(r"\S+", summary[start:end]))
    if m is None:
        words = words[-min(4, max(1, len(words) // 2)):]
    words = words[:CLOZE_WORDS]
    cut = next((i for i, w in enumerate(words) if i >= 2 and w.group().casefold() in _PHRASE_BREAKS), len(words))
    words = words[:cut]
    while words and words[0].group().casefold() in _DANGLING:
        words = words[1:]
    while words and words[-1].group().casefold() in _DANGLING:
        words = words[:-1]
    return (start + words[0].start(), start + words[-1].end()) if words else None


def _longest_run(summary: str, shown: set[str]) -> tuple[int, int] | None:
    """The longest run (in letters) of at most RUN_WORDS content words not in the title, never the first
    word (it names the kind: "A method …") and never across punctuation."""
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(summary)]
    best: tuple[int, int, int] | None = None  # (letters, first word, last word)
    for i in range(1, len(words)):
        letters = 0
        for j in range(i, min(i + RUN_WORDS, len(words))):
            text = words[j][2]
            if not content_word(text) or text.lower() in shown:
                break
            if j > i and summary[words[j - 1][1]:words[j][0]] != " ":
                break
            letters += len(text)
            if best is None or letters > best[0]:
                best = (letters, i, j)
    return None if best is None else (words[best[1]][0], words[best[2]][1])


def cloze_span(summary: str, names: list[str]) -> tuple[int, int] | None:
    """Where the key phrase of a one-line definition is (None: no phrase fits).

    The phrase is what sets the term apart (``_differentia``: "An ensemble
    method that [trains models sequentially], …"). Where that is one word, or
    holds no content word the card's title does not show, the longest run of
    content words stands in ("[ordinal integer codes]"). Never the whole line,
    never a phrase the line shows twice, never text Anki would read as a cloze.
    """
    shown = {w.lower() for name in names for w in WORD.findall(name)}
    span = _differentia(summary)
    if span is None or " " not in summary[span[0]:span[1]] or not _telling(summary[span[0]:span[1]], shown):
        span = _longest_run(summary, shown)
    if span is None or "::" in summary or "{{" in summary or "}}" in summary:
        return None
    phrase = summary[span[0]:span[1]]
    if summary.casefold().count(phrase.casefold()) > 1 or len(phrase.split()) >= len(summary.split()):
        return None
    return span


def cloze(term: Term) -> list[str] | None:
    """The definition split as [before, hidden, after] around its key phrase (``cloze_span``)."""
    span = cloze_span(term.summary, own_names(term))
    if span is None:
        return None
    a, b = span
    return [term.summary[:a], term.summary[a:b], term.summary[b:]]
