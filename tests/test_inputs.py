"""Bad input gets one clear message naming file, line and fix; never a traceback."""

from __future__ import annotations

import json

import pytest

from conftest import NOTES, build_in, isolated_repo, run_build
from mlterms.errors import NotesError
from mlterms.notes.source import decode_notes, read_notes

GOOD = "Outlier\nA data point that is noticeably different from the rest\n"


def test_missing_notes_file(tmp_path):
    with pytest.raises(NotesError) as err:
        read_notes(tmp_path / "nope.txt")
    assert "does not exist" in str(err.value) and "nope.txt" in str(err.value)


def test_empty_notes_file(tmp_path):
    with pytest.raises(NotesError, match="empty"):
        decode_notes(b"  \n\n", tmp_path / "n.txt")


def test_binary_notes_file_names_line_and_byte(tmp_path):
    with pytest.raises(NotesError) as err:
        decode_notes(b"Title\nline\x00two\n", tmp_path / "n.txt")
    problem = err.value.problems[0]
    assert problem.line == 2 and "byte 10" in problem.message


def test_non_utf8_names_line_and_byte(tmp_path):
    data = "Outlier\nA café\n".encode("utf-8") + b"Bad \xff byte\n"
    with pytest.raises(NotesError) as err:
        decode_notes(data, tmp_path / "n.txt")
    problem = err.value.problems[0]
    assert problem.line == 3
    offset = data.index(b"\xff")
    assert "0xff" in problem.message and f"byte offset {offset}" in problem.message
    assert "(column 5)" in problem.message


def test_bom_and_crlf_are_accepted(tmp_path):
    assert decode_notes(("\ufeff" + GOOD.replace("\n", "\r\n")).encode(), tmp_path / "n") == GOOD


@pytest.mark.parametrize("content, expected", [
    (None, "does not exist"),
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "looks binary"),
    (b"Outlier\n\xc3\x28 broken\n", "not valid UTF-8"),
])
def test_build_script_reports_bad_notes_without_traceback(tmp_path, content, expected):
    notes = tmp_path / "notes.txt"
    if content is not None:
        notes.write_bytes(content)
    result = run_build("--notes", str(notes), "--site-dir", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert expected in output and str(notes) in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


def test_crlf_and_bom_notes_give_the_same_site(tmp_path):
    """Our notes built as committed, then with a BOM and CRLF line ends: the same terms and pages.

    Both builds run in one copy of the repo, where the notes are its own notes: the examples' committed
    outputs serve both (another notes file would run every snippet once more, Spark and torch included).
    """
    repo = isolated_repo(tmp_path)
    notes = repo / "notes" / "ml-terms.txt"
    plain, messy = tmp_path / "plain", tmp_path / "messy"
    result = build_in(repo, "--site-dir", str(plain))
    assert result.returncode == 0, result.stdout
    notes.write_bytes(("\ufeff" + NOTES.read_text(encoding="utf-8").replace("\n", "\r\n")).encode("utf-8"))
    assert notes.read_bytes().count(b"\r\n") > 1000
    result = build_in(repo, "--site-dir", str(messy))
    assert result.returncode == 0, result.stdout
    a = json.loads((plain / "terms.json").read_text())
    b = json.loads((messy / "terms.json").read_text())
    assert a == b and len(a) > 150
    page = "terms/outlier/index.html"
    assert (plain / page).read_text() == (messy / page).read_text()
