"""Bench and test tooling (a browser driver, synthetic search sites): not part of the build."""
