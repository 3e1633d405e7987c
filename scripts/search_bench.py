#!/usr/bin/env python3
"""Search speed, bytes and memory, engine against engine, on a CPU slowed 4× (`make bench`).

For each site it reports: search data a reader downloads who never searches
(gzip), search data fetched before the first result appears (gzip), the time
from the last keystroke to the results (median and worst of the queries),
the search worker's JS heap, and how many sampled terms' exact names find
that term first.

Sites:
  real      our 192 terms, built with our engine and with Material's lunr
  N         N synthetic terms (scripts/synthetic_notes.py). "ui" rows build the
            whole site and type into Material's real search box (both engines);
            "worker" rows write only the search index (mlterms/search_scale.py)
            and time the worker itself, which is what 20,000 terms allow.

Usage: scripts/search_bench.py [--sizes 5000 20000] [--ui-sizes 5000] [--queries 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from mlterms_tools.browser import chromium, engine_results, serve  # noqa: E402

THROTTLE = 4
TARGETS = {"latency_ms": 150, "first_result_kb": 300, "heap_mb": 50}


def _worker_heap_mb(browser, page) -> float | None:
    """The JS heap of the page's dedicated worker (CDP Runtime.getHeapUsage through the browser session)."""
    cdp = browser.new_browser_cdp_session()
    infos = cdp.send("Target.getTargets")["targetInfos"]
    worker = next((t for t in infos if t["type"] == "worker"), None)
    if worker is None:
        return None
    session = cdp.send("Target.attachToTarget", {"targetId": worker["targetId"], "flatten": False})["sessionId"]
    replies: list[dict] = []
    cdp.on("Target.receivedMessageFromTarget", lambda e: replies.append(json.loads(e["message"])))
    for number, method in ((0, "HeapProfiler.collectGarbage"), (1, "Runtime.getHeapUsage")):  # live objects only
        cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": json.dumps(
            {"id": number, "method": method})})
    for _ in range(100):
        reply = next((r for r in replies if r.get("id") == 1), None)
        if reply:
            return reply["result"]["usedSize"] / 2**20
        page.wait_for_timeout(50)  # (Playwright delivers CDP events while it waits)
    return None


def _search_kb(served: list, since: int = 0) -> float:
    """KB sent (gzip) for search files: the index, its shards, the worker script (server-side count)."""
    return sum(n for path, n in served[since:] if "/search/" in path or "search" in path.rsplit("/", 1)[-1]) / 1024


def _throttle(page) -> None:
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})


def measure_worker(base: str, served: list, queries: list[str], expect: list[str]) -> dict:
    """The worker alone (search-only site): time per query, bytes, heap, exact names first."""
    with chromium() as browser:
        page = browser.new_page()
        _throttle(page)
        page.goto(base)
        page.wait_for_load_state("networkidle")
        mark = len(served)
        rows = engine_results(page, queries[:1], workers=1)  # cold: fetches and indexes the names (a reader's focus does this)
        # The harness fetches the bootstrap and the worker as Material's page does on every load.
        boot_kb = sum(n for path, n in served[mark:] if path.endswith(("search_index.json", "mlterms-search.js"))) / 1024
        first_kb = _search_kb(served, mark)
        rows += engine_results(page, queries[1:], workers=1)  # the same worker, warm
        heap = _worker_heap_mb(browser, page)
    times = [ms for _, _, ms in rows[1:]] or [rows[0][2]]
    hits = sum(1 for (_, locs, _), want in zip(rows, expect) if locs[:1] == [want])
    return {"boot_kb": boot_kb, "first_kb": first_kb, "median_ms": statistics.median(times), "max_ms": max(times),
            "heap_mb": heap, "exact_first": f"{hits}/{len(expect)}", "cold_ms": rows[0][2]}


