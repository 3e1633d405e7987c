"""One warm Spark JVM for the PySpark snippets of a snippet run, with Spark's classes pre-parsed.

Starting a JVM and loading Spark's classes is most of what a small PySpark
snippet costs (on an already warm JVM one took 2.6 s instead of 6.6 s here),
and a JVM cannot be forked like the Python zygote. So the snippet runner
starts one JVM while it imports, and the PySpark snippets take turns on it
(``SharedJvm``), each with its own SparkContext.

Spark's classes are loaded from a class-data-sharing archive (the JDK's CDS,
``-XX:SharedArchiveFile``) under ``.cache/spark-cds/``: the first run on a
machine writes it when its JVM exits (about 10 s, once), later runs map it
instead of parsing and verifying Spark's classes again (first-run Spark work
7.3 s -> 5.5 s). The archive is keyed by what it was made from (Java, the
pyspark jars, the Spark settings); a stale or unreadable one is ignored by the
JVM, never an error.

``python snippet.py`` (the naive way, and any reader running a snippet) is
untouched: it reads ``snippets/_spark_conf`` as before.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from importlib import metadata
from pathlib import Path

from mlterms.examples.processes import kill_children
from mlterms.paths import CACHE_DIR, SNIPPETS_DIR

# Spark's quiet logging and UI-less, fast-start defaults, for every way a snippet runs.
SPARK_CONF_DIR = SNIPPETS_DIR / "_spark_conf"
ARCHIVE_DIR = CACHE_DIR / "spark-cds"
# An always-empty SPARK_CONF_DIR for the shared JVM: CDS refuses a non-empty folder on the class path,
# and the class path must be the same, to the letter, when the archive is written and when it is used.
EMPTY_CONF_DIR = ARCHIVE_DIR / "empty-conf"


def _java() -> Path | None:
    """The java that spark-submit will run (JAVA_HOME first, as spark-class does)."""
    home = os.environ.get("JAVA_HOME")
    found = Path(home) / "bin" / "java" if home else (Path(p) if (p := shutil.which("java")) else None)
    return found.resolve() if found and found.exists() else None


def archive_path() -> Path | None:
    """Where the class archive for this Java, PySpark and these settings lives (None: no Java)."""
    java = _java()
    if java is None:
        return None
    try:
        pyspark = metadata.version("pyspark")
        jars = Path(str(metadata.distribution("pyspark").locate_file("pyspark/jars")))
    except metadata.PackageNotFoundError:
        return None
    # The JDK checks the jars' times and sizes against the archive: a reinstalled venv needs a new one.
    stamps = [f"{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in (java, jars) if p.exists()]
    parts = [str(java), *stamps, pyspark, sys.platform]
    parts += [p.read_text(encoding="utf-8") for p in sorted(SPARK_CONF_DIR.glob("*"))]
    return ARCHIVE_DIR / f"spark-{hashlib.sha256(chr(0).join(parts).encode()).hexdigest()[:16]}.jsa"


class SharedJvm:
    """One Spark JVM that the PySpark snippets take turns on, instead of one JVM each.

    PySpark connects to a running JVM when ``PYSPARK_GATEWAY_PORT`` and
    ``PYSPARK_GATEWAY_SECRET`` are set (that is how ``spark-submit`` hands
    its JVM to Python), so a child given ``env`` opens its own connection and
    its own SparkContext. The JVM's working folder is a fixed "lane" folder:
    each snippet runs in it (emptied before, moved to the job's folder after),
    so relative paths mean the same to the snippet and to Spark. After any
    failure the JVM is retired and later snippets start their own, as
    ``python snippet.py`` would.
    """

    def __init__(self) -> None:
        # One temporary folder holds the lane and the JVM's log, so ``close`` removes both at once.
        self.home = Path(tempfile.mkdtemp(prefix="mlterms-spark-"))
        self.lane = self.home / "lane"
        self.lane.mkdir()
        self.log = self.home / "jvm.log"
        self.env: dict[str, str] = {}
        self._proc: subprocess.Popen | None = None
        self._archive = archive_path()
        self._dumping: Path | None = None  # the archive this JVM writes when it exits
        self._thread = threading.Thread(target=self._launch, daemon=True)

    def start(self) -> None:
        """Launch in the background: the JVM starts while the zygote imports."""
        self._thread.start()

    def ready(self, timeout: float) -> None:
        """Wait for the launch (before any fork: a child must not inherit a half-done thread).

        PySpark's ``launch_gateway`` polls for the JVM's port with no time
        limit. Past ``timeout`` the JVM (a child of this process) is killed,
        which ends that poll with an error: the snippets then start their own
        JVMs, as ``python snippet.py`` would, and report their own errors.
        """
        self._thread.join(timeout)
        if self._thread.is_alive():
            kill_children()  # the JVM launcher: no snippet child exists before ready()
            self._thread.join(30)
            self.env = {}

    def _submit_args(self) -> str:
        """spark-submit arguments: our settings, plus the class archive to use or to write.

        Spark puts SPARK_CONF_DIR on the class path, so this JVM gets
        ``EMPTY_CONF_DIR`` and the same settings as a properties file and a
        log4j2 option.
        """
        options = [f"-Dlog4j2.configurationFile={SPARK_CONF_DIR / 'log4j2.properties'}"]
        if self._archive and self._archive.exists():
            options.append(f"-XX:SharedArchiveFile={self._archive}")
        elif self._archive:
            self._archive.parent.mkdir(parents=True, exist_ok=True)
            self._dumping = self._archive.with_name(f"{self._archive.stem}.{os.getpid()}.tmp")
            options.append(f"-XX:ArchiveClassesAtExit={self._dumping}")
        return " ".join(["--properties-file", shlex.quote(str(SPARK_CONF_DIR / "spark-defaults.conf")),
                         "--conf", shlex.quote("spark.driver.defaultJavaOptions=" + " ".join(options)),
                         "pyspark-shell"])

    def _launch(self) -> None:
        try:
            from pyspark.java_gateway import launch_gateway
            EMPTY_CONF_DIR.mkdir(parents=True, exist_ok=True)
            # launch_gateway reads these from os.environ; they are put back below, before any fork.
            os.environ.update(SPARK_CONF_DIR=str(EMPTY_CONF_DIR), PYSPARK_SUBMIT_ARGS=self._submit_args())
            with open(self.log, "wb") as log:  # the JVM's own messages
                gateway = launch_gateway(popen_kwargs={"cwd": self.lane, "stdout": log, "stderr": log})
            params = gateway.gateway_parameters
            self.env = {"PYSPARK_GATEWAY_PORT": str(params.port), "PYSPARK_GATEWAY_SECRET": params.auth_token}
            self._proc = gateway.proc
            gateway.close()  # the zygote keeps the JVM, not a connection: children open their own
        except Exception:  # noqa: BLE001 - no shared JVM: each snippet starts its own and reports any error
            self.env = {}
        finally:
            os.environ["SPARK_CONF_DIR"] = str(SPARK_CONF_DIR)
            os.environ.pop("PYSPARK_SUBMIT_ARGS", None)

    def prepare_lane(self) -> None:
        for entry in self.lane.iterdir():
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()

    def collect(self, workdir: str) -> None:
        """Move what the snippet left in the lane to its own folder."""
        Path(workdir).mkdir(parents=True, exist_ok=True)
        for entry in self.lane.iterdir():
            shutil.move(str(entry), str(Path(workdir) / entry.name))

    def retire(self, failed: bool = False) -> None:
        """Let the JVM go: after the last PySpark snippet, or after a failure.

        Spark's gateway exits when its stdin closes; that overlaps the snippets
        still running, and ``close`` waits for it. After a failure its state
        is unknown: it is killed, and writes no class archive.
        """
        self.env = {}
        if self._proc is None:
            return
        if failed:
            self._proc.kill()
        elif not self._proc.stdin.closed:
            self._proc.stdin.close()

    def close(self, abort: bool = False) -> None:
        """Wait for the JVM to exit, keep the class archive it wrote, remove the lane and the log.

        ``abort`` (an error or a signal on the way out): kill the JVM instead of waiting for it.
        """
        self.retire(failed=abort)
        if self._proc is not None:
            try:
                code = self._proc.wait(timeout=60)  # writing the archive takes about 10 s
            except subprocess.TimeoutExpired:
                self._proc.kill()
                code = self._proc.wait()
            if self._dumping and code == 0 and self._dumping.exists() and self._archive:
                for old in self._archive.parent.glob("spark-*.jsa"):
                    old.unlink()  # one archive per machine: the one for today's Java and PySpark
                self._dumping.replace(self._archive)
        if self._dumping:
            self._dumping.unlink(missing_ok=True)
        shutil.rmtree(self.home, ignore_errors=True)


def stop_active_context() -> None:
    """In a child: stop the snippet's SparkContext if it left one running (the JVM allows one at a time)."""
    if "pyspark" not in sys.modules:
        return
    try:
        from pyspark import SparkContext
        if SparkContext._active_spark_context is not None:
            SparkContext._active_spark_context.stop()
    except Exception:  # noqa: BLE001 - the zygote retires the JVM when the child fails
        pass
