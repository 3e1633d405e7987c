"""Real dates, What's new and the Atom feed, from a real git repository with commits at known dates.

One small notes file (with its curation and definitions files) is committed
seven times at fixed dates; scripts/build.py builds it for real, once from the
full history (with one change left uncommitted) and once from a shallow clone.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import article_text, run_build
from mlterms import history
from mlterms.glossary.curate import curate
from mlterms.glossary.curation_file import check_curation, read_lined_yaml
from mlterms.notes.parse import parse
from mlterms.record import records_of

ATOM_RNG = Path(__file__).parent / "data" / "atom.rng"
ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/"

NOTES = """Model evaluation terms

Rating & reviews (0 reviews)
Study notes

Holdout set
Data kept apart from training to estimate how a model does on new data.
It is never used to fit the model.

Feature drift
A change over time in the distribution of a model's input features.

Decile
One of nine values that split sorted data into ten equal parts.
"""
CURATION = """terms:
  Holdout set: {tags: [model-evaluation]}
  Feature drift: {tags: [mlops]}
  Decile: {tags: [statistics]}
"""
DEFINITIONS = """terms:
  holdout-set:
    summary: Data kept apart from training to estimate how well a model does on data it has not seen.
"""

# (date, message, {file: (old, new) replacements, or None for the whole new text})
COMMITS = [
    ("2026-01-05T10:00:00+00:00", "Three terms", {"notes.txt": NOTES, "curation.yml": CURATION,
                                                  "definitions.yml": DEFINITIONS}),
    ("2026-02-10T09:30:00+00:00", "Holdout set: a definition line changes",
     {"notes.txt": ("It is never used to fit the model.", "It is never used to fit or tune the model.")}),
    ("2026-03-12T14:00:00+00:00", "Feature drift: an alias",
     {"curation.yml": ("Feature drift: {tags: [mlops]}", "Feature drift: {tags: [mlops], aliases: [covariate shift]}")}),
    ("2026-04-20T08:00:00+00:00", "A new term",
     {"notes.txt": ("ten equal parts.\n", "ten equal parts.\n\nQuintile\nOne of four values that split sorted data "
                                          "into five equal parts.\n"),
      "curation.yml": ("  Decile: {tags: [statistics]}\n", "  Decile: {tags: [statistics]}\n"
                                                           "  Quintile: {tags: [statistics]}\n")}),
    ("2026-05-15T12:00:00+00:00", "Decile is renamed",
     {"curation.yml": ("Decile: {tags: [statistics]}",
                       "Decile: {title: Decile rank, slug: decile-rank, old_slugs: [decile], tags: [statistics]}")}),
    ("2026-06-01T07:00:00+00:00", "A typo in the curation file",
     {"curation.yml": ("Quintile: {tags: [statistics]}", "Quintile: {tags: [statistics], colour: red}")}),
    ("2026-06-02T07:00:00+00:00", "The typo fixed",
     {"curation.yml": ("Quintile: {tags: [statistics], colour: red}", "Quintile: {tags: [statistics]}")}),
]
UNCOMMITTED = ("A change over time in the distribution", "A shift over time in the distribution")


def _git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def make_repo(repo: Path) -> list[str]:
    """The notes' git repository: COMMITS at their dates, then one uncommitted change. Returns the shas."""
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    shas = []
    for date, message, changes in COMMITS:
        for name, change in changes.items():
            path = repo / name
            if isinstance(change, str):
                path.write_text(change, encoding="utf-8")
            else:
                old, new = change
                text = path.read_text(encoding="utf-8")
                assert text.count(old) == 1, (name, old)
                path.write_text(text.replace(old, new), encoding="utf-8")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", message, date=date)
        shas.append(_git(repo, "rev-parse", "HEAD").strip())
    notes = repo / "notes.txt"
    notes.write_text(notes.read_text(encoding="utf-8").replace(*UNCOMMITTED), encoding="utf-8")
    return shas


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("history") / "notes-repo"
    return path, make_repo(path)


