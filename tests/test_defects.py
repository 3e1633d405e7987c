"""The defects issue 22 reproduced, one test each (each failed against the code before its fix)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT


def test_a_200_kb_word_goes_through_generate_and_lint_whole():
    """A notes line of one 200 KB word (each shape the worst case of one pattern) finishes and reaches its page.

    Not a timed test: the old patterns (the lint's digit-word mask, the line
    shape's number row) backtracked in the square of the length, about 300 s for
    one such word; the generous timeout only stops a run that would not end.
    The time of a 1 MB word is a `make bench` figure.
    """
    try:
        proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "long_line.py"), "200000"],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
    except subprocess.TimeoutExpired:
        raise AssertionError("generate + lint of 200 KB words did not finish in 120 s") from None
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    assert result["terms"] == 5
    assert all(result["whole"].values()), result["whole"]


def test_running_a_snippet_again_rewrites_its_output_byte_for_byte(tmp_path):
    """Re-running the examples (`build.py --fresh`) leaves the committed outputs as they were.

    The snippet sleeps on its first run only, so the two runs' wall-clock times
    differ: they go to the untracked timings file, not into the output folder
    (run.json kept ``seconds``, and re-running dirtied every tracked run.json).
    """
    from mlterms.examples import snippets
    marker = tmp_path / "ran-once"
    source = tmp_path / "sleeps_on_first_run.py"
    source.write_text(f'# terms: outlier\n"""Sleeps on its first run only."""\nimport os\nimport time\n\n'
                      f'if not os.path.exists({str(marker)!r}):\n    open({str(marker)!r}, "w").close()\n'
                      f'    time.sleep(0.5)\nprint("the same output every run")\n', encoding="utf-8")
    snippet, problems = snippets.load_snippet(source)
    assert snippet is not None, problems
    timings = tmp_path / "cache" / "seconds.json"
    stored = []
    for run in range(2):
        outputs = tmp_path / "outputs"
        counts, problems = snippets.refresh([snippet], outputs, fresh=True, timings=timings)
        assert counts["snippets_run"] == 1 and not problems, problems
        stored.append({p.relative_to(outputs).as_posix(): p.read_bytes() for p in outputs.rglob("*") if p.is_file()})
        if run == 0:
            first_seconds = snippets.last_seconds(timings)[snippet.name]
    assert stored[0] == stored[1]
    assert snippets.read_output(snippet, outputs).stdout == "the same output every run\n"
    assert first_seconds >= 0.5 and snippet.name in snippets.last_seconds(timings)  # the times are kept apart


@pytest.mark.parametrize("command, says", [
    ([sys.executable, "-m", "codespell_lib_not_installed"], "No module named codespell_lib_not_installed"),
    (["/nonexistent/bin/codespell"], "could not be started"),
    ([sys.executable, "-c", "raise SystemExit('codespell crashed on this input')"], "crashed on this input"),
], ids=["module-missing", "binary-missing", "crash"])
def test_a_spelling_check_that_cannot_run_is_a_warning_not_silence(monkeypatch, command, says):
    """codespell missing or crashing used to give no misspellings and no word about it."""
    from mlterms.checks import notes_lint
    text = "Outlier\nA data point that is noticably different from the rest.\n"
    found = notes_lint.spelling(text, "notes.txt", {}, set(), set())
    assert [p.line for p in found] == [2]  # the real codespell runs and finds "noticably"
    monkeypatch.setattr(notes_lint, "CODESPELL", command)
    (problem,) = notes_lint.spelling(text, "notes.txt", {}, set(), set())
    assert problem.severity == "warning" and problem.path == "notes.txt"
    assert str(problem).startswith("notes.txt: warning: the spelling check did not run: codespell ")
    assert says in problem.message and "make install" in problem.hint


def test_a_curated_slug_that_is_no_slug_is_an_error_naming_the_curation_line(tmp_path):
    """A slug "tag:statistics" would take the id of the map's tag node (and "a/b" another path): refused."""
    from mlterms.errors import GlossaryError
    from mlterms.glossary.inputs import Inputs, load_glossary
    notes = tmp_path / "notes.txt"
    notes.write_text("Outlier\nA data point far from the rest.\n\nMedian\nThe middle value.\n", encoding="utf-8")
    curation = tmp_path / "curation.yml"
    curation.write_text("terms:\n  Outlier: {slug: e0}\n  Median: {slug: 'tag:statistics'}\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(Inputs.locate(str(notes)), None)
    (problem,) = caught.value.problems
    assert str(problem) == (f"{curation}:3: error: the slug 'tag:statistics' of 'Median' is not lower-case letters "
                            "and digits joined by hyphens (fix: write it as 'tag-statistics')")


@pytest.mark.parametrize("slugs", [["outlier", "outlier"], ["outlier", "median", "outlier"]])
def test_a_compare_group_naming_a_term_twice_is_an_error_at_its_line(tmp_path, slugs):
    """A group [outlier, outlier] once rendered ": They differ in size." with no name on Outlier's page."""
    from mlterms.errors import CurationError
    from mlterms.glossary.inputs import Inputs, load_glossary
    notes = tmp_path / "notes.txt"
    notes.write_text("Outlier\nA data point far from the rest.\n\nMedian\nThe middle value.\n", encoding="utf-8")
    definitions = tmp_path / "definitions.yml"
    definitions.write_text(f"terms: {{}}\ncompare:\n  - terms: [{', '.join(slugs)}]\n"
                           "    difference: They differ in size.\n", encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        load_glossary(Inputs.locate(str(notes)), None)
    (problem,) = caught.value.problems
    assert str(problem) == (f"{definitions}:3: error: a compare group names 'outlier' more than once (fix: list "
                            "each term once: a compare group needs two or more different slugs)")


def test_a_both_ways_neighbour_is_kept_when_the_mentions_column_is_full():
    """Links out o0..o7, of which o6 and o7 also link back: both are drawn (MLflow once lost MLflow Models)."""
    from mlterms.outputs.term_graph import SIDE_LIMIT, neighbourhood
    out = [f"o{i}" for i in range(8)]
    hood = neighbourhood("me", out, ["i0", "o6", "o7"], [])
    assert hood.mentions == ["o0", "o1", "o2", "o6", "o7"] and len(hood.mentions) == SIDE_LIMIT  # page order
    assert hood.mutual == {"o6", "o7"} and hood.mentioned_by == ["i0"]
    many = neighbourhood("me", out, out, [])  # more both-ways links than fit: the rest among "Mentioned in"
    assert many.mentions == out[:5] and many.mentioned_by == out[5:]


def test_mlflow_shows_mlflow_models_both_ways(built_site):
    html = (built_site / "terms" / "mlflow" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="MLflow Models (mentions and is mentioned by MLflow)"' in html