def measure_ui(base: str, served: list, queries: list[str], expect: list[str]) -> dict:
    """Material's real search box on a built site (either engine): bytes, keystroke-to-results, heap."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        _throttle(page)
        mark = len(served)
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1500)  # Material fetches its index right after load; let it land
        boot_kb = _search_kb(served, mark)
        box = page.locator("input.md-search__input")
        box.click()
        page.evaluate("""() => {
            const list = document.querySelector('.md-search-result__list');
            new MutationObserver(() => { window.__changed = performance.now(); })
              .observe(list, {childList: true, subtree: true, characterData: true});
            document.querySelector('.md-search__input')
              .addEventListener('input', () => { window.__typed = performance.now(); });
        }""")
        times, hits, first_kb = [], 0, None
        for query, want in zip(queries, expect):
            box.fill("")
            page.wait_for_timeout(300)
            page.evaluate("() => { window.__changed = 0; }")
            box.type(query, delay=60)
            for _ in range(300):  # until the list has not changed for 1.5 s
                page.wait_for_timeout(100)
                if page.evaluate("() => window.__changed && performance.now() - window.__changed > 1500"):
                    break
            times.append(page.evaluate("() => window.__changed - window.__typed"))
            if first_kb is None:
                first_kb = _search_kb(served, mark)
            top = page.locator("li.md-search-result__item > a").first.get_attribute("href") or ""
            hits += want in top
        heap = _worker_heap_mb(browser, page)
    return {"boot_kb": boot_kb, "first_kb": first_kb, "median_ms": statistics.median(times), "max_ms": max(times),
            "heap_mb": heap, "exact_first": f"{hits}/{len(expect)}"}


def measure_meaning(base: str, served: list, questions: list[str]) -> dict:
    """Questions typed into the real search box (CPU slowed): last keystroke -> the answer by words and
    -> the answer by meaning (the results list no longer aria-busy), the model's bytes, the worker heap."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        _throttle(page)
        page.goto(base)
        page.wait_for_load_state("networkidle")
        mark = len(served)
        box = page.locator("input.md-search__input")
        box.click()
        page.evaluate("""() => {
            const list = document.querySelector('.md-search-result');
            new MutationObserver(() => {
              if (list.getAttribute('aria-busy') === 'true') window.__words = performance.now();
              if (list.getAttribute('aria-busy') === 'false') window.__meaning = performance.now();
            }).observe(list, {attributes: true, attributeFilter: ['aria-busy']});
            document.querySelector('.md-search__input')
              .addEventListener('input', () => { window.__typed = performance.now(); });
        }""")
        words, meaning = [], []
        for question in questions:
            box.fill("")
            page.wait_for_timeout(300)
            page.evaluate("() => { window.__words = 0; window.__meaning = 0; }")
            box.type(question, delay=60)
            page.wait_for_function("() => window.__meaning > window.__typed", timeout=120000)
            words.append(page.evaluate("() => window.__words - window.__typed"))
            meaning.append(page.evaluate("() => window.__meaning - window.__typed"))
        heap = _worker_heap_mb(browser, page)
    model_kb = sum(n for path, n in served[mark:] if "/search/meaning/" in path) / 1024
    return {"first_ms": meaning[0], "words_ms": statistics.median(words), "median_ms": statistics.median(meaning[1:]),
            "max_ms": max(meaning[1:]), "model_kb": model_kb, "heap_mb": heap}


BURST_HARNESS = """async ([names, workerUrl, gap]) => {
  const config = (await (await fetch(new URL("search/search_index.json", document.baseURI))).json()).config;
  const worker = new Worker(workerUrl);
  let last = 0;
  worker.onmessage = e => { if (e.data.type === 3) last = performance.now(); };
  await new Promise(r => { worker.onmessage = e => { if (e.data.type === 1) r(); }; worker.postMessage({type: 0, data: {config}}); });
  worker.onmessage = e => { if (e.data.type === 3) last = performance.now(); };
  await new Promise(r => { const f = worker.onmessage; worker.onmessage = e => { f(e); r(); }; worker.postMessage({type: 2, data: names[0]}); });
  const out = [];
  for (const name of names) {  // each name typed a key every `gap` ms; the answer to its last key is timed
    let sent = 0;
    for (let i = 1; i <= name.length; i++) {
      worker.postMessage({type: 2, data: name.slice(0, i)});
      sent = performance.now();
      await new Promise(r => setTimeout(r, gap));
    }
    const start = performance.now();
    while (performance.now() - Math.max(last, sent) < 600 && performance.now() - start < 5000) await new Promise(r => setTimeout(r, 20));
    out.push(Math.max(0, last - sent));
  }
  worker.terminate();
  return out;
}"""


