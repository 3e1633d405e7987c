"""What the study page's quiz needs beyond a term's text: the terms it must never offer as a wrong
answer for it, and its compare lines with their sources. (A card's words, its masked definition and
its cloze, are ``card_text``'s: the deck shows them too.)

Kept apart from ``study`` (the deck and the pages) because it is pure and
judged on its own: a quiz is only fair if no wrong option is also right, and
the terms that could be (near-duplicates: one's name is another's, or the
names share their main word, or the definitions say the same) are known at
build time from the curation, not guessed in the reader's browser.
"""

from __future__ import annotations

from mlterms.glossary.curate import Glossary, Term
from mlterms.outputs.card_text import WORD, content_word

SUFFIXES = ("ation", "ing", "ers", "er", "ed", "es", "s")  # "clustering" and "cluster": one word


def stem(word: str) -> str:
    """A word without its endings, as long as four letters remain (a crude stemmer, enough for names)."""
    word = word.lower()
    while True:
        end = next((s for s in SUFFIXES if word.endswith(s) and len(word) - len(s) >= 4), None)
        if end is None:
            return word
        word = word[: -len(end)]


def _stems(names: list[str]) -> set[str]:
    return {stem(w) for name in names for w in WORD.findall(name.replace("_", " ")) if content_word(w)}


def _summary_words(term: Term) -> set[str]:
    return {w.lower() for w in WORD.findall(term.summary) if content_word(w)}


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
