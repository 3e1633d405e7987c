"""Read the notes file from disk and turn it into clean text, or explain why not.

The parser only ever sees ``str``; everything that can go wrong with bytes
(missing file, binary data, bad UTF-8, a BOM, CRLF line endings) is settled here.
"""

from __future__ import annotations

from pathlib import Path

from .errors import NotesError, Problem

BOM = "\ufeff"


def _fail(path: Path, line: int | None, message: str, hint: str) -> NotesError:
    return NotesError(Problem(str(path), line, message, hint))


def decode_notes(data: bytes, path: Path) -> str:
    """Decode the bytes of a notes file; raise :class:`NotesError` naming line and byte."""
    if not data.strip():
        raise _fail(path, None, "the notes file is empty",
                    "write at least one term: a title line, then its definition")
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line = data.count(b"\n", 0, offset) + 1
        raise _fail(path, line, f"the notes file looks binary (NUL byte at byte {offset})",
                    "point --notes at the plain-text export of the notes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start:exc.start + 1].hex()
        raise _fail(path, line,
                    f"not valid UTF-8: byte 0x{bad} at byte offset {exc.start} (column {column})",
                    "re-save the file as UTF-8") from None
    if text.startswith(BOM):
        text = text[len(BOM):]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_notes(path: Path) -> str:
    """Read and decode the notes file at ``path``."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, None, "the notes file does not exist",
                    "check the path given to --notes (default: notes/ml-terms.txt)") from None
    except IsADirectoryError:
        raise _fail(path, None, "the notes path is a folder, not a file",
                    "give the path of the notes text file") from None
    except OSError as exc:
        raise _fail(path, None, f"the notes file cannot be read: {exc.strerror}",
                    "check its permissions") from None
    return decode_notes(data, path)
