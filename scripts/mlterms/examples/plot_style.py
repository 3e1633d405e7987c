"""The plots' style: one matplotlibrc for every snippet (snippets/_mpl/matplotlibrc), and what of it
counts in a snippet's cache key.

Only snippets that use matplotlib depend on it, so only theirs: a change to
the style re-runs the plotting snippets, not torch's or Spark's.
"""

from __future__ import annotations

from mlterms.paths import SNIPPETS_DIR

PLOT_STYLE = SNIPPETS_DIR / "_mpl" / "matplotlibrc"


def plot_style_bytes(code: bytes) -> bytes:
    """The style's bytes when ``code`` (a snippet's source) uses matplotlib, else nothing."""
    if b"matplotlib" not in code or not PLOT_STYLE.is_file():
        return b""
    return PLOT_STYLE.read_bytes()
