"""Every snippet runs for real and prints exactly the output its term pages show."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

import conftest
from conftest import ROOT, article_text, build_in, isolated_repo
from mlterms.examples import notebooks
from mlterms.examples import snippets
from mlterms.examples.runner import Job, run

SNIPPETS, PROBLEMS = snippets.discover()


@pytest.fixture(scope="session")
def fresh_runs():
    """All snippets run now, in the warm pool, from scratch folders."""
    scratch = Path(tempfile.mkdtemp(prefix="snippet-test-"))
    jobs, preload = snippets.run_plan(SNIPPETS, scratch)
    by_path = {str(s.path): s.name for s in SNIPPETS}
    yield {by_path[r.path]: r for r in run(jobs, preload=preload)}
    shutil.rmtree(scratch, ignore_errors=True)


def test_every_snippet_file_is_usable():
    assert not PROBLEMS
    assert len(SNIPPETS) >= 45


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.name)
def test_snippet_output_matches_the_committed_output(snippet, fresh_runs):
    result = fresh_runs[snippet.name]
    assert result.status == "ok", result.stderr
    # The output as committed (copied before any test built the site), not one a build just rewrote.
    cached = snippets.read_output(snippet, conftest.COMMITTED_OUTPUTS)
    assert cached is not None, f"no committed output: run scripts/build.py and commit snippets/_outputs/{snippet.name}"
    assert cached.key == snippets.cache_key(snippet, snippets.environment_fingerprint()), \
        "the committed output is stale: run scripts/build.py and commit it"
    assert result.stdout == cached.stdout
    produced = sorted(p.name for p in Path(result.workdir).glob("*.png"))
    assert produced == cached.images


def test_snippet_is_a_real_standalone_script(tmp_path):
    """The naive way (python file.py) gives the same output as the warm pool."""
    from mlterms.examples.runner import run_naive
    snippet = next(s for s in SNIPPETS if s.name == "predict_proba")
    (result,) = run_naive([Job(str(snippet.path), str(tmp_path / "w"))])
    assert result.status == "ok" and result.stdout == snippets.read_output(snippet).stdout


def test_term_page_shows_code_output_download_and_plot(built_site, site_terms):
    html = (built_site / "terms" / "k-means-clustering" / "index.html").read_text(encoding="utf-8")
    shown = article_text(html)
    code = (ROOT / "snippets" / "k_means_clustering.py").read_text(encoding="utf-8")
    output = (ROOT / "snippets" / "_outputs" / "k_means_clustering" / "stdout.txt").read_text(encoding="utf-8")
    for line in [code.splitlines()[5], output.splitlines()[0], output.splitlines()[-1]]:
        assert " ".join(line.split()) in shown
    assert 'href="../../snippets/k_means_clustering.py"' in html
    assert (built_site / "snippets" / "k_means_clustering.py").read_text(encoding="utf-8") == code
    assert 'src="../../snippets/_outputs/k_means_clustering/k_means_clustering.png"' in html
    assert (built_site / "snippets/_outputs/k_means_clustering/k_means_clustering.png").stat().st_size > 1000
    term = next(t for t in site_terms if t["slug"] == "k-means-clustering")
    assert term["snippets"] == ["snippets/k_means_clustering.py"]
    also = next(t for t in site_terms if t["slug"] == "kmeans-inertia")
    assert "snippets/k_means_clustering.py" in also["snippets"]


def test_failing_snippet_fails_the_build_with_path_term_and_traceback(tmp_path):
    repo = isolated_repo(tmp_path)
    (repo / "snippets" / "broken_example.py").write_text(
        '# terms: outlier\n"""Broken on purpose."""\nvalues = [1, 2]\nprint(values[5])\n', encoding="utf-8")
    result = build_in(repo, "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "snippets/broken_example.py:4: error: raised an error (serves term 'outlier')" in result.stdout
    assert "IndexError: list index out of range" in result.stdout
    assert not (tmp_path / "site").exists()


def test_hanging_snippet_is_stopped_and_reported(tmp_path):
    repo = isolated_repo(tmp_path)
    (repo / "snippets" / "hangs.py").write_text(
        '# terms: outlier\n"""Never ends."""\nimport time\nwhile True:\n    time.sleep(1)\n', encoding="utf-8")
    result = build_in(repo, "--site-dir", str(tmp_path / "site"), "--snippet-timeout", "3")
    assert result.returncode == 1
    assert "snippets/hangs.py: error: did not finish within 3 s and was stopped (serves term 'outlier')" in result.stdout


def test_snippet_naming_an_unknown_term_fails(tmp_path):
    repo = isolated_repo(tmp_path)
    (repo / "snippets" / "typo_example.py").write_text('# terms: outlyer\n"""x"""\nprint(1)\n', encoding="utf-8")
    result = build_in(repo, "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "snippets/typo_example.py:1: error: names the term 'outlyer', which the notes do not have" in result.stdout


def test_snippet_named_like_a_module_is_refused(tmp_path):
    bad = tmp_path / "numpy.py"
    bad.write_text('# terms: outlier\n"""x"""\n', encoding="utf-8")
    snippet, problems = snippets.load_snippet(bad)
    assert snippet is None and "hides the module 'numpy'" in problems[0].message


NOTEBOOKS, NOTEBOOK_PROBLEMS = notebooks.discover()


def _texts(nb) -> list[str]:
    """The text a notebook printed or returned, cell by cell (images left aside)."""
    out = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                out.append(output["text"])
            elif "data" in output and "text/plain" in output["data"]:
                out.append(output["data"]["text/plain"])
    return out


def test_the_walkthrough_notebooks_load():
    """Without this, an empty list would turn the notebook test below into zero tests that all pass."""
    assert not NOTEBOOK_PROBLEMS
    assert len(NOTEBOOKS) >= 3


@pytest.fixture(scope="session")
def warm_notebook_runs(tmp_path_factory):
    """Every notebook executed as the build executes it: in the warm pool, each in a kernel forked from it."""
    import nbformat
    outputs = tmp_path_factory.mktemp("notebook-outputs")
    counts, problems = notebooks.refresh(NOTEBOOKS, outputs, fresh=True)
    assert not problems and counts["notebooks_run"] == len(NOTEBOOKS)
    return {n.name: nbformat.read(notebooks.executed_path(n, outputs), as_version=4) for n in NOTEBOOKS}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda n: n.name)
def test_notebook_runs_and_matches_the_committed_executed_copy(notebook, warm_notebook_runs, tmp_path):
    """A fresh kernel prints what the committed copy shows; and the build's kernel, forked from a pool that
    imported the libraries already, must not show it: every output (plots included), count and kernel fact
    is a fresh kernel's."""
    import nbformat
    committed_dir = conftest.COMMITTED_OUTPUTS
    assert notebooks.is_current(notebook, committed_dir), "the executed copy is stale: run scripts/build.py and commit it"
    executed = notebooks.execute(notebook, timeout=120, workdir=tmp_path)  # python -m ipykernel_launcher
    committed = nbformat.read(notebooks.executed_path(notebook, committed_dir), as_version=4)
    assert _texts(executed) == _texts(committed)
    assert any("image/png" in o.get("data", {}) for c in executed.cells for o in c.get("outputs", []))
    warm = warm_notebook_runs[notebook.name]
    assert warm.metadata == executed.metadata
    assert [c.get("execution_count") for c in warm.cells] == [c.get("execution_count") for c in executed.cells]
    assert [c.get("outputs") for c in warm.cells] == [c.get("outputs") for c in executed.cells]


def test_a_failing_notebook_fails_the_build(tmp_path):
    import nbformat
    repo = isolated_repo(tmp_path)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Broken\n\nOn purpose."),
                                         nbformat.v4.new_code_cell("1 / 0")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, repo / "snippets" / "notebooks" / "broken.ipynb")
    result = build_in(repo, "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "snippets/notebooks/broken.ipynb: error: failed to execute: CellExecutionError" in result.stdout
    assert "ZeroDivisionError" in result.stdout
