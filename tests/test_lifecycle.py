"""Lifecycle (status of a term), dates as data (tense by the build date) and the offline URL lint."""

from __future__ import annotations

import csv
import html
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from mlterms.glossary import dated
from mlterms.checks import lifecycle_check
from mlterms.checks import url_lint
from mlterms.glossary.curation_file import read_lined_yaml
from mlterms.glossary.definitions import load_definitions
from mlterms.errors import CurationError
from mlterms.glossary.lifecycle import labelled_summary, lifecycle_label


def _load(tmp_path: Path, text: str):
    path = tmp_path / "definitions.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _messages(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(CurationError) as info:
        load_definitions(_load(tmp_path, text))
    return [f"{p.line}: {p.message}" for p in info.value.problems]


# --- lifecycle data: every bad entry fails at its line --------------------------------------------

BAD_LIFECYCLE = """terms:
  a:
    status: obsolete
    status_source: https://learn.microsoft.com/x
  b:
    status: deprecated
    since: '2025-13-40'
    status_source: https://learn.microsoft.com/x
  c:
    status: retired
  d:
    status: deprecated
    status_source: https://example.com/retired
  e:
    since: 2025-01-01
  f:
    summary: 'Support {ends: 2026-02-31}.'
"""


def test_bad_lifecycle_entries_fail_with_the_line_to_fix(tmp_path):
    found = _messages(tmp_path, BAD_LIFECYCLE)
    assert any(m.startswith("3: status of 'a' is 'obsolete'") for m in found), found
    assert any(m.startswith("7: since of 'b'") for m in found), found
    assert any(m.startswith("10: 'c' is retired but gives no status_source") for m in found), found
    assert any(m.startswith("13: status_source of 'd'") and "allow-list" not in m and "official" in m
               for m in found), found
    assert any(m.startswith("15: 'e' is current but has since") for m in found), found
    assert any(m.startswith("17: summary of 'f'") and "2026-02-31" in m for m in found), found


def test_an_impossible_unquoted_date_is_a_located_error_not_a_traceback(tmp_path):
    # YAML itself turns 2025-13-40 into a date and fails (was: a bare ValueError from yaml's constructor).
    assert _messages(tmp_path, "terms:\n  b:\n    status: deprecated\n    since: 2025-13-40\n") == [
        "4: not a real date (month must be in 1..12)"]


def test_a_good_lifecycle_entry_reaches_the_term_and_every_label(tmp_path):
    path = _load(tmp_path, "terms:\n  x:\n    status: deprecated\n    since: 2025-03-31\n"
                           "    status_note: 'support {ends: 2026-06-30}'\n    replaced_by: SDK v2\n"
                           "    replaced_by_url: https://learn.microsoft.com/en-us/azure/machine-learning/concept-v2\n"
                           "    status_source: https://learn.microsoft.com/en-us/azure/machine-learning/x\n")
    text = load_definitions(path).terms["x"]
    assert (text.status, text.since, text.replaced_by) == ("deprecated", "2025-03-31", "SDK v2")

    class Term:  # what apply_definitions sets on curate.Term
        status, status_since, replaced_by, status_note, summary = "deprecated", "2025-03-31", "SDK v2", \
            dated.render(text.status_note, date(2026, 12, 6)), "A class."
    assert lifecycle_label(Term) == "Deprecated since 31 March 2025 · support ended on 30 June 2026 · replaced by SDK v2"
    assert labelled_summary(Term) == "Deprecated since 31 March 2025: A class."


def test_a_replacement_that_is_neither_our_slug_nor_has_a_url_fails_when_applied(tmp_path):
    from mlterms.glossary.curate import Glossary, Term
    from mlterms.glossary.definitions import apply_definitions
    defs = load_definitions(_load(tmp_path, "terms:\n  x:\n    status: legacy\n    replaced_by: nowhere\n"
                                            "    status_source: https://learn.microsoft.com/x\n"))
    glossary = Glossary([Term("x", "X", [])], None, [], None, [], {}, [])
    with pytest.raises(CurationError, match="replaced_by of 'x' is 'nowhere'"):
        apply_definitions(glossary, defs, today=date(2026, 12, 6))


