"""YAML front matter for a generated page, that no string can break out of."""

from __future__ import annotations

import html

import yaml

# libyaml's emitter and parser where PyYAML has them (the same YAML, about 20× faster: at 5,000
# terms the pure-Python pair took most of the page generation time).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter(values: dict) -> str:
    """YAML front matter that no string can break out of.

    Title and description are HTML-escaped: the theme puts them into <title>,
    <meta content="..."> and the search index without escaping them. The block
    is written by PyYAML's emitter (it quotes and escapes whatever needs it)
    and read back before use: if MkDocs could not parse it, it would render
    the block as Markdown, so a mismatch stops the build instead.
    """
    safe = {key: html.escape(value, quote=True) if key in ("title", "description") else value
            for key, value in values.items()}
    body = yaml.dump(safe, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=2**31 - 1)  # never fold a line (libyaml takes an int)
    if yaml.load(body, Loader=_LOADER) != safe or "\n---" in f"\n{body}" or "\n..." in f"\n{body}":
        raise ValueError(f"front matter does not round-trip through YAML: {safe!r}")
    return f"---\n{body}---\n"
