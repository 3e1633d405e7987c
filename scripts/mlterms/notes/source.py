"""Read the notes file from disk and turn it into clean text, or explain why not.

The parser only ever sees ``str``; everything that can go wrong with bytes
(missing file, binary data, bad UTF-8, a BOM, CRLF line endings) is settled here.
"""

from __future__ import annotations

import re
from pathlib import Path

from mlterms.errors import NotesError, Problem

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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_control_characters(text, path)
    return text


# C0 and C1 control characters (tab and the line breaks above excepted). They are never text a
# reader should see, usually mojibake from a cp1252 round trip, and YAML, HTML and terminals
# each treat them differently: refused at the door instead of escaped in three places.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _refuse_control_characters(text: str, path: Path) -> None:
    found = _CONTROL.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    code = f"U+{ord(found.group()):04X}"
    raise NotesError(Problem(str(path), line, f"control character {code} at column {column}",
                             "delete it, or replace it with the character it stands for "
                             "(C1 characters such as U+0081 usually come from a cp1252/UTF-8 mix-up)",
                             column=column))


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
