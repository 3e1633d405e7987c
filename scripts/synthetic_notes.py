#!/usr/bin/env python3
"""Synthetic notes in the export's format, for scale tests and `make bench`.

Usage: scripts/synthetic_notes.py N OUT_DIR [--seed S]
Writes OUT_DIR/notes.txt (N terms) and OUT_DIR/curation.yml (1-2 tags each).
Each term has the structures the real notes have: a definition sentence or
two, bullets (some nested), numbered steps, a code line, a context line,
mentions of other terms (for cross-links), the occasional duplicate title.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

WORDS = ("adaptive bayesian kernel gradient sparse latent robust stochastic spectral causal neural "
         "temporal ordinal federated contrastive recurrent convex greedy quantile residual manifold "
         "variational ensemble boosted pruned calibrated weighted masked dense shallow deep").split()
NOUNS = ("estimator sampler encoder regulariser scaler metric pipeline optimiser loss partition "
         "embedding transform classifier regressor detector filter kernel index policy schedule").split()
TAGS = ["statistics", "data-preparation", "regression", "classification", "clustering", "ensembles",
        "model-training", "model-evaluation", "deep-learning", "mlops"]


def titles(n: int, rng: random.Random) -> list[str]:
    seen: set[str] = set()
    out = []
    while len(out) < n:
        title = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.choice(NOUNS)}"
        if len(seen) > len(WORDS) ** 2:  # many terms: add a number to stay unique
            title += f" {len(out)}"
        if title.casefold() not in seen:
            seen.add(title.casefold())
            out.append(title)
    return out


def generate(n: int, seed: int = 0) -> tuple[str, str]:
    rng = random.Random(seed)
    names = titles(n, rng)
    blocks = ["Synthetic ML terms", "", "Rating & reviews (0 reviews)", "Study notes", ""]
    curation = ["terms:"]
    for i, title in enumerate(names):
        others = rng.sample(names, k=min(3, n))
        lines = [title]
        if i and rng.random() < 0.1:
            lines.append(names[rng.randrange(i)])  # a context line naming an earlier term
        lines.append(f"A {rng.choice(WORDS)} method that improves the {others[0].lower()} "
                     f"by combining it with the {others[1].lower()}.")
        if rng.random() < 0.5:
            lines += [f"• {rng.choice(WORDS)} step using {others[2].lower()}",
                      f"  • nested detail {rng.randint(1, 99)}"]
        if rng.random() < 0.3:
            lines += [f"{k}. Step {k} of the {rng.choice(NOUNS)}." for k in (1, 2, 3)]
        if rng.random() < 0.2:
            lines.append(f"model_{i} = fit_{rng.choice(NOUNS)}(X, y, alpha={rng.random():.3f})")
        if rng.random() < 0.2:
            lines.append(f"See also P(y) <= 0.5 and {{column -> value}} for {rng.choice(WORDS)} cases.")
        blocks += lines + [""]
        tags = rng.sample(TAGS, k=rng.choice([1, 2]))
        curation.append(f'  "{title}": {{tags: [{", ".join(tags)}]}}')
        if rng.random() < 0.02:  # the same title defined twice: one page, both texts
            blocks += [title, f"Defined again: a second note about the {title.lower()}.", ""]
    blocks += ["Main resources", "Synthetic resource list", ""]
    return "\n".join(blocks), "\n".join(curation) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    notes, curation = generate(args.n, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "notes.txt").write_text(notes, encoding="utf-8")
    (args.out / "curation.yml").write_text(curation, encoding="utf-8")
    print(f"wrote {args.n} terms to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
