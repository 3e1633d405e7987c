"""Facts read from mkdocs.yml, the one place they are written (e.g. the allowed tags)."""

from __future__ import annotations

from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV / !!python tags (we only need plain keys)."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_mkdocs_yml(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


def tags_allowed(path: Path) -> list[str] | None:
    """The tags plugin's ``tags_allowed`` list (None when the plugin allows any tag)."""
    for plugin in load_mkdocs_yml(path).get("plugins", []):
        if isinstance(plugin, dict) and ("tags" in plugin or "material/tags" in plugin):
            options = plugin.get("tags") or plugin.get("material/tags") or {}
            return list(options.get("tags_allowed") or []) or None
    return None
