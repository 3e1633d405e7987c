"""Process clean-up for the snippet runner: nothing it starts may outlive it.

Snippets run in forked children, each in a process group of its own (so a
timeout can kill what the snippet started), which also means a Ctrl-C in the
terminal does not reach them. These helpers close the gaps: a child dies with
its parent (``PR_SET_PDEATHSIG``), the zygote adopts what a snippet abandons
(``PR_SET_CHILD_SUBREAPER``), and waiting for a killed process never blocks
for ever. Linux only, like the runner's ``fork``.
"""

from __future__ import annotations

import ctypes
import os
import signal
import time
from pathlib import Path

_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36


def _prctl(option: int, value: int) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the other safeguards still apply
        pass


def die_with_parent(sig: int) -> None:
    """Have the kernel send ``sig`` to this process when its parent exits, however the parent ends."""
    parent = os.getppid()
    _prctl(_PR_SET_PDEATHSIG, int(sig))
    if os.getppid() != parent:  # the parent was already gone before the request took effect
        os.kill(os.getpid(), sig)


def make_subreaper() -> None:
    """Orphaned descendants become this process's children (instead of init's), so it can kill them."""
    _prctl(_PR_SET_CHILD_SUBREAPER, 1)


def children_of(pid: int) -> list[int]:
    """The live direct children of ``pid`` (from /proc; empty where there is none)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def descendants_of(pid: int) -> list[int]:
    """Children, grandchildren... of ``pid``, parents before their children."""
    found: list[int] = []
    todo = [pid]
    while todo:
        kids = children_of(todo.pop())
        found += kids
        todo += kids
    return found


def kill_tree(pid: int, only_group: bool = False) -> None:
    """SIGKILL the process group led by ``pid`` and, unless ``only_group``, ``pid`` and all its descendants.

    The process itself matters when a snippet moved to another group: killing
    the group alone would miss it, and waiting for it would block. Its
    descendants matter when one sits in a session of its own (a JVM that a
    launcher script started, a ``sleep`` a snippet detached).
    """
    targets = [] if only_group else [pid, *descendants_of(pid)]
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    for target in targets:
        try:
            os.kill(target, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def kill_children() -> list[int]:
    """Kill every child of this process with its descendants; returns their pids, to be reaped."""
    children = children_of(os.getpid())
    for pid in children:
        kill_tree(pid)
    return children


def wait_gone(pids: list[int], timeout: float) -> None:
    """Reap ``pids`` (our children) without ever blocking longer than ``timeout`` seconds."""
    end = time.monotonic() + timeout
    left = set(pids)
    while left and time.monotonic() < end:
        for pid in list(left):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                left.discard(pid)
        if left:
            time.sleep(0.02)
