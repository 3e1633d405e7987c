"""The build's editorial lint of its inputs: house style, spelling, hidden titles, URLs and passed dates.

Warnings, not errors (except where a lint says so): the build report lists
each with its file and line, and what to do.
"""

from __future__ import annotations

from pathlib import Path

from mlterms.checks import dated_report, notes_lint, summary_lint, url_lint
from mlterms.errors import Problem
from mlterms.glossary import dated
from mlterms.glossary.curate import Glossary
from mlterms.glossary.curation_file import read_lined_yaml
from mlterms.glossary.inputs import Source, display_path


def lint(source: Source, glossary: Glossary,
         definitions: Path | None = None) -> tuple[list[Problem], dict[str, int]]:
    """The build's editorial checks: summaries against the house style, spelling and hidden titles in the
    notes; and in the definitions file, its URLs (url_lint), every event date that has passed and every
    date written as words (dated_report)."""
    problems, counts = summary_lint.check_glossary(glossary)
    if definitions is not None and definitions.exists():
        data = read_lined_yaml(definitions, "definitions")
        where = display_path(definitions)
        url_problems = url_lint.check(data, where)
        passed = dated_report.passed(data, where, dated.build_date())
        worded = dated_report.worded(data, where)
        problems += url_problems + passed + worded
        counts.update(url_problems=len(url_problems), dated_statements_passed=len(passed),
                      dates_in_words=len(worded))
    fixed_titles = {t for term in glossary.terms for t in term.notes_titles}
    cur = source.curation
    problems += notes_lint.spelling(source.text, source.notes_path, cur.corrections, cur.words, fixed_titles)
    problems += notes_lint.hidden_titles(source.notes, source.text, source.notes_path)
    counts["notes_warnings"] = len(problems) - sum(1 for p in problems if p.group == "curation")
    return problems, counts
