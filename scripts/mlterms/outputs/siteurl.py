"""Where the published site lives: SITE_URL, else the GitHub Pages address the git remote implies.

Every absolute link the build writes (canonical links, the sitemap, the feed,
llms.txt, JSON-LD, the Anki deck, /print/) starts with the site URL. Without
one, mkdocs.yml falls back to the local preview server (http://127.0.0.1:8000/),
fine for `make serve`, wrong for a site put on a host: so a deployment build
(scripts/build.py) takes SITE_URL, or derives the address of a GitHub Pages
site from the ``origin`` remote, or says clearly that the links point at the
local server.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

ENV = "SITE_URL"
LOCAL_DEFAULT = "http://127.0.0.1:8000/"  # mkdocs.yml's fallback, for `make serve`
# https://github.com/OWNER/REPO(.git), git@github.com:OWNER/REPO(.git), ssh://git@github.com/OWNER/REPO(.git)
_GITHUB = re.compile(r"^(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
                     r"(?P<owner>[A-Za-z0-9-]+)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class SiteUrl:
    """The URL a build uses, and where it came from ("SITE_URL", "git remote origin" or "" = local default)."""

    url: str
    origin: str

    @property
    def local(self) -> bool:
        return not self.origin

    def warning(self) -> str:
        """The report's line when the absolute links point at the local server ("" otherwise)."""
        if not self.local:
            return ""
        return (f"no site URL: SITE_URL is not set and the git remote is not a GitHub Pages repository, so "
                f"every absolute link (canonical links, sitemap, feed, llms.txt, JSON-LD, the Anki deck, "
                f"/print/) points at the local server {LOCAL_DEFAULT}")


def pages_url(remote: str) -> str | None:
    """The GitHub Pages address of a github.com remote (None: not a GitHub remote).

    A repository named OWNER.github.io is a user or organisation site served at
    the root; any other is a project site under /REPO/.
    """
    m = _GITHUB.match(remote.strip())
    if not m:
        return None
    owner, repo = m.group("owner").lower(), m.group("repo")
    if repo.lower() == f"{owner}.github.io":
        return f"https://{owner}.github.io/"
    return f"https://{owner}.github.io/{repo}/"


def _origin_remote(root: Path) -> str:
    try:
        return subprocess.run(["git", "remote", "get-url", "origin"], cwd=root, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def resolve(root: Path, environ: dict[str, str]) -> SiteUrl:
    """SITE_URL when set, else the Pages address of the ``origin`` remote, else the local default."""
    given = environ.get(ENV, "").strip()
    if given:
        return SiteUrl(given if given.endswith("/") else given + "/", ENV)
    derived = pages_url(_origin_remote(root))
    if derived:
        return SiteUrl(derived, "git remote origin")
    return SiteUrl(LOCAL_DEFAULT, "")
