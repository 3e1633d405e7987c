"""Where things live in the repository: one place for every path the build reads or writes.

Every module takes its paths from here instead of working out the repository's
root from its own file, so moving a module never moves what it reads.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTES_DIR = ROOT / "notes"
SNIPPETS_DIR = ROOT / "snippets"
CACHE_DIR = ROOT / ".cache"
NODE_MODULES = ROOT / "node_modules"
LOCK_FILE = ROOT / "requirements.lock"
JAVASCRIPTS = ROOT / "docs" / "assets" / "javascripts"
SCRIPTS_DIR = ROOT / "scripts"  # what makes `mlterms` importable in a child process
OUTPUTS_DIR = SNIPPETS_DIR / "_outputs"  # committed: what our own notes' examples printed and drew
# Outputs of examples run for another notes file go here (untracked), never into snippets/_outputs.
SCRATCH_OUTPUTS_DIR = CACHE_DIR / "snippet-outputs"
