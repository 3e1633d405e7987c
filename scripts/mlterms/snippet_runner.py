"""Run snippets fast: one warm process imports the heavy libraries once, then forks per snippet.

``run(jobs)`` starts ``python -m mlterms.snippet_runner`` (the "zygote"),
which imports what the snippets import (numpy, pandas, scikit-learn, torch,
pyspark, ...) and then, for each snippet, forks a child that runs it with
fresh globals (``runpy``) in its own working folder, its stdout/stderr going
to files. Forked children share the warm imports but no state: each exits
when its snippet is done. A child past its timeout is killed with its whole
process group (a Spark JVM included).

``run_naive(jobs)`` is the baseline for ``make bench``: one ``python
snippet.py`` process after another.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_TIMEOUT = 120.0
SPARK_CONF_DIR = Path(__file__).resolve().parents[2] / "snippets" / "_spark_conf"  # see snippets.py


@dataclass
class Job:
    path: str
    workdir: str
    timeout: float = DEFAULT_TIMEOUT


@dataclass
class Result:
    path: str
    workdir: str
    status: str  # "ok" | "error" | "timeout"
    exit_code: int
    seconds: float

    def read(self, name: str) -> str:
        try:
            return (Path(self.workdir) / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    @property
    def stdout(self) -> str:
        return self.read("stdout.txt")

    @property
    def stderr(self) -> str:
        return self.read("stderr.txt")


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    scripts = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [scripts, env.get("PYTHONPATH")]))
    env.update(MPLBACKEND="Agg", PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1",
               PYSPARK_PYTHON=sys.executable, TQDM_DISABLE="1",
               # Spark's quiet logging and UI-less defaults live in one place for every snippet.
               SPARK_CONF_DIR=str(SPARK_CONF_DIR))
    return env


def run(jobs: list[Job], workers: int | None = None, preload: list[str] | None = None) -> list[Result]:
    """Run ``jobs`` in a warm zygote with up to ``workers`` children at once."""
    if not jobs:
        return []
    workers = workers or os.cpu_count() or 2
    request = {"workers": workers, "preload": preload or [], "jobs": [asdict(j) for j in jobs]}
    proc = subprocess.run([sys.executable, "-m", "mlterms.snippet_runner"], input=json.dumps(request),
                          capture_output=True, text=True, env=_child_env(),
                          cwd=Path(__file__).resolve().parents[2])
    results = []
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            results.append(Result(**json.loads(line)))
    if len(results) != len(jobs):
        raise RuntimeError(f"the snippet runner stopped early (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    order = {j.path: i for i, j in enumerate(jobs)}
    return sorted(results, key=lambda r: order[r.path])


def run_naive(jobs: list[Job]) -> list[Result]:
    """Each snippet as its own ``python`` process, one after another (the baseline)."""
    results = []
    for job in jobs:
        start = time.perf_counter()
        Path(job.workdir).mkdir(parents=True, exist_ok=True)
        with open(Path(job.workdir) / "stdout.txt", "wb") as out, open(Path(job.workdir) / "stderr.txt", "wb") as err:
            try:
                code = subprocess.run([sys.executable, job.path], cwd=job.workdir, stdout=out, stderr=err,
                                      env=_child_env(), timeout=job.timeout).returncode
                status = "ok" if code == 0 else "error"
            except subprocess.TimeoutExpired:
                code, status = -9, "timeout"
        results.append(Result(job.path, job.workdir, status, code, round(time.perf_counter() - start, 3)))
    return results


# --- the zygote --------------------------------------------------------------------------


def _preload(modules: list[str]) -> None:
    """Import what the snippets will import, so each fork starts warm. A missing module is the snippet's error."""
    import matplotlib
    matplotlib.use("Agg")
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the snippet itself will report it
            pass


def _run_child(job: dict) -> None:
    """In the forked child: run one snippet as __main__ and exit with its status."""
    import runpy
    import traceback
    os.setpgid(0, 0)
    Path(job["workdir"]).mkdir(parents=True, exist_ok=True)
    os.chdir(job["workdir"])
    out = os.open("stdout.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    err = os.open("stderr.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(out, 1)
    os.dup2(err, 2)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
    sys.argv = [job["path"]]
    sys.path[0] = str(Path(job["path"]).parent)
    code = 0
    try:
        runpy.run_path(job["path"], run_name="__main__")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - report any failure of the snippet
        traceback.print_exc()
        code = 1
    try:
        import matplotlib.pyplot as plt
        plt.close("all")
    except Exception:  # noqa: BLE001
        pass
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _zygote() -> None:
    request = json.loads(sys.stdin.read())
    _preload(request["preload"])
    pending = list(request["jobs"])
    running: dict[int, tuple[dict, float]] = {}
    workers = max(1, int(request["workers"]))
    while pending or running:
        while pending and len(running) < workers:
            job = pending.pop(0)
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                _run_child(job)
            running[pid] = (job, time.perf_counter())
        time.sleep(0.01)
        for pid, (job, start) in list(running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            elapsed = time.perf_counter() - start
            if done == 0 and elapsed <= job["timeout"]:
                continue
            if done == 0:
                _kill_group(pid)
                os.waitpid(pid, 0)
                outcome, code = "timeout", -9
            else:
                code = os.waitstatus_to_exitcode(status)
                outcome = "ok" if code == 0 else "error"
            _kill_group(pid)  # whatever the snippet started (a Spark JVM) goes with it
            del running[pid]
            result = Result(job["path"], job["workdir"], outcome, code, round(elapsed, 3))
            print(json.dumps(asdict(result)), flush=True)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


if __name__ == "__main__":
    _zygote()
