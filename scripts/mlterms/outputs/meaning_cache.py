"""Search by meaning's vectors kept between builds (``.cache/meaning/vectors.npz``), by text.

Why: embedding the glossary's ~1,900 texts takes the build about a minute; a rebuild changes few of
them. Builds that run at once (the test workers, each building the site on a fresh clone) take turns:
the first embeds, the others then find its vectors here instead of embedding the same texts side by
side. The file names the model it was made with; another model's vectors are never read.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

CACHED = 50_000  # texts whose vectors the cache keeps (about 75 MB)


def vectors(texts: list[str], embed: Callable[[list[str]], np.ndarray], model_id: str, width: int,
            cache: Path) -> np.ndarray:
    """The texts' vectors (rows of ``width``): those of texts an earlier build embedded with the model
    ``model_id`` from ``cache``, the others from ``embed``, which then joins them to the cache."""
    cache.parent.mkdir(parents=True, exist_ok=True)
    with _turn(cache.with_suffix(".lock")):
        known = _cached(cache, model_id)
        missing = sorted({t for t in texts if t not in known})
        if missing:
            for text, vector in zip(missing, embed(missing)):
                known[text] = vector
            # this build's texts first, then earlier ones, up to CACHED; written whole, then moved in place
            # (a build that does not wait its turn, e.g. on a system without file locks, never reads half a file)
            keep = list(dict.fromkeys([*texts, *known]))[:CACHED]
            with tempfile.NamedTemporaryFile(dir=cache.parent, suffix=".npz", delete=False) as handle:
                np.savez(handle, model=np.array(model_id), texts=np.array(keep),
                         vectors=np.array([known[t] for t in keep], dtype=np.float32).reshape(len(keep), width))
            os.replace(handle.name, cache)
    return np.array([known[t] for t in texts], dtype=np.float32).reshape(len(texts), width)


def _cached(cache: Path, model_id: str) -> dict[str, np.ndarray]:
    """Text -> vector, as an earlier build left them for this model (nothing if none or unreadable)."""
    try:
        with np.load(cache, allow_pickle=False) as saved:
            if str(saved["model"]) == model_id:
                return dict(zip(saved["texts"].tolist(), saved["vectors"]))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        pass
    return {}


@contextlib.contextmanager
def _turn(lock: Path) -> Iterator[None]:
    """An exclusive lock on ``lock`` while the block runs (none where the system has no fcntl)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: builds at once may embed the same texts twice, nothing worse
        yield
        return
    with open(lock, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