def measure_burst(base: str, names: list[str], gap_ms: int = 5) -> dict:
    """Typing each name at ``gap_ms`` per key into the worker (CPU slowed): last keystroke -> its answer."""
    with chromium() as browser:
        page = browser.new_page()
        _throttle(page)
        page.goto(base)
        url = page.evaluate("() => new URL('assets/javascripts/mlterms-search.js', document.baseURI).href")
        times = page.evaluate(BURST_HARNESS, [names, url, gap_ms])
    return {"median_ms": statistics.median(times), "max_ms": max(times)}


def _sample(terms: list[dict], n: int, seed: int = 7) -> tuple[list[str], list[str]]:
    picked = random.Random(seed).sample(terms, min(n, len(terms)))
    return [t["title"] for t in picked], [f"terms/{t['slug']}/" for t in picked]


def build_synthetic(n: int, folder: Path, engine: str) -> Path:
    from synthetic_notes import generate
    notes, curation = generate(n, seed=1)
    (folder / "notes.txt").write_text(notes, encoding="utf-8")
    (folder / "curation.yml").write_text(curation, encoding="utf-8")
    site = folder / f"site-{engine}"
    # MLTERMS_MEANING=off: names, titles and bursts never load the model, and embedding every synthetic
    # term's texts would add minutes; search by meaning is measured on the real site (--meaning-only).
    env = {**os.environ, "MLTERMS_SEARCH_ENGINE": engine, "SOCIAL_CACHE_DIR": str(folder / "cards"),
           "NO_MKDOCS_2_WARNING": "1", "MLTERMS_MEANING": "off"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--notes", str(folder / "notes.txt"),
                           "--site-dir", str(site)], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stdout[-2000:])
    print(f"search: built {n} synthetic terms with {engine} in {time.perf_counter() - start:.0f} s", flush=True)
    return site


def index_cost(lunr_site: Path, n: int) -> None:
    """What our index adds to a build: search_engine.write on the index Material's plugin wrote."""
    from mlterms.outputs import search_files as search_engine
    scratch = Path(tempfile.mkdtemp(prefix="index-cost-"))
    (scratch / "search").mkdir()
    shutil.copy(lunr_site / "search" / "search_index.json", scratch / "search" / "search_index.json")
    terms = json.loads((lunr_site / "terms.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    search_engine.write(scratch, {f"terms/{t['slug']}/": t["aliases"] for t in terms})
    seconds = time.perf_counter() - start
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"search: {n} terms: writing our index takes {seconds:.1f} s (the hook, after Material's plugin)", flush=True)


def build_real(folder: Path, engine: str) -> Path:
    site = folder / f"real-{engine}"
    env = {**os.environ, "MLTERMS_SEARCH_ENGINE": engine, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)],
                          env=env, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(proc.stdout[-2000:])
    return site


def report(name: str, engine: str, how: str, r: dict) -> None:
    ok = (r["median_ms"] <= TARGETS["latency_ms"] and r["first_kb"] <= TARGETS["first_result_kb"]
          and (r["heap_mb"] or 0) <= TARGETS["heap_mb"])
    heap = f"{r['heap_mb']:.1f} MB" if r["heap_mb"] is not None else "n/a"
    print(f"search: {name:>6} {engine:7} {how:6} · never searches {r['boot_kb']:.1f} KB · before 1st result "
          f"{r['first_kb']:.0f} KB · keystroke→results median {r['median_ms']:.0f} ms, worst {r['max_ms']:.0f} ms · "
          f"worker heap {heap} · exact name first {r['exact_first']} {'✓' if ok else '✗'}"
          + (f" · first query, fetching and indexing the names: {r['cold_ms']:.0f} ms" if "cold_ms" in r else ""),
          flush=True)


def _questions(n: int) -> list[str]:
    """Learner questions of the reader set that search by meaning reads (4+ words, no code)."""
    import re
    import yaml
    rows = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
    asked = [q["query"] for q in rows if q.get("kind") == "learner-question"
             and len(q["query"].split()) >= 4 and not re.search(r"[()=_\[\]{}]|\w\.\w", q["query"])]
    return random.Random(3).sample(asked, min(n, len(asked)))


