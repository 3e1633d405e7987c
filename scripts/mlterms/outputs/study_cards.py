"""What the study page needs beyond a term's text: a cloze of its one-line definition, the terms a
quiz must never offer as a wrong answer for it, and its compare lines with their sources.

Kept apart from ``study`` (the deck and the pages) because it is pure and
judged on its own: a quiz is only fair if no wrong option is also right, and
the terms that could be (near-duplicates: one's name is another's, or the
names share their main word, or the definitions say the same) are known at
build time from the curation, not guessed in the reader's browser.
"""

from __future__ import annotations

import re

from mlterms.glossary.curate import Glossary, Term

# Words that say little about which term is meant: never the hidden phrase of a cloze, never enough
# for two names to count as the same thing.
STOPWORDS = frozenset("""a an the and or of to in on for by with from as at into onto that which who whose
is are be been was were its it this these those their than then when where how what while each every
any all some such one two used uses use using can may not no more most less per via between about over
under after before also only other others own same so both either new data model models learning
machine azure databricks spark python value values function functions method methods set sets number
feature features variable variables type types way ways based part parts kind through across without
within including example examples specified given certain various many several multiple them they there
into like""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")
MAX_CLOZE_WORDS = 3
SUFFIXES = ("ation", "ing", "ers", "er", "ed", "es", "s")  # "clustering" and "cluster": one word


def _content(word: str) -> bool:
    return len(word) >= 4 and word.lower() not in STOPWORDS and not word.lower().endswith("ly")


def cloze(term: Term) -> list[str] | None:
    """The summary split as [before, hidden, after]: the hidden phrase is the longest run of at most
    three content words that are not in the term's names (a hidden word the card shows in its title
    would give itself away). None when the summary has no such word."""
    summary = term.summary
    shown = {w.lower() for name in term.names for w in WORD.findall(name)}
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(summary)]
    best: tuple[int, int, int] | None = None  # (letters, start index, end index) in words
    for i in range(1, len(words)):  # never the first word: it names the kind ("A method ...")
        letters = 0
        for j in range(i, min(i + MAX_CLOZE_WORDS, len(words))):
            text = words[j][2]
            if not _content(text) or text.lower() in shown:
                break
            if j > i and summary[words[j - 1][1]:words[j][0]] != " ":
                break  # a phrase never runs over punctuation
            letters += len(text)
            if best is None or letters > best[0]:
                best = (letters, i, j)
    if best is None:
        return None
    start, end = words[best[1]][0], words[best[2]][1]
    return [summary[:start], summary[start:end], summary[end:]]


def stem(word: str) -> str:
    """A word without its endings, as long as four letters remain (a crude stemmer, enough for names)."""
    word = word.lower()
    while True:
        end = next((s for s in SUFFIXES if word.endswith(s) and len(word) - len(s) >= 4), None)
        if end is None:
            return word
        word = word[: -len(end)]


def _stems(names: list[str]) -> set[str]:
    return {stem(w) for name in names for w in WORD.findall(name.replace("_", " ")) if _content(w)}


def _summary_words(term: Term) -> set[str]:
    return {w.lower() for w in WORD.findall(term.summary) if _content(w)}


def near_duplicates(term: Term, other: Term) -> bool:
    """Could ``other`` be a defensible answer for ``term``'s definition? Yes when one's name is one
    of the other's names (a merge or an alias), when they point at each other with see_also, when
    their definitions share most of their words, or when one title's main words are all in the
    other's ("Data scaling" and "Scaling numeric features"; "Clustering" and "K-means clustering"),
    compare group or not: a compare group may hold such a pair."""
    names = {n.casefold() for n in term.names}
    if names & {n.casefold() for n in other.names}:
        return True
    if other.slug in term.see_also or term.slug in other.see_also:
        return True
    mine, theirs = _summary_words(term), _summary_words(other)
    if mine and theirs and len(mine & theirs) / min(len(mine), len(theirs)) >= 0.6:
        return True
    mine, theirs = _stems([term.title]), _stems([other.title])
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine)


def avoid(glossary: Glossary) -> dict[str, list[str]]:
    """slug -> the slugs a quiz must never offer as a wrong answer to that term's definition
    (symmetric: if B could answer A's question, A could answer B's)."""
    out: dict[str, list[str]] = {t.slug: [] for t in glossary.terms}
    terms = glossary.terms
    for i, term in enumerate(terms):
        for other in terms[i + 1:]:
            if near_duplicates(term, other):
                out[term.slug].append(other.slug)
                out[other.slug].append(term.slug)
    return out


def compare_lines(term: Term, sources: dict[str, str]) -> list[dict]:
    """The term's compare groups: the other slugs, the line that tells them apart, its source."""
    return [{"others": others, "difference": difference, "source": sources.get(difference, "")}
            for others, difference in term.compare]
