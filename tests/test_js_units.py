"""The pure helpers of the study page and the concept map (docs/assets/javascripts/study.js, map.js),
unit-tested with Node's own test runner: `node --test tests/js/`."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import ROOT


def test_node_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: `apt-get install nodejs` (the JS unit tests need it)")
    files = sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.js"))
    assert files, "no tests/js/*.test.js"
    proc = subprocess.run([node, "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "# fail 0" in proc.stdout
