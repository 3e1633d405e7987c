"""scripts/build.py end to end on the real notes: pages, terms.json, report, atomic output."""

from __future__ import annotations

import json
import re

from conftest import run_build
from mlterms.glossary.lifecycle import labelled_row_summary

TERM_FIELDS = {"slug", "title", "url", "aliases", "tags", "summary", "source_lines", "snippets", "learn_more",
               "added", "changed", "dates_note", "status", "status_since", "replaced_by", "replaced_by_url",
               "status_source", "other_names"}


def test_one_page_per_term_and_terms_json(built_site, site_terms):
    pages = {p.parent.name for p in (built_site / "terms").glob("*/index.html")
             if "<title>Redirecting...</title>" not in p.read_text(encoding="utf-8")}
    assert len(site_terms) >= 180
    assert pages == {t["slug"] for t in site_terms}
    for term in site_terms:
        assert set(term) == TERM_FIELDS
        assert term["url"] == f"terms/{term['slug']}/"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", term["slug"])
        assert term["summary"] and term["source_lines"] == sorted(term["source_lines"])
        assert 1 <= len(term["tags"]) <= 3, term["slug"]


def test_every_term_page_has_title_tags_summary_and_source_line(built_site, site_terms):
    for term in site_terms:
        html = (built_site / term["url"] / "index.html").read_text(encoding="utf-8")
        assert '<meta name="description"' in html
        assert "Source: notes line" in html
        card = built_site / "assets" / "images" / "social" / "terms" / f"{term['slug']}.png"
        assert card.stat().st_size > 5000, f"no social card for {term['slug']}"
        assert 'og:image" content="' in html and f"social/terms/{term['slug']}.png" in html
        for tag in term["tags"]:
            assert f">{tag}<" in html or f"{tag}</span>" in html


def test_index_pages_exist_and_link_every_term(built_site, site_terms):
    az = (built_site / "terms" / "index.html").read_text(encoding="utf-8")
    for term in site_terms:
        assert f'href="{term["slug"]}/"' in az, term["slug"]
    for page in ["index.html", "tags/index.html", "resources/index.html", "about/index.html"]:
        assert (built_site / page).is_file()


def test_report_prints_counts_and_phase_times(build_output, build_report):
    """The session's build of our notes (built_site): what it printed, and its --json report."""
    assert re.search(r"terms \d+ · tags \d+", build_output)
    assert re.search(r"seconds: generate [\d.]+ · .*mkdocs [\d.]+", build_output)
    assert build_report["ok"] is True and build_report["counts"]["terms"] >= 180


def test_failed_build_keeps_the_previous_site(tmp_path):
    site = tmp_path / "site"
    notes = tmp_path / "notes.txt"
    notes.write_text("Outlier\nA data point.\n", encoding="utf-8")
    assert run_build("--notes", str(notes), "--site-dir", str(site)).returncode == 0
    before = (site / "terms.json").read_text()
    notes.write_bytes(b"Outlier\n\xff\n")
    result = run_build("--notes", str(notes), "--site-dir", str(site))
    assert result.returncode == 1
    assert (site / "terms.json").read_text() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]


