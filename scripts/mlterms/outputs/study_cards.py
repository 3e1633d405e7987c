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

import functools
from dataclasses import dataclass

from mlterms.glossary.curate import Glossary, Term
from mlterms.memo import Memo
from mlterms.outputs.card_text import WORD, content_word

OVERLAP = 0.6  # near-duplicates: the share of the shorter definition's words both definitions have
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


@dataclass(frozen=True)
class _Looks:
    """What ``near_duplicates`` compares of a term, worked out once per term (not once per pair)."""

    slug: str
    names: frozenset[str]  # casefolded
    see_also: frozenset[str]
    words: frozenset[str]  # the summary's content words
    stems: frozenset[str]  # the title's main words, stemmed


def _looks(term: Term) -> _Looks:
    return _Looks(term.slug, frozenset(n.casefold() for n in term.names), frozenset(term.see_also),
                  frozenset(_summary_words(term)), frozenset(_stems([term.title])))


def _near(a: _Looks, b: _Looks) -> bool:
    if a.names & b.names or b.slug in a.see_also or a.slug in b.see_also:
        return True
    if a.words and b.words and len(a.words & b.words) / min(len(a.words), len(b.words)) >= OVERLAP:
        return True
    return bool(a.stems and b.stems) and (a.stems <= b.stems or b.stems <= a.stems)


def near_duplicates(term: Term, other: Term) -> bool:
    """Could ``other`` be a defensible answer for ``term``'s definition? Yes when one's name is one
    of the other's names (a merge or an alias), when they point at each other with see_also, when
    their definitions share most of their words, or when one title's main words are all in the
    other's ("Data scaling" and "Scaling numeric features"; "Clustering" and "K-means clustering"),
    compare group or not: a compare group may hold such a pair. Symmetric."""
    return _near(_looks(term), _looks(other))


def _needed(size: int) -> int:
    """How many words a definition of ``size`` words must share with a longer one (the test
    ``near_duplicates`` makes, to the float)."""
    return next(c for c in range(size + 1) if c / size >= OVERLAP)


def _sharing(keys: list[frozenset[str]], needed) -> set[tuple[int, int]]:
    """Pairs (i < j) whose key sets may have ``needed(len(smaller set))`` keys in common: each set is
    looked up by its rarest keys only, as many as it may lack and one more (a set-similarity join)."""
    holders: dict[str, list[int]] = {}
    for i, found in enumerate(keys):
        for key in found:
            holders.setdefault(key, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, found in enumerate(keys):
        if not found:
            continue
        rarest = sorted(found, key=lambda key: (len(holders[key]), key))
        for key in rarest[:len(found) - needed(len(found)) + 1]:
            pairs.update((min(i, j), max(i, j)) for j in holders[key] if j != i)
    return pairs


def _all_pairs(looks: list[_Looks]) -> set[frozenset[str]]:
    """Every near-duplicate pair: only the candidate pairs are compared, those that share a name, a
    "See also", enough definition words, or one title's rarest main word (all pairs took minutes at
    5,000 terms)."""
    index = {a.slug: i for i, a in enumerate(looks)}
    candidates = _sharing([a.names for a in looks], lambda size: 1)
    candidates |= _sharing([a.words for a in looks], _needed)
    candidates |= _sharing([a.stems for a in looks], lambda size: size)  # all of one title's in the other's
    candidates.update((min(i, index[s]), max(i, index[s])) for i, a in enumerate(looks) for s in a.see_also
                      if s in index and index[s] != i)
    return {frozenset((looks[i].slug, looks[j].slug)) for i, j in candidates if _near(looks[i], looks[j])}


AGAIN_LIMIT = 50  # more terms changed than this since the last rebuild: compare the candidate pairs anew


def _pairs_again(looks: list[_Looks], kept: tuple[dict[str, _Looks], set[frozenset[str]]]) -> set[frozenset[str]]:
    """The pairs of the previous rebuild (``kept``: each term's looks then, and the pairs), those of
    the terms whose looks changed, or that are gone, compared again with every term."""
    before, pairs = kept
    now = {a.slug: a for a in looks}
    changed = {slug for slug, a in now.items() if before.get(slug) != a} | (set(before) - set(now))
    if len(changed) > AGAIN_LIMIT:
        return _all_pairs(looks)
    pairs = {pair for pair in pairs if not pair & changed}
    for slug in changed & set(now):
        pairs.update(frozenset((slug, b.slug)) for b in looks if b.slug != slug and _near(now[slug], b))
    return pairs


def avoid(glossary: Glossary, memo: Memo | None = None) -> dict[str, list[str]]:
    """slug -> the slugs a quiz must never offer as a wrong answer to that term's definition
    (symmetric: if B could answer A's question, A could answer B's), in the glossary's order.
    ``memo`` (a serve session's): only the terms whose looks changed since its last rebuild are compared."""
    looks = [_looks(t) if memo is None or t.slug not in memo.terms
             else memo.get("looks", t.slug, memo.terms[t.slug], functools.partial(_looks, t)) for t in glossary.terms]
    kept = memo.kept.get("avoid") if memo is not None else None
    pairs = _all_pairs(looks) if kept is None else _pairs_again(looks, kept)
    if memo is not None:
        memo.kept["avoid"] = ({a.slug: a for a in looks}, pairs)
    order = {a.slug: i for i, a in enumerate(looks)}
    out: dict[str, list[str]] = {a.slug: [] for a in looks}
    for pair in pairs:
        first, second = pair
        out[first].append(second)
        out[second].append(first)
    return {slug: sorted(others, key=order.__getitem__) for slug, others in out.items()}


def compare_lines(term: Term, sources: dict[str, str]) -> list[dict]:
    """The term's compare groups: the other slugs, the line that tells them apart, its source."""
    return [{"others": others, "difference": difference, "source": sources.get(difference, "")}
            for others, difference in term.compare]
