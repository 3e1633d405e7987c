"""The search worker's pure helpers, unit-tested by node's own test runner (tests/js/*.test.js)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import ROOT


def test_node_unit_tests_of_the_search_helpers_pass():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (Debian: apt-get install nodejs)", pytrace=False)
    tests = sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.js"))
    assert tests
    result = subprocess.run([node, "--test", *tests], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