def test_other_notes_file_leaves_tracked_files_alone(tmp_path):
    import subprocess
    from conftest import ROOT
    notes = tmp_path / "notes.txt"
    notes.write_text("Outlier\nA data point.\n\nCovariance\nRelation between variables.\n", encoding="utf-8")
    before = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    result = run_build("--notes", str(notes), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout
    after = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    assert before == after
    assert [t["slug"] for t in json.loads((tmp_path / "site" / "terms.json").read_text())] == ["covariance", "outlier"]


def test_term_pages_and_the_index_carry_schema_org_data_a_parser_reads_back(built_site, site_terms):
    """JSON-LD in the page head, read back with extruct: a DefinedTerm per term, the DefinedTermSet on the A–Z."""
    import extruct
    base = "http://127.0.0.1/"
    for term in site_terms:
        html = (built_site / term["url"] / "index.html").read_text(encoding="utf-8")
        [data] = extruct.extract(html, base_url=base, syntaxes=["json-ld"])["json-ld"]
        assert data["@type"] == "DefinedTerm" and data["name"] == term["title"], term["slug"]
        assert data["description"] == labelled_row_summary(term)  # "Deprecated since …: …" when not current
        assert data["url"].endswith(f"/terms/{term['slug']}/") and data["inDefinedTermSet"]["@id"].endswith("/terms/#glossary")
        assert data["@id"] == data["url"] + "#term"
        assert data.get("alternateName", []) == term["aliases"] + [o["name"] for o in term["other_names"]]
    html = (built_site / "terms" / "index.html").read_text(encoding="utf-8")
    [term_set] = extruct.extract(html, base_url=base, syntaxes=["json-ld"])["json-ld"]
    assert term_set["@type"] == "DefinedTermSet"
    assert {t["name"] for t in term_set["hasDefinedTerm"]} == {t["title"] for t in site_terms}


def test_terms_json_validates_against_its_schema_and_the_csv_has_a_row_per_term(built_site, site_terms):
    import csv

    import jsonschema
    from conftest import ROOT
    schema = json.loads((ROOT / "docs" / "data" / "terms.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(site_terms, schema)
    assert int(schema["version"].split(".")[0]) >= 2  # the format is versioned (2: dates added)
    for term in site_terms:  # snippet paths are site paths too
        assert all((built_site / rel).is_file() for rel in term["snippets"]), term["slug"]
    assert (built_site / "data" / "terms.schema.json").is_file()  # published beside the data
    with (built_site / "terms.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    # Every column is a field of terms.json, cell for cell: lists joined with " | ", unknown dates empty.
    assert set(reader.fieldnames) >= {"slug", "title", "summary", "tags", "aliases", "url", "learn_more", "added",
                                      "changed"} and set(reader.fieldnames) <= set(site_terms[0])
    assert [r["slug"] for r in rows] == [t["slug"] for t in site_terms]
    for row, term in zip(rows, site_terms):
        expected = {c: " | ".join(term[c]) if isinstance(term[c], list) else "" if term[c] is None else str(term[c])
                    for c in reader.fieldnames}
        assert row == expected, term["slug"]
    for column in ["aliases", "learn_more", "tags"]:  # none of them empty all the way down
        assert any(row[column] for row in rows), column
    broken = [dict(site_terms[0], slug="Not A Slug")]
    with __import__("pytest").raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_llms_txt_has_one_line_per_term_linking_its_page_with_its_definition(built_site, site_terms):
    import re
    text = (built_site / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith("# ML Terms\n\n> ")  # llmstxt.org: an H1, then a blockquote summary
    lines = [line for line in text.splitlines() if re.match(r"- \[.+\]\(https?://[^)]+/terms/[a-z0-9-]+/\): ", line)]
    assert len(lines) == len(site_terms)
    by_url = {t["url"]: t for t in site_terms}
    for line in lines:
        url, summary = re.match(r"- \[.+\]\(https?://[^/]+/(terms/[a-z0-9-]+/)\): (.+)$", line).groups()
        assert " ".join(labelled_row_summary(by_url.pop(url)).split()) == summary
    assert not by_url


def test_the_link_check_follows_root_links_of_a_site_served_under_a_sub_path(tmp_path):
    """A GitHub Pages project site lives at /<repo>/: its 404 page links from the host's root."""
    from mlterms.checks import linkcheck
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "app.css").write_text("body {}", encoding="utf-8")
    (site / "index.html").write_text('<a href="assets/app.css">ok</a>', encoding="utf-8")
    (site / "404.html").write_text('<a href="/glossary/assets/app.css">a</a> <a href="/glossary/">home</a> '
                                   '<a href="/glossary/gone/">gone</a>', encoding="utf-8")
    report = linkcheck.check(site, "https://example.org/glossary/")
    assert [p.message.split(":")[0] for p in report.problems] == ["broken link gone"]
    assert [p.path for p in report.problems] == ["site/404.html"]
