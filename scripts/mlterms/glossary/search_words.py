"""How search folds a word, in one place: lower case, no accents, American spelling, singular.

Both sides use it: the build (``outputs.search_files`` indexes words this
way; ``record`` keys every name of a term with it) and the browser (the
worker's ``words``, which a test runs beside this one on the same strings).
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SPLIT = re.compile(r"[\W_]+")  # anything but letters and digits (the worker: /[^\p{L}\p{N}]+/u)
# British -> American, applied to both the index and the query, so either spelling finds both.
_SPELLINGS = [(re.compile(pattern, re.ASCII), repl) for pattern, repl in [  # \w as in JavaScript: ASCII
    (r"^(\w{3,})is(e|ed|es|ing|ation|ations|er|ers)$", r"\1iz\2"),
    (r"^(\w{2,})ys(e|ed|es|ing)$", r"\1yz\2"),
    (r"^(\w{3,})our(s?)$", r"\1or\2"),
    (r"^(\w{3,})tre(s?)$", r"\1ter\2"),
    (r"^(\w{3,})ll(ed|ing|er|ers)$", r"\1l\2"),
    (r"^(\w{3,})ogue(s?)$", r"\1og\2"),
    (r"^(\w{3,})izations?$", r"\1ize"),  # and "normalization" meets "normalize"
]]


@functools.lru_cache(maxsize=1 << 16)  # a site's words repeat: seven patterns per word took seconds at 5,000 terms
def canon(word: str) -> str:
    """One word as the index stores it: American spelling, singular."""
    for pattern, repl in _SPELLINGS:
        word = pattern.sub(repl, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def fold(text: str) -> str:
    """Lower case without accents (what the worker's ``fold`` does)."""
    if text.isascii():  # no accents to take off (NFKD leaves ASCII as it is)
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.category(c).startswith("M"))


def words(text: str) -> list[str]:
    """The indexed words of a text: folded, split at anything but letters and digits, canonical."""
    return [canon(w) for w in _SPLIT.split(fold(text)) if w]
