"""The glossary for other programs: terms.csv for a spreadsheet, llms.txt for tools that read sites.

Both are written beside terms.json (whose rows they take) by the hook after
the build. Their columns and lines are documented in the README ("Data others
can use") and tested against the built site.
"""

from __future__ import annotations

import csv
from pathlib import Path

from mlterms.glossary.curate import a_to_z
from mlterms.glossary.lifecycle import labelled_row_summary
from mlterms.outputs.urls import public_url

CSV_COLUMNS = ["slug", "title", "summary", "tags", "aliases", "url", "learn_more", "added", "changed",
               "status", "status_since", "replaced_by", "status_source"]
LIST_SEPARATOR = " | "  # how a CSV cell holds a list (no term name or URL contains it)
LLMS_FILE = "llms.txt"


def write_csv(path: Path, terms: list[dict]) -> None:
    """terms.csv: the rows of terms.json; lists joined with " | ", unknown dates left empty."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for t in terms:
            writer.writerow([_cell(t.get(c)) for c in CSV_COLUMNS])


def _cell(value) -> str:
    """A list joined with " | "; a missing date (None) as an empty cell."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return "" if value is None else str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def llms_txt(terms: list[dict], site_name: str, site_url: str, description: str) -> str:
    """The llms.txt index (https://llmstxt.org): an H1, a one-line summary, then one line per term.

    Each line is ``- [Title](absolute URL): one-line definition``, in A–Z
    order; the machine-readable files follow under "Optional".
    """
    lines = [f"# {_one_line(site_name)}", "", f"> {_one_line(description)}", "",
             f"{len(terms)} terms, one page each. Each line below links a term's page and gives its "
             "one-line definition.", "", "## Terms", ""]
    for t in sorted(terms, key=lambda t: a_to_z(t["title"], t["slug"])):
        title = _one_line(t["title"]).replace("[", "(").replace("]", ")")
        lines.append(f"- [{title}]({public_url(site_url, t['url'])}): {_one_line(labelled_row_summary(t))}")
    lines += ["", "## Optional", "",
              f"- [terms.json]({public_url(site_url, 'terms.json')}): every term with its tags, aliases and links "
              f"(JSON Schema: {public_url(site_url, 'data/terms.schema.json')})",
              f"- [terms.csv]({public_url(site_url, 'terms.csv')}): the same rows for a spreadsheet", ""]
    return "\n".join(lines)
