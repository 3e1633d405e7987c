"""Browser libraries pinned in package.json, copied from node_modules into the built site.

The site serves its own copy (no CDN: the build and the site stay offline),
and a missing node_modules gets a message that says how to install it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mlterms.paths import ROOT


def copy_into_site(source: Path, site: Path, site_path: str) -> None:
    """Copy ``source`` (a file under node_modules) to ``site/site_path``, or say how to get it."""
    if not source.is_file():
        raise FileNotFoundError(f"{source.relative_to(ROOT)} is missing: run `npm ci --ignore-scripts` "
                                "(make build and make serve do)")
    target = site / site_path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
