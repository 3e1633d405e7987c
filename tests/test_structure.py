"""The package's shape: no import cycle (imports inside functions counted), small modules, short functions.

A cycle hidden by an import inside a function still ties two modules into one;
a 600-line module or a 120-line function is several jobs that want names of
their own. These limits are the ones the record issue set (issue 22).
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

SCRIPTS = ROOT / "scripts"
PACKAGES = [SCRIPTS / "mlterms", SCRIPTS / "mlterms_tools"]  # the build, and its bench and test tooling
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the runtime package and of its tooling."""
    found = {}
    for package in PACKAGES:
        for path in package.rglob("*.py"):
            parts = list(path.relative_to(SCRIPTS).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports, anywhere in the file (inside functions too)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in modules and m != name}


def import_cycles(modules: dict[str, Path]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each a cycle of imports."""
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return cycles


def test_no_import_cycle_counting_imports_inside_functions():
    assert import_cycles(_modules()) == []


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_function(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from .b import thing\n")
    (package / "b.py").write_text("def thing():\n    from .a import other\n")
    modules = {"pkg": package / "__init__.py", "pkg.a": package / "a.py", "pkg.b": package / "b.py"}
    assert import_cycles(modules) == [["pkg.a", "pkg.b"]]


def test_no_module_over_400_lines_and_no_function_over_80():
    too_long = []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}.{node.name}: {length} lines")
    assert too_long == []


STAGES = {"errors": 0, "paths": 0, "memo": 0, "notes": 1, "glossary": 2, "history": 3, "examples": 3, "record": 4,
          "outputs": 5, "checks": 6}


def test_a_stage_imports_only_from_the_stages_before_it():
    """notes -> glossary -> history (and examples) -> record -> outputs -> checks: data flows one way."""
    backwards = []
    for name, path in _modules().items():
        parts = name.split(".")
        if len(parts) < 2 or parts[1] not in STAGES:
            continue
        for target in _imports(name, path, _modules()):
            stage = target.split(".")[1] if "." in target else ""
            if stage in STAGES and STAGES[stage] > STAGES[parts[1]]:
                backwards.append(f"{name} imports {target}")
    assert backwards == []


def test_the_build_never_imports_its_bench_and_test_tooling():
    """mlterms_tools (browser, synthetic search sites) serves tests and `make bench`, never a build."""
    modules = _modules()
    wrong = [f"{name} imports {target}" for name, path in modules.items() if name.split(".")[0] == "mlterms"
             for target in _imports(name, path, modules) if target.split(".")[0] == "mlterms_tools"]
    assert wrong == []
