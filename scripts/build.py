#!/usr/bin/env python3
"""Build the ML Terms site: generate -> run snippets -> records -> mkdocs build --strict -> check links -> report.

Usage: scripts/build.py [--notes FILE] [--curation FILE] [--definitions FILE] [--crosswalk FILE]
                        [--site-dir DIR] [--json FILE] [--fresh] [--external] [--record-urls]
                        [--snippets-only] [--snippet-timeout SECONDS] [--list-stale]

Exit code 0 only when every phase passed. The site is built into a temporary
folder and swapped into place on success, so a failed build never leaves a
half-written site behind as if it were good.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

# Imported after sys.path names scripts/ (hence E402), in the order data flows through the stages.
from mlterms import record  # noqa: E402
from mlterms.errors import GlossaryError, Problem  # noqa: E402
from mlterms.glossary.inputs import Inputs, glossary_from, read_source  # noqa: E402
from mlterms.history import report_notes  # noqa: E402
from mlterms.examples import notebooks, snippets  # noqa: E402
from mlterms.outputs import siteurl, urls  # noqa: E402
from mlterms.outputs.siteconfig import tags_allowed  # noqa: E402
from mlterms.checks import lifecycle_check, linkcheck  # noqa: E402
from mlterms.checks.input_lint import lint  # noqa: E402
from mlterms.checks.report import Report  # noqa: E402

_MKDOCS_LINE = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+(?P<message>.*)$")
_DOC_FILE = re.compile(r"Doc file '(?P<path>[^']+)'")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", help="notes file (default: notes/ml-terms.txt)")
    parser.add_argument("--curation", help="curation file (default: notes/curation.yml for the default "
                                           "notes, else curation.yml beside the notes file, else none)")
    parser.add_argument("--definitions", help="definitions file (default: notes/definitions.yml for the default "
                                              "notes, else definitions.yml beside the notes file, else none)")
    parser.add_argument("--crosswalk", help="names crosswalk (default: notes/crosswalk.yml for the default "
                                            "notes, else crosswalk.yml beside the notes file, else none)")
    parser.add_argument("--site-dir", default=str(ROOT / "site"), help="where the site goes (default: site/)")
    parser.add_argument("--json", metavar="FILE", help="also write the report as JSON to FILE")
    parser.add_argument("--fresh", action="store_true", help="ignore cached snippet outputs and run every snippet")
    parser.add_argument("--snippets-only", action="store_true",
                        help="only bring snippet outputs up to date (what `make serve` does first)")
    parser.add_argument("--external", action="store_true",
                        help="also check external URLs (cached for a day; a broken one is a warning)")
    parser.add_argument("--record-urls", action="store_true",
                        help="add new term URLs to notes/published-urls.txt (do it when you publish)")
    parser.add_argument("--list-stale", action="store_true",
                        help="list the snippets and notebooks whose committed output is out of date, and exit "
                             "(0: none, 3: some; the Pages workflow installs the example stack only then)")
    parser.add_argument("--snippet-timeout", type=float, default=120.0, metavar="SECONDS",
                        help="stop a snippet that runs longer than this (default: 120)")
    return parser.parse_args(argv)


_LEVEL = re.compile(r"^(DEBUG|INFO|WARNING|ERROR)\s+-")


def mkdocs_problems(output: str) -> list[Problem]:
    """Every WARNING/ERROR message of mkdocs' output (with its continuation lines), as a located problem."""
    problems: list[Problem] = []
    current: list[str] | None = None
    messages: list[list[str]] = []
    for raw in output.splitlines():
        line = raw.rstrip()
        m = _MKDOCS_LINE.match(line.strip())
        if m:
            current = [m.group("message").strip()]
            messages.append(current)
        elif _LEVEL.match(line.strip()) or line.startswith("Aborted"):
            current = None
        elif current is not None and line.strip():
            current.append(line.strip())
    for parts in messages:
        message = "\n".join(parts)
        doc = _DOC_FILE.search(message)
        path = f"docs/{doc.group('path')}" if doc else "mkdocs.yml"
        problems.append(Problem(path, None, message, "see the message; generated pages come from the notes",
                                group="site"))
    return problems


