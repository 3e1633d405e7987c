"""The words of a study card (scripts/mlterms/outputs/card_text.py), and that the web flashcards and the Anki
deck both show them: the built study/cards.json and the built study/ml-terms.apkg, read as they ship.

- A "which term is this?" card never names its answer (DESIGN § 8: flashcards that don't give answers away).
- The web's cloze card and the deck's Cloze note hide the same phrase of the same definition.
- That phrase says something (a content word the card's title does not show) and is never the whole line.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from mlterms.glossary.curate import Term
from mlterms.glossary.inputs import Inputs, load_glossary
from mlterms.glossary.lifecycle import labelled_summary
from mlterms.outputs import card_text

# The terms whose one-line definition names the term itself (the review's count with the deck's rule).
NAMING_THEMSELVES = {"percentile", "epoch", "fit", "mllib", "pytorch", "spark-ml", "normalize-data"}
# Words a phrase to recall never starts or ends with (it would be half a phrase).
DANGLING = {"a", "an", "the", "of", "to", "in", "and", "or", "can", "if", "is", "how", "that", "which"}


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(Inputs.locate(), None)


@pytest.fixture(scope="module")
def web_cards(built_site) -> dict[str, dict]:
    cards = json.loads((built_site / "study" / "cards.json").read_text(encoding="utf-8"))
    return {c["slug"]: c for c in cards}


@pytest.fixture(scope="module")
def deck_clozes(built_site, tmp_path_factory) -> dict[str, str]:
    """The built deck's Cloze notes: the term's title -> the hidden phrase, as plain text."""
    tmp: Path = tmp_path_factory.mktemp("apkg")
    with zipfile.ZipFile(built_site / "study" / "ml-terms.apkg") as archive:
        (tmp / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp / "c.anki2") as db:
        rows = db.execute("select flds from notes where mid = ?", (genanki.CLOZE_MODEL.model_id,)).fetchall()
    out = {}
    for (fields,) in rows:
        text = fields.split("\x1f")[0]
        title = html.unescape(re.match(r"<b>(.*?)</b>", text).group(1))
        out[title] = html.unescape(re.search(r"\{\{c1::(.*?)\}\}", text).group(1))
    return out


def _names_in(text: str, term: Term) -> list[str]:
    """The term's names that ``text`` shows, as words (a plural counts: "epochs" shows "epoch")."""
    return [name for name in card_text.own_names(term)
            if re.search(rf"(?<![\w]){re.escape(name)}(?:e?s)?(?![\w])", text, re.IGNORECASE)]


def test_no_web_reverse_card_names_its_answer(web_cards, glossary):
    """cards.json's ``masked`` is what the web's definition -> term card (and the quiz) shows."""
    assert set(web_cards) == {t.slug for t in glossary.terms}
    masked = 0
    for term in glossary.terms:
        card = web_cards[term.slug]
        assert "masked" in card, "cards.json carries no masked definition for the reverse card"
        assert not _names_in(card["masked"], term), (term.slug, card["masked"])
        assert card["masked"].replace(card_text.MASK, "") != ""  # still a definition
        masked += card_text.MASK in card["masked"]
    assert masked >= 16
    assert all(card_text.MASK in web_cards[slug]["masked"] for slug in NAMING_THEMSELVES)
    percentile = web_cards["percentile"]["masked"]
    assert "the 50th ____ is the median" in percentile and "a given percentage of the observations" in percentile


def test_the_web_and_the_deck_hide_the_same_phrase_for_every_term(web_cards, deck_clozes, glossary):
    different = [(t.slug, web_cards[t.slug]["cloze"] and web_cards[t.slug]["cloze"][1], deck_clozes.get(t.title))
                 for t in glossary.terms
                 if not web_cards[t.slug]["cloze"] or web_cards[t.slug]["cloze"][1] != deck_clozes.get(t.title)]
    assert not different, f"{len(different)} terms hide a different phrase, e.g. {different[:3]}"
    assert len(deck_clozes) == len(glossary.terms)


def test_every_cloze_hides_a_telling_phrase_and_never_the_whole_definition(glossary):
    for term in glossary.terms:
        parts = card_text.cloze(term)
        assert parts, term.slug
        before, hidden, after = parts
        assert before + hidden + after == term.summary
        words = hidden.split()
        assert 1 <= len(words) <= card_text.CLOZE_WORDS and len(words) < len(term.summary.split())
        shown = {w.lower() for name in card_text.own_names(term) for w in card_text.WORD.findall(name)}
        assert any(card_text.content_word(w) and w.lower() not in shown for w in card_text.WORD.findall(hidden)), \
            (term.slug, hidden)  # something to recall that the card's title does not give away
        assert words[0].lower() not in DANGLING and words[-1].lower() not in DANGLING, (term.slug, hidden)
        assert term.summary.casefold().count(hidden.casefold()) == 1


def _term(title: str, summary: str, **more) -> Term:
    return Term(slug=title.lower(), title=title, definitions=[], summary=summary, **more)


def test_a_cloze_hides_what_sets_the_term_apart_else_the_longest_run_of_content_words():
    boosting = _term("Boosting", "An ensemble method that trains models sequentially, each one correcting the errors.")
    assert card_text.cloze(boosting)[1] == "trains models sequentially"
    rate = _term("Learning rate", "A hyperparameter that sets how much the optimizer adjusts a model's weights.")
    assert card_text.cloze(rate)[1] == "sets how much the optimizer adjusts"  # no dangling "a"
    # no "that"/"which": the last words of the first clause, unless they are one word or the title's own
    pca = _term("PCA", "A reduction technique making synthetic orthogonal components by projection.")
    assert card_text.cloze(pca)[1] == "orthogonal components"
    pdf = _term("Probability density function", "A function describing a continuous random variable, where the "
                "probability of a value falling in an interval equals the area under the function there.")
    assert card_text.cloze(pdf)[1] == "continuous random"  # not "probability", which the title shows
    named = _term("Data drift", "A change in the distribution of drift data over time.")
    assert card_text.cloze(named)[1] == "distribution"  # "drift data": the title gives it away
    smote = _term("SMOTE", "A resampling technique that makes synthetic minority samples by interpolation.")
    assert card_text.cloze(smote)[1] == "makes synthetic minority samples"
    assert card_text.cloze(_term("X", "A the of it.")) is None
    assert card_text.cloze(_term("X", "Something {{c1::odd}} that holds braces.")) is None


def test_mask_hides_every_name_and_plural_and_nothing_else():
    fit = _term("fit()", "Method of an estimator that learns; fit computes each feature's mean.")
    assert card_text.mask(fit.summary, fit) == "Method of an estimator that learns; ____ computes each feature's mean."
    epoch = _term("Epoch", "One complete pass over the data; training usually runs for many epochs.")
    assert card_text.mask(epoch.summary, epoch).endswith("runs for many ____.")
    mllib = _term("MLlib", "Spark's library; its RDD-based API (spark.mllib) is in maintenance mode.",
                  aliases=["spark.mllib"])
    assert card_text.mask(mllib.summary, mllib) == "Spark's library; its RDD-based API (____) is in maintenance mode."
    assert card_text.mask(labelled_summary(epoch), epoch).count(card_text.MASK) == 1
