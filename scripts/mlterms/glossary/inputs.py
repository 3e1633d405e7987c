"""Which inputs a build reads, and the first steps every build takes with them.

``Inputs`` names the notes file, the curation file and the definitions file;
``read_source`` reads and parses them and ``glossary_from`` curates the result.
The build script, the MkDocs hook, the history walk and the tests all start
here, so they see exactly the same glossary.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mlterms.glossary import curation_file
from mlterms.glossary.crosswalk import apply_crosswalk, load_crosswalk
from mlterms.glossary.curate import Glossary, curate
from mlterms.glossary.definitions import apply_definitions, load_definitions
from mlterms.notes.parse import Notes, parse
from mlterms.notes.source import read_notes
from mlterms.paths import NOTES_DIR, OUTPUTS_DIR, ROOT, SCRATCH_OUTPUTS_DIR

DEFAULT_NOTES = NOTES_DIR / "ml-terms.txt"
DEFAULT_CURATION = NOTES_DIR / "curation.yml"
DEFAULT_DEFINITIONS = NOTES_DIR / "definitions.yml"
DEFAULT_CROSSWALK = NOTES_DIR / "crosswalk.yml"
NOTES_ENV = "MLTERMS_NOTES"
CURATION_ENV = "MLTERMS_CURATION"
DEFINITIONS_ENV = "MLTERMS_DEFINITIONS"
CROSSWALK_ENV = "MLTERMS_CROSSWALK"


@dataclass(frozen=True)
class Inputs:
    """Which notes file, curation file, definitions file and names crosswalk (None: none) a build uses."""

    notes: Path
    curation: Path | None
    definitions: Path | None = None
    crosswalk: Path | None = None

    @classmethod
    def locate(cls, notes: str | None = None, curation: str | None = None,
               definitions: str | None = None, crosswalk: str | None = None) -> "Inputs":
        """Explicit paths win; else the environment; else the repo's own notes.

        Another notes file brings its own ``curation.yml`` and
        ``definitions.yml`` (and ``crosswalk.yml``) from its folder, or none: ours name *our* notes'
        titles and slugs and would not match.
        """
        notes = notes or os.environ.get(NOTES_ENV) or None
        curation = curation or os.environ.get(CURATION_ENV) or None
        definitions = definitions or os.environ.get(DEFINITIONS_ENV) or None
        crosswalk = crosswalk or os.environ.get(CROSSWALK_ENV) or None
        notes_path = Path(notes).resolve() if notes else DEFAULT_NOTES

        def pick(given: str | None, default: Path, name: str) -> Path | None:
            if given:
                return Path(given).resolve()
            if notes_path == DEFAULT_NOTES:
                return default
            beside = notes_path.parent / name
            return beside if beside.is_file() else None

        return cls(notes_path, pick(curation, DEFAULT_CURATION, "curation.yml"),
                   pick(definitions, DEFAULT_DEFINITIONS, "definitions.yml"),
                   pick(crosswalk, DEFAULT_CROSSWALK, "crosswalk.yml"))

    @property
    def is_default(self) -> bool:
        """Building the repo's own notes (snippets and their committed outputs belong to them)."""
        return self.notes == DEFAULT_NOTES

    @property
    def snippet_outputs(self) -> Path:
        """Where snippet outputs are read and written: committed for our notes, scratch for others."""
        return OUTPUTS_DIR if self.is_default else SCRATCH_OUTPUTS_DIR

    def environment(self) -> dict[str, str]:
        """Environment variables that make a child ``mkdocs`` process use these inputs."""
        env = {NOTES_ENV: str(self.notes)}
        env[CURATION_ENV] = str(self.curation) if self.curation else ""
        env[DEFINITIONS_ENV] = str(self.definitions) if self.definitions else ""
        env[CROSSWALK_ENV] = str(self.crosswalk) if self.crosswalk else ""
        return env


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Source:
    """The notes as read and parsed with their curation: what curation and the lints both start from."""

    text: str
    curation: curation_file.Curation
    notes: Notes
    notes_path: str


def read_source(inputs: Inputs) -> Source:
    """Read the notes and the curation file and parse the notes; raises located ``GlossaryError``s."""
    text = read_notes(inputs.notes)
    cur = (curation_file.load_curation(inputs.curation) if inputs.curation
           else curation_file.empty())
    if inputs.curation:
        cur.path = display_path(inputs.curation)
    notes_path = display_path(inputs.notes)
    return Source(text, cur, parse(text, cur.rules, path=notes_path), notes_path)


def glossary_from(source: Source, inputs: Inputs, tags_allowed: list[str] | None) -> Glossary:
    """Curate the parsed notes and apply the definitions file and the names crosswalk."""
    glossary = curate(source.notes, source.curation, tags_allowed, notes_path=source.notes_path)
    if inputs.definitions:
        texts = load_definitions(inputs.definitions)
        texts.path = display_path(inputs.definitions)
        apply_definitions(glossary, texts)
    if inputs.crosswalk:
        crosswalk = load_crosswalk(inputs.crosswalk)
        crosswalk.path = display_path(inputs.crosswalk)
        apply_crosswalk(glossary, crosswalk)
    return glossary


def load_glossary(inputs: Inputs, tags_allowed: list[str] | None) -> Glossary:
    """Read, parse and curate; raises ``GlossaryError`` subclasses with located problems."""
    return glossary_from(read_source(inputs), inputs, tags_allowed)