@pytest.fixture(scope="module")
def full_build(repo, tmp_path_factory):
    path, _ = repo
    site = tmp_path_factory.mktemp("history-site") / "site"
    result = run_build("--notes", str(path / "notes.txt"), "--site-dir", str(site), env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout


@pytest.fixture(scope="module")
def shallow_build(repo, tmp_path_factory):
    path, _ = repo
    base = tmp_path_factory.mktemp("shallow")
    clone = base / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{path}", str(clone)], check=True,
                   capture_output=True)
    site = base / "site"
    result = run_build("--notes", str(clone / "notes.txt"), "--site-dir", str(site), env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout


def _term_page(site: Path, slug: str) -> str:
    return article_text((site / "terms" / slug / "index.html").read_text(encoding="utf-8"))


def _date_line(site: Path, slug: str) -> str:
    html = (site / "terms" / slug / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<span class="term-date">(.*?)</span>', html)
    assert found, f"no date on the page of {slug}"
    return article_text(f"<article><p>{found.group(1)}</p></article>")


# --- term pages ---------------------------------------------------------------------------------


def test_each_term_page_shows_when_its_own_lines_last_changed(full_build):
    site, _ = full_build
    # A notes line of its definition changed on 10 February; its curation entry is older.
    assert _date_line(site, "holdout-set") == "Last changed 10 February 2026 (notes) · added 5 January 2026"
    # Only its curation entry changed since (the fixed typo, 2 June); added 20 April.
    assert _date_line(site, "quintile") == "Last changed 2 June 2026 (curation) · added 20 April 2026"
    # Renamed in the curation file: last changed then, and "added" follows it through the rename.
    assert _date_line(site, "decile-rank") == "Last changed 15 May 2026 (curation) · added 5 January 2026"


def test_a_line_changed_since_the_last_commit_says_not_yet_committed(full_build):
    site, _ = full_build
    line = _date_line(site, "feature-drift")
    assert line.startswith("Last changed: not yet committed (notes)")
    assert "last commit 12 March 2026 (curation)" in line  # the alias, the newest committed change


def test_terms_json_carries_the_dates_and_says_why_one_is_missing(full_build):
    site, _ = full_build
    terms = {t["slug"]: t for t in json.loads((site / "terms.json").read_text(encoding="utf-8"))}
    assert terms["holdout-set"]["changed"] == "2026-02-10T09:30:00Z"
    assert terms["holdout-set"]["added"] == "2026-01-05T10:00:00Z"
    assert terms["holdout-set"]["dates_note"] is None
    assert terms["decile-rank"]["added"] == "2026-01-05T10:00:00Z"
    assert terms["feature-drift"]["changed"] is None
    assert "not yet committed" in terms["feature-drift"]["dates_note"]
    import jsonschema
    from conftest import ROOT
    schema = json.loads((ROOT / "docs" / "data" / "terms.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(list(terms.values()), schema)


# --- What's new ---------------------------------------------------------------------------------


def test_whats_new_lists_the_changes_newest_first_with_their_kind(full_build):
    site, _ = full_build
    text = article_text((site / "whats-new" / "index.html").read_text(encoding="utf-8"))
    body = text[text.index("15 May 2026"):]
    expected = ["15 May 2026", "Decile rank — renamed from “Decile”",
                "20 April 2026", "Quintile — added",
                "12 March 2026", "Feature drift — new alias “covariate shift”",
                "10 February 2026", "Holdout set — definition changed",
                "5 January 2026", "First version of the glossary: 3 terms"]
    at = [body.find(line) for line in expected]
    assert -1 not in at, (expected, body)
    assert at == sorted(at), body
    assert "June 2026" not in text  # the typo and its fix changed nothing a reader sees
    html = (site / "whats-new" / "index.html").read_text(encoding="utf-8")
    assert 'href="../terms/decile-rank/"' in html and 'href="../terms/quintile/"' in html


def test_a_commit_whose_inputs_do_not_build_is_skipped_and_reported_with_file_and_line(full_build, repo):
    _, out = full_build
    _, shas = repo
    typo = shas[5][:7]
    assert (f"dates: skipped {typo} (1 June 2026): the inputs did not build: curation.yml@{typo}:5: error: "
            "unknown setting 'colour' for 'Quintile'") in out
    assert "dates: from git (7 commit(s) of the inputs read, all of it" in out
    assert "Traceback" not in out


# --- the feed -----------------------------------------------------------------------------------


def test_the_feed_is_valid_atom_with_one_entry_per_change_linking_the_term_pages(full_build, repo):
    site, _ = full_build
    _, shas = repo
    feed = etree.parse(str(site / "feed.xml"))
    schema = etree.RelaxNG(etree.parse(str(ATOM_RNG)))
    assert schema.validate(feed), schema.error_log
    root = feed.getroot()
    broken = etree.fromstring(etree.tostring(root))
    entry = broken.find(f"{ATOM}entry")
    entry.remove(entry.find(f"{ATOM}id"))
    assert not schema.validate(broken)  # the schema does check: an entry without an id is not Atom
    assert root.find(f"{ATOM}author/{ATOM}name").text  # the RFC's Schematron rule, which RELAX NG cannot say
    assert root.find(f"{ATOM}updated").text == "2026-05-15T12:00:00+00:00"
    entries = [(e.find(f"{ATOM}title").text, e.find(f"{ATOM}link").get("href"), e.find(f"{ATOM}updated").text,
                e.find(f"{ATOM}id").text) for e in root.iter(f"{ATOM}entry")]
    assert [(title, href, updated) for title, href, updated, _ in entries] == [
        ("Decile rank: renamed from “Decile”", f"{SITE_URL}terms/decile-rank/", "2026-05-15T12:00:00+00:00"),
        ("Quintile: added", f"{SITE_URL}terms/quintile/", "2026-04-20T08:00:00+00:00"),
        ("Feature drift: new alias “covariate shift”", f"{SITE_URL}terms/feature-drift/", "2026-03-12T14:00:00+00:00"),
        ("Holdout set: definition changed", f"{SITE_URL}terms/holdout-set/", "2026-02-10T09:30:00+00:00"),
        ("ML Terms: first version of the glossary: 3 terms", f"{SITE_URL}terms/", "2026-01-05T10:00:00+00:00"),
    ]
    assert entries[0][3] == f"tag:example.org,2026-05-15:decile-rank/{shas[4][:12]}"  # stable: host, day, commit
    assert len({e[3] for e in entries}) == len(entries)


def test_every_page_links_the_feed_in_its_head_relative_to_itself(full_build):
    site, _ = full_build
    for page in [site / "index.html", site / "terms" / "quintile" / "index.html", site / "whats-new" / "index.html"]:
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
        assert found, page
        assert (page.parent / found.group(1)).resolve() == (site / "feed.xml").resolve()


def test_the_feed_is_the_same_from_one_build_to_the_next(full_build, repo):
    from mlterms.outputs import whats_new
    from mlterms.glossary.inputs import Inputs, load_glossary
    site, _ = full_build
    path, _ = repo
    inputs = Inputs.locate(str(path / "notes.txt"))
    glossary = load_glossary(inputs, None)
    again = whats_new.feed(history.read_history(inputs, glossary), records_of(glossary, {}), "ML Terms", SITE_URL)
    assert again == (site / "feed.xml").read_bytes()  # ids, dates and order: nothing depends on the build


# --- without history ----------------------------------------------------------------------------


def test_a_shallow_clone_says_date_unknown_instead_of_a_date(shallow_build):
    site, out = shallow_build
    for slug in ("holdout-set", "quintile", "decile-rank"):
        line = _date_line(site, slug)
        assert line == "Date unknown: this build had no git history (a shallow clone)", line
        assert "2026" not in line
    whats_new = article_text((site / "whats-new" / "index.html").read_text(encoding="utf-8"))
    assert "Date unknown: this build had no git history" in whats_new and "2026" not in whats_new
    terms = json.loads((site / "terms.json").read_text(encoding="utf-8"))
    assert all(t["added"] is None and t["changed"] is None and "shallow clone" in t["dates_note"] for t in terms)
    assert out.count("date unknown: this build had no git history") == 1  # the report says it once
    assert "dates: date unknown: this build had no git history (a shallow clone) (fetch the full history" in out
    feed = etree.parse(str(site / "feed.xml"))
    assert etree.RelaxNG(etree.parse(str(ATOM_RNG))).validate(feed)
    assert feed.getroot().find(f"{ATOM}entry") is None


def test_notes_outside_git_or_without_git_get_no_date(tmp_path, monkeypatch):
    from mlterms.glossary.inputs import Inputs, load_glossary
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    inputs = Inputs(tmp_path / "notes.txt", None, None)
    glossary = load_glossary(inputs, None)
    found = history.read_history(inputs, glossary)
    assert found.unknown == "notes.txt is not in a git repository"
    assert found.dates["decile"].sentence() == ("Date unknown: this build had no git history "
                                                "(notes.txt is not in a git repository)")
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on the PATH
    assert history.read_history(inputs, glossary).unknown == "git is not installed"


def test_the_pages_workflow_fetches_the_full_history():
    from conftest import ROOT
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    checkout = workflow[workflow.index("actions/checkout"):]
    assert re.match(r"actions/checkout@v\d+\s+with:\s+fetch-depth: 0\b", checkout), checkout[:120]


# --- the blame -> date mapping, on its own -------------------------------------------------------


def _commit(day: int) -> history.Commit:
    from datetime import datetime, timezone
    return history.Commit(f"{day:040d}", datetime(2026, 3, day, 12, tzinfo=timezone.utc))


def test_a_terms_date_is_the_newest_commit_among_its_own_lines_only(tmp_path):
    (tmp_path / "curation.yml").write_text(CURATION.replace("Decile: {tags: [statistics]}",
                                                            "Decile:\n    tags: [statistics]\n    aliases: [tenth]"),
                                           encoding="utf-8")
    curation = check_curation(read_lined_yaml(tmp_path / "curation.yml", "curation"), "curation.yml")
    glossary = curate(parse(NOTES, curation.rules), curation, None)
    cur_lines = history.curation_lines((tmp_path / "curation.yml").read_text(encoding="utf-8"))
    assert cur_lines["decile"] == [4, 5, 6]  # a block entry: the key's line to its last value's
    assert cur_lines["holdout set"] == [2]
    defs = history.definitions_lines(DEFINITIONS + "compare:\n- terms: [decile, feature-drift]\n"
                                     "  difference: one splits, one drifts\n")
    assert defs["holdout-set"] == [2, 3] and defs["decile"] == [5, 6] == defs["feature-drift"]
    decile = glossary.by_slug["decile"]
    lines = history.term_lines(decile, cur_lines, defs)
    assert lines == {"notes": [13, 14], "curation": [4, 5, 6], "definitions": [5, 6]}
    blames = {"notes": {n: _commit(1) for n in range(1, 16)},
              "curation": {n: _commit(2) for n in range(1, 8)},
              "definitions": {n: _commit(3) for n in range(1, 7)}}
    blames["notes"][14] = _commit(9)  # its own definition line, newest of all
    blames["notes"][7] = _commit(20)  # another term's line: not this term's date
    date = history.last_changes(lines, blames)
    assert date.changed == _commit(9) and date.changed_in == ("notes",) and not date.uncommitted
    blames["curation"][6] = None  # its alias line, changed in the working tree
    date = history.last_changes(lines, blames)
    assert date.uncommitted == ("curation",) and date.changed == _commit(9)
    assert date.sentence() == "Last changed: not yet committed (curation) · last commit 9 March 2026 (notes)"
    assert date.json_fields()["changed"] is None


def test_blame_porcelain_is_read_line_by_line_and_uncommitted_lines_have_no_commit(tmp_path):
    repo = tmp_path / "r"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "f.txt").write_text("one\ntwo\n", encoding="utf-8")
    _git(repo, "add", "f.txt")
    _git(repo, "commit", "-q", "-m", "one", date="2026-03-01T00:00:00+00:00")
    (repo / "f.txt").write_text("one\ntwo\u2028still two\nthree\n", encoding="utf-8")  # U+2028 is not a line break
    git, why = history.Git.find(repo / "f.txt")
    assert git is not None, why
    blame = git.blame("f.txt")
    assert set(blame) == {1, 2, 3}
    assert blame[1].date.isoformat() == "2026-03-01T00:00:00+00:00"
    assert blame[2] is None and blame[3] is None
    (repo / "new.txt").write_text("a\nb\n", encoding="utf-8")
    assert set(git.blame("new.txt").values()) == {None}  # untracked: all not yet committed


def test_renames_are_found_by_old_slug_notes_title_or_name():
    before = {"decile": _state("decile", "Decile", key="decile")}
    renamed, = history.compare(before, {"decile-rank": _state("decile-rank", "Decile rank", key="decile")},
                               _commit(1))[0]
    assert renamed.kinds == ("renamed",) and renamed.summary == "renamed from “Decile”"
    moved = history.compare(before, {"tenths": _state("tenths", "Tenths", key="tenths", old_slugs=("decile",))},
                            _commit(1))
    assert moved[1] == {"decile": "tenths"}
    gone = history.compare(before, {"other": _state("other", "Other", key="other")}, _commit(1))[0]
    assert {c.kinds for c in gone} == {("added",), ("removed",)}
    tags = history.compare(before, {"decile": _state("decile", "Decile", key="decile", tags=("statistics",))},
                           _commit(1))[0]
    assert tags[0].summary == "tags changed (+statistics)"


def _state(slug, title, key, old_slugs=(), tags=()):
    return history.TermState(slug=slug, title=title, key=key, names=frozenset({key}), aliases=(), tags=tags,
                             text=("x",), summary="", note="", learn_more=(), old_slugs=old_slugs)


def test_no_curation_file_still_dates_the_notes_lines(tmp_path):
    repo = tmp_path / "r"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "notes.txt").write_text(NOTES, encoding="utf-8")
    _git(repo, "add", "notes.txt")
    _git(repo, "commit", "-q", "-m", "notes", date="2026-07-04T00:00:00+00:00")
    from mlterms.glossary.inputs import Inputs, load_glossary
    inputs = Inputs(repo / "notes.txt", None, None)
    found = history.read_history(inputs, load_glossary(inputs, None))
    assert found.dates["decile"].sentence() == "Last changed 4 July 2026 (notes)"
    assert [c.summary for c in found.changes] == ["first version of the glossary: 3 terms"]


def _history_of(repo: Path, curation: bool = True):
    from mlterms.glossary.inputs import Inputs, load_glossary
    inputs = Inputs(repo / "notes.txt", repo / "curation.yml" if curation else None, None)
    return history.read_history(inputs, load_glossary(inputs, None))


def test_added_is_unknown_when_the_first_commit_does_not_build(tmp_path):
    """The first commit's curation file is broken: the terms were added then, but no version of that
    commit builds, so "added" says unknown instead of the date of the first commit that builds."""
    repo = tmp_path / "r"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "notes.txt").write_text(NOTES, encoding="utf-8")
    (repo / "curation.yml").write_text(CURATION.replace("Decile: {tags", "Decile: {colour: red, tags"),
                                       encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "notes", date="2020-01-01T00:00:00+00:00")
    (repo / "curation.yml").write_text(CURATION, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "fix", date="2023-06-01T00:00:00+00:00")
    found = _history_of(repo)
    assert len(found.skipped) == 1 and found.complete
    holdout = found.dates["holdout-set"]
    assert holdout.added is None
    assert holdout.json_fields()["added"] is None
    assert "added: unknown" in holdout.json_fields()["dates_note"]
    assert holdout.sentence() == "Last changed 1 January 2020 (notes, curation) · date added unknown"
    assert "1 June 2023" not in found.dates["decile"].sentence().split("·")[-1]
    assert [c.summary for c in found.changes] == ["first version that builds: 3 terms"]


def test_a_lone_carriage_return_keeps_gits_line_numbers(tmp_path):
    """A lone CR ends a line for the build (as YAML does) but not for git: the term after it is dated by
    its own commit, not shown as "not yet committed" on a clean tree, nor given a neighbour's date."""
    repo = tmp_path / "r"
    repo.mkdir()
    _git(repo, "init", "-q")
    notes = NOTES.replace("Data kept apart from training", "Data kept apart\rfrom training")
    (repo / "notes.txt").write_bytes(notes.encode())
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "notes", date="2026-07-04T00:00:00+00:00")
    (repo / "notes.txt").write_bytes(notes.replace("nine values", "9 values").encode())
    _git(repo, "commit", "-q", "-am", "decile", date="2026-08-09T00:00:00+00:00")
    found = _history_of(repo, curation=False)
    assert found.dates["decile"].sentence() == "Last changed 9 August 2026 (notes) · added 4 July 2026"
    assert found.dates["feature-drift"].sentence() == "Last changed 4 July 2026 (notes)"
    assert found.dates["holdout-set"].sentence() == "Last changed 4 July 2026 (notes)"