def test_our_lifecycle_data_names_the_terms_the_issue_lists():
    defs = load_definitions(ROOT / "notes" / "definitions.yml")
    status = {slug: t.status for slug, t in defs.terms.items()}
    for slug in ["petastorm", "horovod", "horovodrunner", "hyperopt", "automated-mlflow-tracking", "scriptrunconfig",
                 "azure-ml-run", "databricksstep", "pfiexplainer", "mimicexplainer", "tabularexplainer",
                 "deployment-targets", "inference-clusters", "authentication-with-azure-ad"]:
        assert status[slug] != "current", slug
        assert defs.terms[slug].status_source.startswith("https://"), slug


# --- dates as data: the tense follows the calendar ------------------------------------------------

def test_an_event_reads_in_the_future_before_its_date_and_in_the_past_from_it():
    text = "SDK v1 support {ends: 2026-06-30}; MLproject support {retires: 2026-09}."
    assert dated.render(text, date(2026, 6, 29)) == ("SDK v1 support ends on 30 June 2026; "
                                                      "MLproject support is retired in September 2026.")
    assert dated.render(text, date(2026, 6, 30)) .startswith("SDK v1 support ended on 30 June 2026")
    assert dated.render(text, date(2026, 9, 30)).endswith("was retired in September 2026.")
    assert dated.render(text, date(2026, 9, 29)).endswith("is retired in September 2026.")


def test_mlterms_today_sets_the_build_date_and_a_bad_value_says_so(monkeypatch):
    monkeypatch.setenv(dated.TODAY_VARIABLE, "2031-01-02")
    assert dated.build_date() == date(2031, 1, 2)
    monkeypatch.setenv(dated.TODAY_VARIABLE, "tomorrow")
    with pytest.raises(ValueError, match="MLTERMS_TODAY"):
        dated.build_date()


NOTES = "Widget\nA thing that does widget work.\n"
DEFS = ("terms:\n  widget:\n    summary: A thing that does widget work.\n"
        "    note: 'Widget support {ends: 2026-06-30}.'\n    note_source: https://learn.microsoft.com/en-us/x\n")


@pytest.mark.parametrize("today, phrase", [("2026-07-01", "Widget support ended on 30 June 2026."),
                                           ("2026-06-01", "Widget support ends on 30 June 2026.")])
