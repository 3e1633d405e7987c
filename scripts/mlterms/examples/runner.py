"""Run snippets fast: one warm process imports the heavy libraries once, then forks per snippet.

``run(jobs)`` starts ``python -m mlterms.examples.runner`` (the "zygote"),
which imports what the snippets import (numpy, pandas, scikit-learn, torch,
pyspark, ...) and then, for each snippet, forks a child that runs it with
fresh globals (``runpy``) in its own working folder, its stdout/stderr going
to files. Forked children share the warm imports but no state: each exits
when its snippet is done. A child past its timeout is killed with its whole
process group.

PySpark snippets (``Job.shares_jvm``) also share one Spark JVM, started while
the zygote imports (see ``spark_jvm``): a JVM cannot be forked, and starting
one per snippet costs more than the snippet. They take turns, each with its own
SparkContext, which the child stops when it ends.

Notebooks (jobs with a ``call``) run in a pool of their own, started
with the notebooks' environment (``notebooks.refresh``): each child runs
nbclient against a real ipykernel that it forks from itself, so the kernel
starts with the notebook's libraries already imported.

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

from mlterms.examples.plot_style import PLOT_STYLE
from mlterms.examples.processes import (
    die_with_parent,
    kill_children,
    kill_tree,
    make_subreaper,
    wait_gone,
)
from mlterms.examples.spark_jvm import SPARK_CONF_DIR, SharedJvm, stop_active_context
from mlterms.paths import ROOT, SCRIPTS_DIR

DEFAULT_TIMEOUT = 120.0
JVM_START_TIMEOUT = 90.0  # PySpark's own launch waits for the JVM without any limit


@dataclass
class Job:
    path: str
    workdir: str
    timeout: float = DEFAULT_TIMEOUT
    shares_jvm: bool = False  # a PySpark snippet: runs on the pool's one Spark JVM, one at a time
    # "": run the file as __main__; else "module:function", called with the path in the child (a notebook:
    # "mlterms.examples.notebooks:execute_in_child"). Named, not imported here: the caller knows what its jobs are.
    call: str = ""


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


def zygote_env(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment, ``extra`` added, and ``mlterms`` importable (the zygote runs as ``-m``)."""
    env = {**os.environ, **extra}
    scripts = str(SCRIPTS_DIR)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [scripts, os.environ.get("PYTHONPATH")]))
    return env


def _child_env() -> dict[str, str]:
    """What every snippet runs with: the same settings in the pool as in the naive baseline."""
    return zygote_env({"MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1",
                       "PYSPARK_PYTHON": sys.executable, "TQDM_DISABLE": "1", "SPARK_CONF_DIR": str(SPARK_CONF_DIR),
                       "MATPLOTLIBRC": str(PLOT_STYLE)})


class PhaseTimeout(RuntimeError):
    """The whole snippet phase ran past its deadline; every process it started has been stopped."""


_LIVE: set[subprocess.Popen] = set()  # the zygotes running now, for stop_all() from another thread


