"""Stage 5, the checks: lints of the inputs, the link and lifecycle checks of the built site, and the build's report."""
