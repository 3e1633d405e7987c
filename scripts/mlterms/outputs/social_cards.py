"""Keep Material's social-card plugin from holding every card layer in memory until the build ends.

The plugin caches each rendered card layer by content hash so that layers
shared by all cards (background, logo, site name) are drawn once. But it
never lets go: the title and description layers of every page stay in that
cache, about 1.2 MB per page, so 5,000 terms need 6 GB. This cache keeps
the sharing and lets go of layers only one card has asked for once that
card has taken its layer: a layer a second card asks for stays (at worst it
is drawn twice). The plugin's access pattern is setdefault(hash) -> maybe
[hash] = future -> [hash].result(), once per card and layer.
"""

from __future__ import annotations

from collections import Counter
from threading import Lock


class ReleasingLayerCache(dict):
    """A dict of layer futures that drops a layer after its only user took it."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = Lock()
        self._asked: Counter = Counter()

    def setdefault(self, key, default=None):
        with self._lock:
            self._asked[key] += 1
            return super().setdefault(key, default)

    def __getitem__(self, key):
        with self._lock:
            value = super().__getitem__(key)
            if self._asked[key] == 1:
                super().__delitem__(key)
            return value


def install(config) -> None:
    """Give the social plugin (if enabled) the releasing cache; call from on_config."""
    plugin = config.plugins.get("material/social")
    if plugin is not None and plugin.config.enabled and hasattr(plugin, "card_layer_pool_jobs"):
        plugin.card_layer_pool_jobs = ReleasingLayerCache()