def test_the_feed_folds_a_large_commit_as_whats_new_does(tmp_path):
    """A first version, then one commit that changes 25 terms, then one that changes one: the feed has
    "first version", one folded entry for the 25, and the single change, newest first."""
    from lxml import etree as et
    from mlterms.outputs import whats_new
    from mlterms.glossary.inputs import Inputs, load_glossary
    repo = tmp_path / "r"
    repo.mkdir()
    _git(repo, "init", "-q")
    names = [f"Term number {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(26)]
    entries = "\n".join(f"{n}\nA value of kind {i} used in the notes.\n" for i, n in enumerate(names))
    (repo / "notes.txt").write_text(entries, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "first", date="2026-07-01T00:00:00+00:00")
    (repo / "notes.txt").write_text(entries.replace("used in the notes", "used in these notes"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "many", date="2026-07-02T00:00:00+00:00")
    text = (repo / "notes.txt").read_text(encoding="utf-8").replace("of kind 3 ", "of kind three ")
    (repo / "notes.txt").write_text(text, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "one", date="2026-07-03T00:00:00+00:00")
    inputs = Inputs(repo / "notes.txt", None, None)
    glossary = load_glossary(inputs, None)
    found = history.read_history(inputs, glossary)
    assert len(found.changes) == 1 + 26 + 1
    root = et.fromstring(whats_new.feed(found, records_of(glossary, {}), "ML Terms", SITE_URL))
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert titles == [f"{names[3]}: definition changed",
                      "ML Terms: 26 terms changed in one commit: definition changed (26)",
                      "ML Terms: first version of the glossary: 3 terms".replace("3", "26")]
    ids = [e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")]
    assert len(set(ids)) == 3