def meaning_report(r: dict) -> None:
    heap = f"{r['heap_mb']:.1f} MB" if r["heap_mb"] is not None else "n/a"
    print(f"search by meaning: 192 terms, real search box, CPU slowed {THROTTLE}× · model fetched at the first question "
          f"{r['model_kb'] / 1024:.1f} MB (gzip) · first question, model loaded and read: {r['first_ms']:.0f} ms · then "
          f"last key → answer by words median {r['words_ms']:.0f} ms, → answer by meaning median {r['median_ms']:.0f} ms, "
          f"worst {r['max_ms']:.0f} ms · worker JS heap {heap} (the model's buffer lies outside it)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[5000, 20000])
    parser.add_argument("--ui-sizes", nargs="*", type=int, default=[5000])
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--burst-only", action="store_true", help="only the burst-typing measure at 5,000 terms")
    parser.add_argument("--meaning-only", action="store_true", help="only search by meaning, on our 192 terms")
    args = parser.parse_args()
    if args.burst_only:
        return burst(args.queries)
    if args.meaning_only:
        return meaning_only(args.queries)
    print(f"search: CPU slowed {THROTTLE}× · targets: ≤ {TARGETS['latency_ms']} ms, ≤ {TARGETS['first_result_kb']} KB "
          f"gzip before the first result, worker heap ≤ {TARGETS['heap_mb']} MB")
    tmp = Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        for engine in ("mlterms", "lunr"):
            site = build_real(tmp, engine)
            terms = json.loads((site / "terms.json").read_text(encoding="utf-8"))
            queries, expect = _sample(terms, args.queries)
            served: list = []
            with serve(site, compress=True, served=served) as base:
                report("192", engine, "ui", measure_ui(base, served, queries, expect))
                if engine == "mlterms":
                    meaning_report(measure_meaning(base, served, _questions(args.queries)))
        for n in args.ui_sizes:
            for engine in ("lunr", "mlterms"):  # lunr first: it draws the social cards both builds share
                (tmp / f"ui{n}").mkdir(exist_ok=True)
                site = build_synthetic(n, tmp / f"ui{n}", engine)
                if engine == "lunr":
                    index_cost(site, n)
                terms = json.loads((site / "terms.json").read_text(encoding="utf-8"))
                queries, expect = _sample(terms, args.queries)
                served = []
                with serve(site, compress=True, served=served) as base:
                    report(str(n), engine, "ui", measure_ui(base, served, queries, expect))
        from mlterms_tools.search_scale import write_site
        for n in args.sizes:
            folder = tmp / f"worker{n}"
            folder.mkdir()
            start = time.perf_counter()
            terms = write_site(folder, n)
            index_s = time.perf_counter() - start
            queries, expect = _sample(terms, args.queries)
            served = []
            with serve(folder, compress=True, served=served) as base:
                result = measure_worker(base, served, queries, expect)
            report(str(n), "mlterms", "worker", result)
            print(f"search: {n} terms: index written in {index_s:.1f} s (parse + curate + index)")
        burst(args.queries)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def meaning_only(n_queries: int) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="search-meaning-"))
    try:
        site = build_real(tmp, "mlterms")
        served: list = []
        with serve(site, compress=True, served=served) as base:
            meaning_report(measure_meaning(base, served, _questions(n_queries)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def burst(n_queries: int, n_terms: int = 5000) -> int:
    """Burst typing at 5 ms per key, 5,000 terms, CPU slowed: target <= 100 ms median, <= 200 ms worst."""
    from mlterms_tools.search_scale import write_site
    folder = Path(tempfile.mkdtemp(prefix="search-burst-"))
    try:
        terms = write_site(folder, n_terms)
        names, _ = _sample(terms, n_queries)
        with serve(folder, compress=True) as base:
            r = measure_burst(base, names)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ok = r["median_ms"] <= 100 and r["max_ms"] <= 200
    print(f"search: {n_terms} terms, typed at 5 ms per key, CPU slowed {THROTTLE}×: last key → its answer median "
          f"{r['median_ms']:.0f} ms, worst {r['max_ms']:.0f} ms (targets 100 / 200 ms) {'✓' if ok else '✗'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
