#!/usr/bin/env python3
"""Time to first render of the concept map (/map/) on a CPU slowed 4×, and its first-load bytes (`make bench`).

"First render" is the ``map-first-render`` performance mark, which
docs/assets/javascripts/map.js sets once it has drawn the whole map (every
block, name, node and link) on a plain canvas from map/graph.json, before
cytoscape is parsed; "interactive" is ``map-interactive``, cytoscape's first
"render" event, from which the map answers the pointer.
Its ``startTime`` counts from the navigation's start (the page's time
origin), so the figure includes the HTML, the theme, cytoscape (~140 KB
gzip), map/graph.json, building the graph and drawing it.

Each run opens the page in a fresh browser context (empty cache), with the
site served gzip-compressed as static hosts serve it and the renderer's CPU
slowed 4× (CDP ``Emulation.setCPUThrottlingRate``); the median of the runs
is reported, with the fastest and slowest. Bytes: every response of the first
load, until the network is idle, gzip as sent.

Sites: our own (192 terms, or what the notes hold) and N synthetic terms
(scripts/synthetic_notes.py), each built in full by scripts/build.py.

Usage: scripts/map_bench.py [--sizes 5000] [--runs 3] [--site-dir DIR] [--synthetic-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from mlterms_tools.browser import chromium, serve  # noqa: E402

THROTTLE = 4
MARK = "map-first-render"
INTERACTIVE = "map-interactive"  # cytoscape's first frame: the map answers the pointer from here
KB = 1024


def first_render(browser, base: str, served: list) -> dict:
    """One cold load of /map/: milliseconds to the first rendered frame and to first contentful paint,
    the nodes drawn, and bytes over the wire."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    served.clear()
    page.goto(base + "map/", wait_until="commit")
    page.wait_for_function(f"() => performance.getEntriesByName({INTERACTIVE!r}).length > 0", timeout=180_000,
                           polling=100)
    result = page.evaluate(f"""() => ({{
      render: performance.getEntriesByName({MARK!r})[0].startTime,
      interactive: performance.getEntriesByName({INTERACTIVE!r})[0].startTime,
      steps: ['map-start', 'map-loaded', 'map-built'].map(n => performance.getEntriesByName(n)[0].startTime),
      fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {{}}).startTime,
      nodes: window.mltermsMap.nodes('.term').length, edges: window.mltermsMap.edges().length }})""")
    page.wait_for_load_state("networkidle")
    result["bytes"] = sum(size for _, size in served)
    result["by_file"] = sorted(served, key=lambda item: -item[1])[:4]
    context.close()
    return result


def measure(site: Path, runs: int) -> dict:
    served: list = []
    with serve(site, compress=True, served=served) as base, chromium() as browser:
        rows = [first_render(browser, base, served) for _ in range(runs)]
    times = [r["render"] for r in rows]
    return {"median": statistics.median(times), "interactive": statistics.median(r["interactive"] for r in rows), "min": min(times), "max": max(times),
            "fcp": statistics.median(r["fcp"] for r in rows if r["fcp"]), "nodes": rows[0]["nodes"],
            "edges": rows[0]["edges"], "steps": [statistics.median(r["steps"][i] for r in rows) for i in range(3)],
            "bytes": rows[0]["bytes"], "by_file": rows[0]["by_file"],
            "graph_kb": (site / "map" / "graph.json").stat().st_size / KB}


def build(args: list[str], env: dict | None = None) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    if proc.returncode != 0:
        sys.exit(f"the build failed:\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}")


def synthetic_site(n: int, folder: Path) -> Path:
    from synthetic_notes import generate
    if (folder / "site" / "map" / "graph.json").is_file():
        return folder / "site"
    folder.mkdir(parents=True, exist_ok=True)
    notes, curation = generate(n)
    (folder / "notes.txt").write_text(notes, encoding="utf-8")
    (folder / "curation.yml").write_text(curation, encoding="utf-8")
    build(["--notes", str(folder / "notes.txt"), "--site-dir", str(folder / "site")],
          env={"SOCIAL_CACHE_DIR": str(folder / "cards"), "MLTERMS_MEANING": "off"})  # the map needs no model
    return folder / "site"


def report(label: str, m: dict) -> None:
    files = ", ".join(f"{Path(path).name} {size / KB:.0f}" for path, size in m["by_file"])
    print(f"map: {label:>11} · {m['nodes']} nodes, {m['edges']} edges · first render {m['median']:.0f} ms "
          f"(median; {m['min']:.0f}–{m['max']:.0f}) · interactive {m['interactive']:.0f} ms · first contentful paint {m['fcp']:.0f} ms · CPU {THROTTLE}× "
          f"slower (script starts {m['steps'][0]:.0f}, data and library in {m['steps'][1]:.0f}, graph built "
          f"{m['steps'][2]:.0f}) · first load {m['bytes'] / KB:.0f} KB gzip (largest: {files} KB) · graph.json "
          f"{m['graph_kb']:.0f} KB raw", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[5000], help="synthetic sites of these many terms")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site-dir", type=Path, help="our site, already built (default: build it)")
    parser.add_argument("--synthetic-dir", type=Path,
                        help="where to keep the synthetic sites (<dir>/<n>/site; reused when present)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="map-bench-"))
    try:
        site = args.site_dir
        if site is None:
            site = work / "ours"
            build(["--site-dir", str(site)])
        terms = len(json.loads((site / "terms.json").read_text(encoding="utf-8")))
        report(f"{terms} terms", measure(site, args.runs))
        for n in args.sizes:
            folder = (args.synthetic_dir or work) / str(n)
            report(f"{n} terms", measure(synthetic_site(n, folder), args.runs))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