def test_a_build_writes_the_tense_of_its_date(tmp_path, today, phrase):
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    (tmp_path / "definitions.yml").write_text(DEFS, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build("--notes", str(tmp_path / "notes.txt"), "--definitions", str(tmp_path / "definitions.yml"),
                       "--site-dir", str(site), env={dated.TODAY_VARIABLE: today})
    assert result.returncode == 0, result.stdout + result.stderr
    page = html.unescape((site / "terms" / "widget" / "index.html").read_text(encoding="utf-8"))
    assert phrase in page and "{ends" not in page
    # The report lists the passed event at its line, only once its date has passed.
    assert ("definitions.yml:4: warning: note of 'widget': the event {ends: 2026-06-30} has passed"
            in result.stdout) == today.startswith("2026-07")


def _passed_warnings(tmp_path, checked: str, today: str, monkeypatch) -> list[str]:
    """The report's warnings for a term whose note names two events, {deprecates: 2025-03-31} and
    {ends: 2026-06-30}, with ``events_checked: <checked>`` (none when empty), built on ``today``."""
    monkeypatch.setenv(dated.TODAY_VARIABLE, today)
    text = ("terms:\n  widget:\n    summary: A thing that does widget work.\n"
            + (f"    events_checked: {checked}\n" if checked else "")
            + "    note: 'Widget {deprecates: 2025-03-31}; its support {ends: 2026-06-30}.'\n"
            "    note_source: https://learn.microsoft.com/en-us/x\n")
    path = tmp_path / "definitions.yml"
    path.write_text(text, encoding="utf-8")
    import yaml
    from mlterms.checks import dated_report
    return [p.message for p in dated_report.passed(yaml.safe_load(text), str(path), dated.build_date())]


def test_events_checked_quiets_the_events_passed_by_then_and_not_those_that_pass_later(tmp_path, monkeypatch):
    assert len(_passed_warnings(tmp_path, "", "2026-12-08", monkeypatch)) == 2
    assert _passed_warnings(tmp_path, "2026-12-08", "2026-12-08", monkeypatch) == []
    # Checked in May 2026: the deprecation was checked, the end of support (30 June) not yet.
    later = _passed_warnings(tmp_path, "2026-05-02", "2026-12-08", monkeypatch)
    assert len(later) == 1 and "{ends: 2026-06-30} has passed" in later[0]


@pytest.mark.parametrize("checked", ["2026-12-09", "2026-12", "'soon'"])
def test_events_checked_must_be_a_day_from_the_past(tmp_path, monkeypatch, checked):
    monkeypatch.setenv(dated.TODAY_VARIABLE, "2026-12-08")
    path = tmp_path / "definitions.yml"
    path.write_text("terms:\n  widget:\n    summary: A thing that does widget work.\n"
                    f"    events_checked: {checked}\n", encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        load_definitions(path)
    assert "definitions.yml:4" in str(caught.value) and "events_checked of 'widget'" in str(caught.value)
    assert "today or earlier" in str(caught.value)


# --- the offline URL lint -----------------------------------------------------------------------

BAD_URLS = """terms:
  a:
    learn_more:
    - https://learn.microsoft.com/en-us/fil-ph/azure/databricks/reference/spark
    - https://pandas.pydata.org/docs/_sources/user_guide/missing_data.rst.txt
    - https://mlflow.org/docs/2.3.1
    - https://example.org/page
    - https://docs.databricks.com/tables/tables.html
    - https://docs.databricks.com/tables/tables/
  b:
    pinned_reason: the page about version 0.10 is the point
    learn_more:
    - https://fairlearn.org/v0.10/user_guide/mitigation/index.html
compare:
- terms: [a, b]
  difference: x
  source: https://learn.microsoft.com/en-us/azure/machine-learning/v1/how-to-network-security-overview
"""


def test_the_url_lint_fails_each_bad_url_at_its_line(tmp_path):
    data = read_lined_yaml(_load(tmp_path, BAD_URLS), "definitions")
    found = {(p.line, p.message.split(": ", 1)[1].split("'")[1]): p.message for p in url_lint.check(data, "d.yml")}
    lines = sorted(line for line, _ in found)
    assert lines == [4, 5, 6, 7, 9, 15], found  # 13: pinned with a reason; 8: the first of a duplicate pair
    assert "two locales" in found[(4, "https://learn.microsoft.com/en-us/fil-ph/azure/databricks/reference/spark")]
    assert "source file" in found[(5, "https://pandas.pydata.org/docs/_sources/user_guide/missing_data.rst.txt")]
    assert "pinned to version 2.3.1" in found[(6, "https://mlflow.org/docs/2.3.1")]
    assert "allow-list" in found[(7, "https://example.org/page")]
    assert "same page as 'https://docs.databricks.com/tables/tables.html' (line 8)" in \
        found[(9, "https://docs.databricks.com/tables/tables/")]
    assert "pinned to version v1" in found[(15, "https://learn.microsoft.com/en-us/azure/machine-learning/v1/"
                                                "how-to-network-security-overview")]


def test_our_definitions_pass_the_url_lint():
    data = read_lined_yaml(ROOT / "notes" / "definitions.yml", "definitions")
    assert [str(p) for p in url_lint.check(data, "notes/definitions.yml")] == []


def test_current_docs_urls_are_not_flagged():
    for url in ["https://docs.python.org/3/library/argparse.html", "https://scikit-learn.org/stable/modules/svm.html",
                "https://learn.microsoft.com/en-us/azure/machine-learning/how-to-deploy-online-endpoints"]:
        assert url_lint.url_faults(url) == [] and url_lint.pinned_version(url) is None, url


# --- every view of a non-current term shows its status --------------------------------------------

def test_a_deprecated_term_shows_its_status_in_every_view(built_site, site_terms):
    row = next(t for t in site_terms if t["slug"] == "scriptrunconfig")
    assert row["status"] == "deprecated" and row["status_since"] == "2025-03-31"
    assert row["status_source"].startswith("https://learn.microsoft.com/")
    page = html.unescape((built_site / "terms" / "scriptrunconfig" / "index.html").read_text(encoding="utf-8"))
    badge, definition = page.find('class="term-status'), page.find('class="term-definition"')
    assert 0 < page.find("<h1") < badge < definition  # beside the title, before the definition
    assert "Deprecated</strong> since 31 March 2025" in page[badge:definition]
    cards = {c["slug"]: c for c in json.loads((built_site / "study" / "cards.json").read_text(encoding="utf-8"))}
    assert cards["scriptrunconfig"]["summary"].startswith("Deprecated since 31 March 2025: ")
    assert cards["scriptrunconfig"]["status"].startswith("Deprecated since 31 March 2025 · support ended")
    assert cards["dataframe"]["status"] == "" and not cards["dataframe"]["summary"].startswith("Deprecated")
    nodes = {n["slug"]: n for n in json.loads((built_site / "map" / "graph.json").read_text(encoding="utf-8"))["nodes"]}
    assert nodes["petastorm"]["status"].startswith("Legacy") and "status" not in nodes["dataframe"]
    with (built_site / "terms.csv").open(encoding="utf-8", newline="") as f:
        assert {r["slug"]: r["status"] for r in csv.DictReader(f)}["hyperopt"] == "deprecated"
    assert "/terms/horovod/): Deprecated: " in (built_site / "llms.txt").read_text(encoding="utf-8")


def test_the_site_check_finds_a_view_that_drops_the_status(built_site, tmp_path):
    from mlterms.glossary.inputs import Inputs, load_glossary
    glossary = load_glossary(Inputs.locate(), None)
    assert lifecycle_check.check_site(built_site, glossary) == []
    site = tmp_path / "site"
    shutil.copytree(built_site / "study", site / "study")
    cards = json.loads((site / "study" / "cards.json").read_text(encoding="utf-8"))
    for card in cards:  # the old cards.json: the bare summary
        card["summary"] = glossary.by_slug[card["slug"]].summary
    (site / "study" / "cards.json").write_text(json.dumps(cards), encoding="utf-8")
    found = lifecycle_check.check_site(site, glossary)
    assert any("study/cards.json shows 'ScriptRunConfig' (deprecated) without its status" in p.message for p in found)


def test_a_date_written_in_words_is_reported_and_a_token_is_not(tmp_path):
    from mlterms.checks import dated_report
    data = read_lined_yaml(_load(tmp_path, "terms:\n  a:\n    note: 'Support ends on June 30, 2026.'\n"
                                           "  b:\n    note: 'Support {ends: 2026-06-30}.'\n"
                                           "  c:\n    summary: A thing retired in September 2026.\n"), "definitions")
    found = [(p.line, p.message) for p in dated_report.worded(data, "d.yml")]
    assert found == [(3, "note of 'a' writes the date 'June 30, 2026' as words"),
                     (7, "summary of 'c' writes the date 'September 2026' as words")]


def test_our_definitions_write_every_event_date_as_data():
    from mlterms.checks import dated_report
    data = read_lined_yaml(ROOT / "notes" / "definitions.yml", "definitions")
    assert [str(p) for p in dated_report.worded(data, "notes/definitions.yml")] == []
