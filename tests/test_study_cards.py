"""study/cards.json's build-time parts (scripts/mlterms/outputs/study_cards.py): the quiz's near-duplicates,
compare lines with their sources (a card's cloze and masked definition: test_card_text.py); and the plot
style in plotting snippets' keys."""

from __future__ import annotations

from mlterms.examples import snippets

from mlterms.examples import plot_style as snippets_style

from mlterms.outputs import study_cards
from mlterms.glossary.curate import Term
from mlterms.glossary.inputs import Inputs, load_glossary

from conftest import ROOT


def _term(slug: str, title: str, summary: str, **more) -> Term:
    return Term(slug=slug, title=title, definitions=[], summary=summary, **more)


def test_near_duplicates_are_never_each_others_wrong_answers():
    glossary = load_glossary(Inputs.locate(), None)
    avoid = study_cards.avoid(glossary)
    # the pairs the issue found side by side in the quiz were merged (their old slugs redirect); the
    # near-duplicates that stay apart are never each other's wrong answer
    assert "data-encoding" not in avoid and "scaling-numeric-features" not in avoid
    assert "stratification-technique" in avoid["stratified-sampling"]
    assert "mlflow-experiment" in avoid["ml-experiment"]
    assert "one-hot-encoding" in avoid["encoding-categorical-variables"]
    assert "clustering" in avoid["k-means-clustering"]
    # but not every term sharing a word: two kinds of clustering are fair options for each other
    assert "hierarchical-clustering" not in avoid["k-means-clustering"]
    assert all(slug in avoid[other] for slug, others in avoid.items() for other in others)  # symmetric
    assert sum(map(len, avoid.values())) / len(avoid) < 3  # most terms keep their tag-mates as options


def test_compare_lines_carry_their_source():
    term = _term("bagging", "Bagging", "x.", compare=[(["boosting"], "Bagging trains in parallel.")])
    assert study_cards.compare_lines(term, {"Bagging trains in parallel.": "https://scikit-learn.org/e"}) == [
        {"others": ["boosting"], "difference": "Bagging trains in parallel.", "source": "https://scikit-learn.org/e"}]


def test_the_plot_style_is_part_of_a_plotting_snippets_key_only(tmp_path, monkeypatch):
    style = tmp_path / "matplotlibrc"
    style.write_text("figure.facecolor: none\n")
    monkeypatch.setattr(snippets_style, "PLOT_STYLE", style)
    plot, plain = tmp_path / "plot.py", tmp_path / "plain.py"
    plot.write_text("import matplotlib\n")
    plain.write_text("print(1)\n")
    made = {p.name: snippets.Snippet(p, [], "", []) for p in (plot, plain)}
    keys = {name: snippets.cache_key(s, "fingerprint") for name, s in made.items()}
    style.write_text("figure.facecolor: white\n")
    again = {name: snippets.cache_key(s, "fingerprint") for name, s in made.items()}
    assert keys["plot.py"] != again["plot.py"] and keys["plain.py"] == again["plain.py"]


def _every_pair(glossary) -> dict[str, list[str]]:
    """``avoid`` the slow way: every pair of terms compared."""
    out: dict[str, list[str]] = {t.slug: [] for t in glossary.terms}
    for i, term in enumerate(glossary.terms):
        for other in glossary.terms[i + 1:]:
            if study_cards.near_duplicates(term, other):
                out[term.slug].append(other.slug)
                out[other.slug].append(term.slug)
    return {slug: sorted(others, key=[t.slug for t in glossary.terms].index) for slug, others in out.items()}


def test_the_near_duplicates_compared_by_candidates_are_those_of_every_pair(tmp_path):
    """``avoid`` compares only pairs that share a name, enough words or a title's rarest word (all pairs took
    minutes at 5,000 terms): it finds what comparing every pair finds, on our notes and on synthetic ones,
    whose summaries share most of their words."""
    import sys
    sys.path.insert(0, str(ROOT / "scripts"))
    from synthetic_notes import generate
    ours = load_glossary(Inputs.locate(), None)
    assert study_cards.avoid(ours) == _every_pair(ours)
    notes, curation = generate(300, seed=3)
    (tmp_path / "notes.txt").write_text(notes, encoding="utf-8")
    (tmp_path / "curation.yml").write_text(curation, encoding="utf-8")
    synthetic = load_glossary(Inputs(tmp_path / "notes.txt", tmp_path / "curation.yml"), None)
    expected = _every_pair(synthetic)
    assert sum(map(len, expected.values())) > 300
    assert study_cards.avoid(synthetic) == expected
