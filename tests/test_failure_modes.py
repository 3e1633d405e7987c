"""Every way the build can fail says where and why, exits non-zero, and leaves no half-built site.

(Bad notes files, bad curation and failing snippets have their own tests in
test_inputs.py, test_curation.py and test_snippets.py; these are the site-level faults.)
"""

from __future__ import annotations

import json

import pytest

from conftest import build_in, isolated_repo


def _about(repo, extra: str) -> None:
    about = repo / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n" + extra + "\n", encoding="utf-8")


def _assert_failed_cleanly(result, site) -> None:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "Result: FAILED" in result.stdout
    assert not site.exists()


@pytest.fixture(scope="module")
def broken_links(tmp_path_factory):
    """One build of a copy whose about page links to a missing page and to a missing anchor.

    mkdocs reports every bad link of a build (strict mode stops at the end), so the two tests below
    read one failed build instead of building the whole site twice; each asserts its own message.
    """
    tmp = tmp_path_factory.mktemp("broken-links")
    repo = isolated_repo(tmp)
    _about(repo, "See [a term that is gone](terms/no-such-term.md).")
    _about(repo, "See [its example](terms/percentile.md#no-such-section).")
    return build_in(repo, "--site-dir", str(tmp / "site")), tmp / "site"


def test_link_to_a_missing_page(broken_links):
    result, site = broken_links
    _assert_failed_cleanly(result, site)
    assert "docs/about.md: error: Doc file 'about.md' contains a link 'terms/no-such-term.md'" in result.stdout


def test_link_to_a_missing_anchor(broken_links):
    result, site = broken_links
    _assert_failed_cleanly(result, site)
    # its own error line: the missing page's error also names docs/about.md
    assert [ln for ln in result.stdout.splitlines() if "docs/about.md: error:" in ln and "#no-such-section" in ln]


def test_raw_html_anchor_mkdocs_cannot_see_is_caught_by_the_link_check(tmp_path):
    repo = isolated_repo(tmp_path)
    _about(repo, '<p><a href="../terms/percentile/#no-such-anchor">raw</a> and '
                 '<a href="../terms/nothing-here/">gone</a></p>')
    result = build_in(repo, "--site-dir", str(tmp_path / "site"), "--json", str(tmp_path / "r.json"))
    _assert_failed_cleanly(result, tmp_path / "site")
    assert "site/about/index.html" in result.stdout
    assert "error: missing anchor terms/percentile#no-such-anchor: Cannot find fragment" in result.stdout
    assert "broken link terms/nothing-here" in result.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    assert {p["group"] for p in report["problems"] if p["severity"] == "error"} == {"links"}


def _curate_covariance(repo, settings: str) -> int:
    """Give Covariance other settings in the copy's curation file; returns that line's number."""
    curation = repo / "notes" / "curation.yml"
    text = curation.read_text(encoding="utf-8").replace("Covariance: {tags: [statistics]}", f"Covariance: {settings}")
    curation.write_text(text, encoding="utf-8")
    return next(n for n, ln in enumerate(text.splitlines(), 1) if ln.strip().startswith("Covariance:"))


def test_unknown_tag_names_the_curation_line(tmp_path):
    repo = isolated_repo(tmp_path)
    line = _curate_covariance(repo, "{tags: [statistcs]}")
    result = build_in(repo, "--site-dir", str(tmp_path / "site"))
    _assert_failed_cleanly(result, tmp_path / "site")
    assert f"notes/curation.yml:{line}: error: unknown tag 'statistcs' for 'Covariance'" in result.stdout


def test_two_terms_with_one_slug(tmp_path):
    repo = isolated_repo(tmp_path)
    line = _curate_covariance(repo, "{slug: outlier, tags: [statistics]}")
    result = build_in(repo, "--site-dir", str(tmp_path / "site"))
    _assert_failed_cleanly(result, tmp_path / "site")
    assert f"notes/curation.yml:{line}: error: two terms get the slug 'outlier'" in result.stdout


def _forget_in_definitions(repo, slug: str) -> None:
    """Drop a term's editor's text and its compare groups from the copy's definitions file, and its
    other names and abbreviations from the copy's names crosswalk."""
    import yaml
    path = repo / "notes" / "definitions.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["terms"][slug]
    data["compare"] = [g for g in data["compare"] if slug not in g["terms"]]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    path = repo / "notes" / "crosswalk.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["terms"].pop(slug, None)
    data["abbreviations"] = [a for a in data.get("abbreviations") or [] if a["term"] != slug]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_published_url_that_disappears_fails_until_it_redirects(tmp_path):
    repo = isolated_repo(tmp_path)
    notes = repo / "notes" / "ml-terms.txt"
    text = notes.read_text(encoding="utf-8")
    block = text[text.index("Covariance\n"):text.index("Model explainers\n")]
    notes.write_text(text.replace(block, ""), encoding="utf-8")  # the term leaves the notes
    (repo / "snippets" / "covariance.py").unlink()
    curation = repo / "notes" / "curation.yml"
    cur = curation.read_text(encoding="utf-8").replace("  Covariance: {tags: [statistics]}\n", "")
    curation.write_text(cur, encoding="utf-8")
    _forget_in_definitions(repo, "covariance")
    result = build_in(repo, "--site-dir", str(tmp_path / "site"))
    _assert_failed_cleanly(result, tmp_path / "site")
    manifest_line = next(n for n, ln in enumerate(
        (repo / "notes" / "published-urls.txt").read_text().splitlines(), 1) if ln == "terms/covariance/")
    assert (f"notes/published-urls.txt:{manifest_line}: error: the published URL /terms/covariance/ "
            "no longer exists") in result.stdout
    curation.write_text(cur.replace("Correlation measurement: {tags: [statistics], aliases: [correlation]}",
                                    "Correlation measurement: {tags: [statistics], aliases: [correlation], "
                                    "old_slugs: [covariance]}"), encoding="utf-8")
    result = build_in(repo, "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout
    assert "correlation-measurement/" in (tmp_path / "site" / "terms" / "covariance" / "index.html").read_text()