def run_mkdocs(site_dir: Path, inputs: Inputs, handoff: dict[str, str], report: Report, site_url: str) -> bool:
    """``mkdocs build --strict`` in a child process, handed this build's records (``handoff``) and site URL."""
    pythonpath = os.pathsep.join(filter(None, [str(ROOT / "scripts"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, **inputs.environment(), **handoff, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": pythonpath,
           siteurl.ENV: site_url}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir),
           "--config-file", str(ROOT / "mkdocs.yml")]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    problems = mkdocs_problems(output)
    if proc.returncode != 0 and not problems:
        tail = "\n".join(output.strip().splitlines()[-15:])
        problems.append(Problem("mkdocs.yml", None, f"mkdocs build failed (exit {proc.returncode}):\n{tail}",
                                "run `mkdocs build --strict` to see the whole output", group="site"))
    report.problems.extend(problems)
    return proc.returncode == 0


def run_examples(args: argparse.Namespace, inputs: Inputs, glossary, report: Report) -> None:
    """Bring snippet and notebook outputs up to date, the notebooks' pool beside the snippets' pool.

    The notebooks run in a warm pool of their own (its kernels forked from
    it), waited on by a thread, while the snippets' pool runs, so the cold
    phase takes about as long as the longer of the two instead of their sum.
    The notebooks' pool starts first: finding the snippets (and, after their
    run, putting them on the pages) then overlaps it. On any way out (Ctrl-C
    included) both pools are stopped with all they started.
    """
    from mlterms.examples.runner import stop_all
    slugs = None if inputs.is_default else {t.slug for t in glossary.terms}  # another notes file: its examples only
    walkthroughs, nb_problems = notebooks.discover()
    walkthroughs = [n for n in walkthroughs if slugs is None or slugs.intersection(n.terms)]
    outcome: list = []  # (counts, problems) or the exception the thread ended with

    def run_notebooks() -> None:
        try:
            outcome.append(notebooks.refresh(walkthroughs, inputs.snippet_outputs, fresh=args.fresh,
                                             timeout=args.snippet_timeout))
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread, raised there
            outcome.append(exc)

    notebook_thread = threading.Thread(target=run_notebooks, name="notebooks", daemon=True)
    notebook_thread.start()
    try:
        found, problems = snippets.discover()
        found = [s for s in found if slugs is None or slugs.intersection(s.terms)]
        counts, run_problems = snippets.refresh(found, inputs.snippet_outputs, fresh=args.fresh,
                                                timeout=args.snippet_timeout)
        notebook_thread.join()
    except BaseException:
        stop_all()
        raise
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    nb_counts, nb_run_problems = outcome[0]
    report.counts.update(counts)
    report.counts.update(nb_counts)
    report.problems.extend(problems + run_problems + nb_problems + nb_run_problems)


def hook_report(site: Path) -> dict:
    """What the hook wrote into build-report.json (the history it read, whether it assembled records)."""
    try:
        return json.loads((site / "build-report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def count_pages(site: Path) -> int:
    """HTML pages, redirect stubs not counted."""
    return sum(1 for p in site.rglob("index.html")
               if "<title>Redirecting...</title>" not in p.read_text(encoding="utf-8", errors="replace")[:400])


def record_site_url(site: Path, where: siteurl.SiteUrl, report: Report) -> None:
    """Say in the report, and in the site's build-report.json, which URL the absolute links use and why."""
    if where.local:
        report.problems.append(Problem("SITE_URL", None, where.warning(),
                                       "set SITE_URL to the address the site is published at (e.g. "
                                       "SITE_URL=https://example.org/glossary/), or build from a clone whose "
                                       "origin remote is the GitHub Pages repository", severity="warning",
                                       group="site"))
    else:
        report.notes.append(f"site URL: {where.url} (from {where.origin})")
    path = site / "build-report.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data["site_url"] = {"url": where.url, "from": where.origin or "local default", "warning": where.warning()}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


def _in_site(problem: Problem, site_dir: Path) -> Problem:
    """Name the page by where it will be published (site/...), not the staging folder."""
    problem.path = problem.path.replace("site/", f"{site_dir.name}/", 1)
    return problem


SITE_MARKER = ".mlterms-site"  # written into every site this script builds: only such a folder is ever replaced


def site_dir_problem(site_dir: Path) -> Problem | None:
    """Why the build must not replace ``site_dir`` (None: it may).

    The build swaps a new site in and deletes the old one, so it only ever
    replaces a folder that is missing, empty, or marked as one of its own
    outputs. A typo such as ``--site-dir docs`` or ``--site-dir ~`` is an
    error, not a deleted folder.
    """
    if not site_dir.exists():
        return None
    hint = ("choose a new or empty folder; if it is an old build of this site made before the marker "
            "file existed, delete it once by hand")
    if not site_dir.is_dir():
        return Problem(str(site_dir), None, "--site-dir is a file, not a folder", hint, group="site")
    if site_dir == ROOT or site_dir in ROOT.parents:
        return Problem(str(site_dir), None, "--site-dir is the repository or a folder that contains it",
                       "choose a new or empty folder, such as site/", group="site")
    if (site_dir / SITE_MARKER).is_file() or not any(site_dir.iterdir()):
        return None
    return Problem(str(site_dir), None,
                   f"--site-dir already holds files that this build did not write (no {SITE_MARKER} marker); "
                   "the build replaces the whole folder, so it refuses", hint, group="site")


def swap_into_place(built: Path, target: Path) -> None:
    """Replace ``target`` by ``built`` with two renames; the old site is removed last.

    The old site goes to a fresh temporary name, never to a fixed one that a
    user's own folder could have.
    """
    (built / SITE_MARKER).write_text("Built by scripts/build.py; this folder is replaced on every build.\n",
                                     encoding="utf-8")
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent)) / "site"
    if target.exists():
        target.rename(old)
    built.rename(target)
    shutil.rmtree(old.parent, ignore_errors=True)


def build(args: argparse.Namespace) -> Report:
    inputs = Inputs.locate(args.notes, args.curation, args.definitions, args.crosswalk)
    report = Report(title=f"ML Terms build: {inputs.notes}"
                          + (f" + {inputs.curation}" if inputs.curation else " (no curation file)")
                          + (f" + {inputs.definitions}" if inputs.definitions else ""))
    site_dir = Path(args.site_dir).resolve()
    if not args.snippets_only and (problem := site_dir_problem(site_dir)):
        report.problems.append(problem)
        return report

    with report.phase("generate"):
        try:
            source = read_source(inputs)
            glossary = glossary_from(source, inputs, tags_allowed(ROOT / "mkdocs.yml"))
        except GlossaryError as exc:
            report.problems.extend(exc.problems)
            return report
    report.problems.extend(glossary.warnings)
    with report.phase("lint"):
        lint_problems, lint_counts = lint(source, glossary, inputs.definitions)
    report.problems.extend(lint_problems)
    report.counts.update(terms=len(glossary.terms), tags=len({tag for t in glossary.terms for tag in t.tags}),
                         excluded_lines=len(glossary.excluded), **lint_counts,
                         learn_more_links=sum(len(t.learn_more) for t in glossary.terms))
    if inputs.is_default:  # the published-URL promise is about our notes
        vanished, new = urls.check_published(glossary)
        report.problems.extend(vanished)
        if new and args.record_urls:
            urls.record(new)
            report.notes.append(f"recorded {len(new)} new term URL(s) in notes/published-urls.txt")
        elif new:
            report.notes.append(f"{len(new)} term URL(s) not yet in notes/published-urls.txt "
                                "(run with --record-urls when you publish)")

    with report.phase("snippets"):
        run_examples(args, inputs, glossary, report)
    if report.ok:
        with report.phase("records"):
            try:
                build_records = record.assemble(inputs, glossary)
            except record.ExamplesError as exc:
                report.problems.extend(exc.problems)
    if not report.ok or args.snippets_only:
        return report

    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    except OSError as exc:
        report.problems.append(Problem(str(site_dir), None, f"cannot write the site there: {exc.strerror}",
                                       "choose another --site-dir", group="site"))
        return report
    try:
        where = siteurl.resolve(ROOT, dict(os.environ))
        with report.phase("mkdocs"), tempfile.TemporaryDirectory(prefix="mlterms-handoff-") as handoff:
            built = run_mkdocs(staging, inputs, record.hand_over(build_records, Path(handoff)), report, where.url)
        if built:
            record_site_url(staging, where, report)
            report.counts["pages"] = count_pages(staging)
            from_hook = hook_report(staging)
            report.notes.extend(report_notes(from_hook.get("history") or {}))
            # The records are built once per build: here, and never again inside mkdocs (a test counts).
            report.counts["records_built"] = record.ASSEMBLIES + from_hook.get("assembled_in_mkdocs", 0)
            with report.phase("links"):
                links = linkcheck.check(staging, linkcheck.site_url_of(staging), external=args.external)
            report.counts.update(links_checked=links.checked, anchors_checked=links.anchors)
            if not args.external and report.counts.get("learn_more_links"):
                report.notes.append(f"{report.counts['learn_more_links']} learn-more link(s) and the notes' own "
                                    "URLs are unchecked (offline build; --external checks them)")
            report.problems.extend(_in_site(p, site_dir) for p in links.problems or [])
            report.problems.extend(_in_site(p, site_dir) for p in lifecycle_check.check_site(staging, glossary))
        if report.ok:
            swap_into_place(staging, site_dir)
            report.notes.append(f"site written to {site_dir}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.counts["warnings"] = len(report.problems) - len(report.errors)
    return report


def list_stale() -> int:
    """Print every example whose committed output no longer matches its code or the lock."""
    found, _ = snippets.discover()
    walkthroughs, _ = notebooks.discover()
    stale = snippets.stale(found) + [n.rel for n in walkthroughs if not notebooks.is_current(n)]
    for rel in stale:
        print(f"stale: {rel}")
    print(f"{len(stale)} stale example(s) of {len(found) + len(walkthroughs)}")
    return 3 if stale else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list_stale:
        return list_stale()
    try:
        report = build(args)
    except KeyboardInterrupt:  # every process the build started has been stopped on the way out
        print("ML Terms build: interrupted; nothing was written to the site folder")
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug here must still end in one readable line
        import traceback
        log = ROOT / ".cache" / "build-traceback.txt"
        log.parent.mkdir(exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
        print(f"ML Terms build: internal error: {type(exc).__name__}: {exc}\n"
              f"  (this is a bug in scripts/ rather than in your notes; the traceback is in {log})")
        return 2
    print(report.text())
    if args.json:
        Path(args.json).write_text(report.as_json(), encoding="utf-8")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
