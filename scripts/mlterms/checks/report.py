"""One readable report per build: counts, seconds per phase, every problem located.

Problems are grouped (notes, curation, snippets, site, links) and errors come
before warnings, so the first line a maintainer reads is the one to fix.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from mlterms.errors import Problem

GROUP_ORDER = ["notes", "curation", "snippets", "site", "links"]


@dataclass
class Report:
    title: str = "ML Terms build"
    counts: dict[str, int] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @contextmanager
    def phase(self, name: str):
        """Time a phase of the build (seconds, recorded even when it fails)."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.phases[name] = round(time.perf_counter() - start, 3)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted_problems(self) -> list[Problem]:
        def key(p: Problem):
            group = GROUP_ORDER.index(p.group) if p.group in GROUP_ORDER else len(GROUP_ORDER)
            return (p.severity != "error", group, p.path, p.line or 0)
        return sorted(self.problems, key=key)

    def text(self) -> str:
        lines = [self.title]
        if self.counts:
            lines.append("  " + " · ".join(f"{k} {v}" for k, v in self.counts.items()))
        if self.phases:
            total = sum(self.phases.values())
            lines.append("  seconds: " + " · ".join(f"{k} {v:.2f}" for k, v in self.phases.items())
                         + f" · total {total:.2f}")
        lines.extend(f"  {n}" for n in self.notes)
        problems = self.sorted_problems()
        if problems:
            n_err = len(self.errors)
            lines.append(f"Problems: {n_err} error(s), {len(problems) - n_err} warning(s)")
            group = None
            for p in problems:
                if p.group != group:
                    group = p.group
                    lines.append(f"  [{group}]")
                lines.append(f"    {p}")
        lines.append("Result: OK" if self.ok else f"Result: FAILED ({len(self.errors)} error(s))")
        return "\n".join(lines)

    def as_json(self) -> str:
        data = {"ok": self.ok, "counts": self.counts, "phases": self.phases, "notes": self.notes,
                "problems": [asdict(p) for p in self.sorted_problems()]}
        return json.dumps(data, indent=1, ensure_ascii=False)
