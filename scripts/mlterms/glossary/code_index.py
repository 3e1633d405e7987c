"""The code identifiers of each term, for search: a reader who pastes ``df.fillna(0)`` or
``from sklearn.cluster import KMeans`` means the term whose example uses that code.

``identifiers(term, snippet_paths, cache)`` gathers them from five places: the term's ``api:``
path (definitions.yml, the only thing on ``Term.code``), API reference pages among its learn-more
links, the identifiers its snippets use (``examples.snippets``), identifiers in the notes' own
code lines, and the parameters and fitted attributes of its api and crosswalk code paths in the
installed libraries (``api_parameters``). ``record.records_of`` puts them on ``TermRecord.code``; ``outputs.search_files``
writes them into names.json, where the worker indexes them as a code field.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import re
from pathlib import Path

from mlterms.notes.lines import Kind, shape

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
# Builtins and keywords explain no term: a query of `print(len(x))` is not about one.
_COMMON = set(dir(builtins)) | set(keyword.kwlist) | {"self", "cls"}
_API_PAGE = re.compile(r"/(?:generated|api|reference)/(?:[\w.-]+/)*([A-Za-z_]\w*(?:\.\w+)+?)(?:\.html)?(?:#.*)?$")
_PER_SNIPPET = 80  # the first identifiers of a snippet are its imports and main calls


def source_identifiers(source: str) -> list[str]:
    """Imported modules and names, called functions and methods, attributes and keyword arguments."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            found += ([node.module] if node.module else []) + [a.name for a in node.names]
        elif isinstance(node, ast.Attribute):
            found.append(node.attr)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            found.append(node.func.id)
        elif isinstance(node, ast.keyword) and node.arg:
            found.append(node.arg)
    return _keep(found)[:_PER_SNIPPET]


def line_identifiers(text: str) -> list[str]:
    """Identifiers of one code line of the notes (not always valid Python: a regular expression)."""
    return _keep(m.group(0) for m in _IDENT.finditer(text) if "." in m.group(0) or "_" in m.group(0)
                 or (re.search(r"[A-Z]", m.group(0)) and re.search(r"[a-z]", m.group(0))))


def _keep(names) -> list[str]:
    return [n for n in dict.fromkeys(names) if n not in _COMMON and len(n) >= 2 and not n.startswith("_")]


# Libraries whose API objects the build may import to read their parameters (installed with the
# build's requirements; importing them has no side effect).
_INTROSPECTED = ("sklearn.", "pandas.", "numpy.", "scipy.", "torch.", "imblearn.")
_ATTRIBUTE = re.compile(r"^\s+([a-z][a-z0-9_]*_)\s*:", re.M)  # numpydoc "Attributes": inertia_ : float


def api_parameters(path: str) -> list[str]:
    """The parameters an API object takes and the fitted attributes it documents (``n_init`` and
    ``inertia_`` of sklearn.cluster.KMeans): what a reader pastes from its reference page. Empty for
    a path that is not an importable object of an introspected library."""
    if not path.startswith(_INTROSPECTED):
        return []
    import importlib
    import inspect
    if path.startswith("sklearn."):
        # scikit-learn's experimental estimators (IterativeImputer, HalvingGridSearchCV) exist only
        # after their documented enable_ import: always made, so every build reads the same names.
        importlib.import_module("sklearn.experimental.enable_iterative_imputer")
        importlib.import_module("sklearn.experimental.enable_halving_search_cv")
    parts = path.split(".")
    obj = None
    for n in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:n]))
        except ImportError:
            continue
        try:  # a name a library guards behind another import reads as absent
            for attr in parts[n:]:
                obj = getattr(obj, attr, None)
        except ImportError:
            obj = None
        break
    if obj is None or not callable(obj):
        return []
    try:
        found = [p for p in inspect.signature(obj).parameters if p not in ("self", "args", "kwargs")]
    except (TypeError, ValueError):
        found = []
    if inspect.isclass(obj):
        found += _ATTRIBUTE.findall(inspect.getdoc(obj) or "")
    return _keep(found)


_API_CACHE = "api-parameters.json"


def _cache_key() -> dict[str, str]:
    """What the kept parameters depend on: the installed versions of the introspected libraries (read
    from their metadata, not imported) and a digest of this file (an edit to how parameters are read
    makes the kept ones stale too)."""
    import hashlib
    from importlib import metadata
    found = {"code_index.py": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]}
    for dist in ("scikit-learn", "pandas", "numpy", "scipy", "torch", "imbalanced-learn"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = ""
    return found


def load_api_cache(cache_dir: Path) -> dict[Path | str, list[str]]:
    """``api_parameters`` of the API paths an earlier build read, while the libraries are the same
    versions and this file: importing scikit-learn, SciPy and PyTorch to read them took most of a
    build's record step on every build (9.7 s; 2.7 s with them kept). Empty when the file is missing, unreadable or stale."""
    import json
    try:
        data = json.loads((cache_dir / _API_CACHE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("libraries") != _cache_key():
        return {}
    return {str(k): list(v) for k, v in data.get("paths", {}).items()}


def save_api_cache(cache_dir: Path, cache: dict[Path | str, list[str]]) -> None:
    """Keep the API paths' entries of ``cache`` (not the snippets') for the next build; written whole
    and then renamed, so a build running beside this one reads the old file or the new one."""
    import json
    import os
    paths = {k: v for k, v in sorted(cache.items(), key=lambda kv: str(kv[0])) if isinstance(k, str)}
    data = {"libraries": _cache_key(), "paths": paths}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache_dir / f"{_API_CACHE}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(data, indent=0), encoding="utf-8")
        os.replace(tmp, cache_dir / _API_CACHE)
    except OSError:
        pass  # a read-only checkout: the next build reads the libraries again


def identifiers(term, snippet_paths: list[Path], cache: dict[Path | str, list[str]]) -> list[str]:
    """The code identifiers of a term, each once: the crosswalk's names of it in code, its ``api``
    path and API reference links, the identifiers its snippets use (``cache``: snippet path or API
    path -> identifiers, shared across terms), the identifiers in the notes' own code lines, and the
    parameters and fitted attributes of its API paths."""
    found = list(term.code_names) + list(term.code) + [
        m.group(1) for link in term.learn_more if (m := _API_PAGE.search(link.url))]
    for path in snippet_paths:
        if path not in cache:
            cache[path] = source_identifiers(path.read_text(encoding="utf-8")) if path.is_file() else []
        found += cache[path]
    for definition in term.definitions:
        for line in definition.lines:
            if line.text.strip() and shape(line.text.strip()).kind is Kind.CODE:
                found += line_identifiers(line.text)
    for path in [*term.code, *term.code_names]:
        if path not in cache:
            cache[path] = api_parameters(path)
        found += cache[path]
    return list(dict.fromkeys(found))
