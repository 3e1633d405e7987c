"""A real ipykernel forked from a warm process, for nbclient to talk to: no start-up, no import time.

A fresh kernel (``python -m ipykernel_launcher``) spends seconds starting
Python, IPython and then importing what the notebook imports. In a child of
the notebooks' warm pool (see ``runner``) those libraries are already
imported, so ``start`` forks the kernel from it instead: the forked process
runs the very ``IPKernelApp`` that ``ipykernel_launcher`` runs, with the same
arguments nbclient would give it, and nbclient drives it over ZeroMQ as usual.
The outputs are a real kernel's; only the imports are shared (by fork, so no
state passes from one notebook to another).

``ForkedKernel`` is the jupyter_client provisioner of such a kernel: it lets
the kernel manager poll, signal and kill a process that it did not launch.
Linux only, like the pool's ``fork``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from jupyter_client.connect import write_connection_file
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning.provisioner_base import KernelProvisionerBase

from mlterms.examples.processes import die_with_parent

# What nbclient adds to the kernel's command line (NotebookClient.ipython_hist_file): no history file.
KERNEL_ARGS = ["--HistoryManager.hist_file=:memory:"]


class ForkedKernel(KernelProvisionerBase):
    """The provisioner of a kernel that this process forked, identified by its pid."""

    pid: int | None = None
    exit_code: int | None = None

    @property
    def has_process(self) -> bool:
        return self.pid is not None

    async def poll(self) -> int | None:
        """None while the kernel runs, else its exit code (reaped here: it is our child)."""
        if self.pid is not None and self.exit_code is None:
            try:
                done, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped already
                done, status = self.pid, 0
            if done:
                self.exit_code = os.waitstatus_to_exitcode(status)
        return self.exit_code

    async def wait(self) -> int | None:
        while await self.poll() is None:
            await asyncio.sleep(0.02)
        return self.exit_code

    async def send_signal(self, signum: int) -> None:
        if await self.poll() is None:
            os.kill(self.pid, signum)

    async def kill(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGTERM)

    async def launch_kernel(self, cmd: list[str], **kwargs) -> dict:
        raise NotImplementedError("a forked kernel is started by forked_kernel.start, not launched")

    async def cleanup(self, restart: bool = False) -> None:
        pass


def start(connection_file: Path, cwd: Path, log: Path) -> AsyncKernelManager:
    """Fork a kernel that serves ``connection_file`` (written here) from ``cwd``; a manager for nbclient.

    The kernel's own messages (start-up warnings, the echo of what cells
    print) go to ``log``: nbclient sends a fresh kernel's to /dev/null.
    Call it before any event loop runs in this process.
    """
    write_connection_file(str(connection_file), ip="127.0.0.1")
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        try:
            _serve(connection_file, cwd, log)
        finally:  # it exits from inside; if that failed, the child must not go on as its parent
            os._exit(70)
    manager = AsyncKernelManager(kernel_name="python3", connection_file=str(connection_file))
    manager.load_connection_file()
    manager.provisioner = ForkedKernel(kernel_id=manager.kernel_id, kernel_spec=manager.kernel_spec, parent=manager)
    manager.provisioner.pid = pid
    return manager


def stop(manager: AsyncKernelManager) -> None:
    """Kill the kernel and reap it: its outputs are all in, and nothing of it is worth a graceful exit."""
    kernel = manager.provisioner
    if kernel.pid is not None and kernel.exit_code is None:
        try:
            os.kill(kernel.pid, signal.SIGKILL)
            os.waitpid(kernel.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        kernel.exit_code = -signal.SIGKILL


def _serve(connection_file: Path, cwd: Path, log: Path) -> None:
    """In the forked kernel: what ``python -m ipykernel_launcher -f FILE`` does, then exit."""
    from ipykernel.kernelapp import IPKernelApp
    die_with_parent(signal.SIGKILL)  # its notebook's client gone (or killed), the kernel goes too
    for sig in (signal.SIGTERM, signal.SIGINT):  # the pool's handlers are not a kernel's
        signal.signal(sig, signal.SIG_DFL)
    os.chdir(cwd)
    stdin = os.open(os.devnull, os.O_RDONLY)
    out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(stdin, 0)
    os.dup2(out, 1)
    os.dup2(out, 2)
    IPKernelApp.launch_instance(argv=["-f", str(connection_file), *KERNEL_ARGS])
    os._exit(0)