def run(jobs: list[Job], workers: int | None = None, preload: list[str] | None = None,
        deadline: float | None = None, env: dict[str, str] | None = None, nice: int = 0) -> list[Result]:
    """Run ``jobs`` in a warm zygote with up to ``workers`` children at once.

    ``deadline`` (seconds) bounds the whole phase: past it, or on any way out
    of here (Ctrl-C included), the zygote is told to stop, and it kills every
    child's process group and the Spark JVM before it exits. ``env`` is the
    zygote's environment, and so every child's (default: the snippets').
    ``nice`` lowers the priority of the zygote and its children: a pool
    running beside another one whose longest path is longer yields it the CPU.
    """
    if not jobs:
        return []
    workers = workers or os.cpu_count() or 2
    if deadline is None:
        deadline = phase_deadline(jobs, workers)
    request = {"workers": workers, "preload": preload or [], "jobs": [asdict(j) for j in jobs], "nice": nice}
    proc = subprocess.Popen([sys.executable, "-m", "mlterms.examples.runner"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or _child_env(),
                            cwd=ROOT)
    _LIVE.add(proc)
    try:
        stdout, stderr = proc.communicate(json.dumps(request), timeout=deadline)
    except subprocess.TimeoutExpired:
        raise PhaseTimeout(f"the snippet phase did not finish within {deadline:.0f} s") from None
    finally:
        _stop_zygote(proc)
        _LIVE.discard(proc)
    results = []
    for line in stdout.splitlines():
        if line.startswith("{"):
            results.append(Result(**json.loads(line)))
    if len(results) != len(jobs):
        if proc.returncode in (128 + signal.SIGINT, -signal.SIGINT):
            # Ctrl-C reaches the whole foreground group: the zygote can end (_exit_on_signal, or SIGINT itself
            # before its handler is set) before this thread, or the main one, sees its own KeyboardInterrupt.
            # The build was interrupted, not broken.
            raise KeyboardInterrupt
        raise RuntimeError(f"the snippet runner stopped early (exit {proc.returncode}):\n{stderr[-2000:]}")
    order = {j.path: i for i, j in enumerate(jobs)}
    return sorted(results, key=lambda r: order[r.path])


def phase_deadline(jobs: list[Job], workers: int) -> float:
    """Room for every job to use its whole timeout, ``workers`` at a time, plus start-up (imports, the JVM)."""
    return sum(j.timeout for j in jobs) / max(1, workers) + JVM_START_TIMEOUT + 60


def stop_all() -> None:
    """Stop every zygote still running, with all it started: for a build on its way out of a phase
    in which another thread is waiting on a pool (the notebooks' pool beside the snippets')."""
    for proc in list(_LIVE):
        _stop_zygote(proc)


def _stop_zygote(proc: subprocess.Popen) -> None:
    """SIGTERM (the zygote then kills its children and the JVM), SIGKILL if it has not gone in 15 s."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream:
            stream.close()


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
    """Import what the jobs will import, so each fork starts warm. A missing module is the job's own error.

    Matplotlib takes its backend from ``MPLBACKEND`` in the zygote's
    environment: Agg for snippets, the inline backend for notebook kernels.
    """
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the snippet itself will report it
            pass
    # Children never collect the zygote's objects: without this, their first full GC walks (and
    # so copies, page by page) the whole inherited heap of numpy, pandas, scikit-learn...
    import gc
    gc.freeze()


def _run_child(job: dict, cwd: str, env: dict[str, str]) -> None:
    """In the forked child: run one job (in ``cwd``, with ``env`` added) and exit with its status.

    A script runs as ``__main__``; a job with a ``call`` (a notebook) is handed
    to that function, which writes what it made into ``cwd``.
    """
    import runpy
    import traceback
    os.setpgid(0, 0)
    die_with_parent(signal.SIGKILL)  # a zygote killed outright takes its children with it
    os.environ.update(env)
    Path(cwd).mkdir(parents=True, exist_ok=True)
    os.chdir(cwd)
    out = os.open("stdout.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    err = os.open("stderr.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(out, 1)
    os.dup2(err, 2)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
    code = 0
    try:
        if job["call"]:
            module, _, function = job["call"].partition(":")
            getattr(importlib.import_module(module), function)(job["path"])
        else:
            sys.argv = [job["path"]]
            sys.path[0] = str(Path(job["path"]).parent)
            runpy.run_path(job["path"], run_name="__main__")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - report any failure of the snippet
        traceback.print_exc()
        code = 1
    if job.get("shares_jvm"):
        stop_active_context()
    try:
        import matplotlib.pyplot as plt
        plt.close("all")
    except Exception:  # noqa: BLE001
        pass
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _zygote() -> None:
    """Read the jobs, warm up, run them; whatever way it ends, no child, JVM or lane is left behind.

    SIGTERM (what ``run`` sends) and SIGINT (Ctrl-C in a terminal reaches the
    whole foreground group) end the zygote through ``finally``. It is also a
    child subreaper, so a process that a snippet started and abandoned (even
    in a session of its own) becomes its child and is killed at the end.
    """
    die_with_parent(signal.SIGTERM)
    make_subreaper()
    signal.signal(signal.SIGTERM, _exit_on_signal)
    signal.signal(signal.SIGINT, _exit_on_signal)
    request = json.loads(sys.stdin.read())
    if request["nice"] > 0:
        os.nice(request["nice"])
    jobs = list(request["jobs"])
    jvm = SharedJvm() if any(j.get("shares_jvm") for j in jobs) else None
    pool = _Pool(jobs, max(1, int(request["workers"])), jvm)
    aborted = True
    try:
        if jvm:
            jvm.start()
        _preload(request["preload"])
        if jvm:
            jvm.ready(timeout=JVM_START_TIMEOUT)
        pool.run()
        aborted = False
    finally:
        pool.kill_all()
        if jvm:
            jvm.close(abort=aborted)
        wait_gone(kill_children(), timeout=10)  # and the orphans handed to us as subreaper


_STOPPING = False  # the first signal is ending the zygote: the next ones must not cut its clean-up short


def _exit_on_signal(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
    """End the zygote through its ``finally``, once. Ctrl-C reaches it with the whole group and the build
    then sends SIGTERM too (``_stop_zygote``): raised again inside the clean-up, that second signal left a
    process a snippet had detached running (a fresh-clone run). SIGKILL, 15 s on, still ends a clean-up
    that hangs."""
    global _STOPPING
    if _STOPPING:
        return
    _STOPPING = True
    raise SystemExit(128 + signum)


class _Pool:
    """Forks up to ``workers`` children at once, longest job first; prints one JSON line per finished job.

    A PySpark job goes first whenever the shared JVM is free: the PySpark
    snippets take turns on it, one after another, the longest path of the
    run, and the JVM can retire (and exit) once the last of them is done.
    """

    def __init__(self, pending: list[dict], workers: int, jvm: SharedJvm | None) -> None:
        self.pending = pending
        self.workers = workers
        self.jvm = jvm
        self.running: dict[int, tuple[dict, float]] = {}

    def _jvm_up(self) -> bool:
        return bool(self.jvm and self.jvm.env)

    def _may_start(self, job: dict) -> bool:
        """PySpark snippets take turns on the shared JVM; everything else just needs a free worker."""
        if not (job.get("shares_jvm") and self._jvm_up()):
            return True
        return not any(j.get("_shared") for j, _ in self.running.values())

    def _start(self, job: dict) -> None:
        self.pending.remove(job)
        shared = bool(job.get("shares_jvm") and self._jvm_up())
        if shared:
            self.jvm.prepare_lane()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                _run_child(job, str(self.jvm.lane) if shared else job["workdir"], self.jvm.env if shared else {})
            finally:  # it exits from inside; if setting it up failed, the child must not go on as a zygote
                os._exit(70)
        job["_shared"] = shared
        self.running[pid] = (job, time.perf_counter())

    def run(self) -> None:
        while self.pending or self.running:
            while len(self.running) < self.workers:
                startable = [j for j in self.pending if self._may_start(j)]
                job = next((j for j in startable if j.get("shares_jvm")), startable[0] if startable else None)
                if job is None:
                    break
                self._start(job)
            time.sleep(0.01)
            for pid, (job, start) in list(self.running.items()):
                self._reap(pid, job, start)

    def kill_all(self) -> None:
        """Kill every running child and its process group (on the way out, whatever the reason)."""
        for pid in list(self.running):
            kill_tree(pid)
        wait_gone(list(self.running), timeout=10)
        self.running.clear()

    def _reap(self, pid: int, job: dict, start: float) -> None:
        """Report the child if it ended; kill it if it ran past its timeout."""
        done, status = os.waitpid(pid, os.WNOHANG)
        elapsed = time.perf_counter() - start
        if done == 0 and elapsed <= job["timeout"]:
            return
        if done == 0:
            kill_tree(pid)  # the child itself too: it may have left its process group
            wait_gone([pid], timeout=10)
            outcome, code = "timeout", -9
        else:
            code = os.waitstatus_to_exitcode(status)
            outcome = "ok" if code == 0 else "error"
        kill_tree(pid, only_group=True)  # whatever the snippet started (its own Spark JVM) goes with it
        del self.running[pid]
        if job.pop("_shared"):
            self.jvm.collect(job["workdir"])
            if outcome != "ok":
                self.jvm.retire(failed=True)
            elif not any(j.get("shares_jvm") for j in self.pending):
                self.jvm.retire()
        result = Result(job["path"], job["workdir"], outcome, code, round(elapsed, 3))
        print(json.dumps(asdict(result)), flush=True)


if __name__ == "__main__":
    _zygote()
