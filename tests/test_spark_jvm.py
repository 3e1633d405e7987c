"""PySpark snippets share one warm JVM in the pool, yet each sees what `python snippet.py` would."""

from __future__ import annotations

from pathlib import Path

from mlterms.examples import spark_jvm
from mlterms.examples.runner import Job, run

# Each snippet writes a file next to itself from Python and reads it back through Spark's JVM (a relative
# path both must resolve in the same folder), then prints the JVM's process id.
SPARK_SNIPPET = '''# terms: spark
from pathlib import Path
from pyspark.sql import SparkSession

spark = SparkSession.builder.master("local[1]").getOrCreate()
Path("note.txt").write_text("{word}\\n")
print("read back:", spark.read.text("note.txt").first().value)
print("jvm:", spark._jvm.java.lang.ProcessHandle.current().pid())
{ending}
'''


def _job(tmp_path: Path, name: str, word: str, ending: str = "spark.stop()") -> Job:
    path = tmp_path / f"{name}.py"
    path.write_text(SPARK_SNIPPET.format(word=word, ending=ending), encoding="utf-8")
    return Job(str(path), str(tmp_path / "work" / name), timeout=120, shares_jvm=True)


def _jvm(result) -> str:
    return next(line for line in result.stdout.splitlines() if line.startswith("jvm:"))


def test_pyspark_snippets_take_turns_on_one_jvm_and_a_failure_retires_it(tmp_path):
    jobs = [_job(tmp_path, "first", "alpha"), _job(tmp_path, "second", "beta"),
            # fails while its SparkContext is still running:
            _job(tmp_path, "broken", "gamma", ending="raise RuntimeError('broken on purpose')"),
            _job(tmp_path, "after", "delta")]
    first, second, broken, after = run(jobs, workers=2)

    assert [r.status for r in (first, second, broken, after)] == ["ok", "ok", "error", "ok"], after.stderr
    # Same JVM for the snippets in turn: the second did not pay for a JVM of its own.
    assert _jvm(first) == _jvm(second) == _jvm(broken)
    # Each read its own file, and what it wrote is in its own folder, not in a shared one.
    for result, word in [(first, "alpha"), (second, "beta"), (after, "delta")]:
        assert f"read back: {word}" in result.stdout
        assert (Path(result.workdir) / "note.txt").read_text() == f"{word}\n"
    assert "RuntimeError: broken on purpose" in broken.stderr
    # After a failure the JVM's state is unknown: the next snippet starts its own, as python x.py would.
    assert _jvm(after) != _jvm(first)


def test_the_pool_keeps_a_class_archive_of_spark_for_the_next_run(tmp_path):
    """The shared JVM writes the CDS archive when it first exits; later runs map it (see spark_jvm)."""
    (result,) = run([_job(tmp_path, "only", "epsilon")], workers=1)
    assert result.status == "ok", result.stderr
    archive = spark_jvm.archive_path()
    assert archive is not None and archive.exists() and archive.stat().st_size > 10_000_000
    assert list(archive.parent.glob("*.tmp")) == []
