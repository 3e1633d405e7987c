# terms: data-drift
"""Kolmogorov-Smirnov test: a target sample from the baseline's distribution passes, a shifted target is flagged as drift."""

import numpy as np
from scipy.stats import ks_2samp

rng = np.random.default_rng(0)
# Baseline: the feature as it looked in the training data (e.g. customer age).
baseline = rng.normal(loc=40, scale=10, size=1000)
# Target 1: new data from the same distribution -> no drift expected.
same = rng.normal(loc=40, scale=10, size=1000)
# Target 2: new data whose mean has moved by 5 years -> drift.
shifted = rng.normal(loc=45, scale=10, size=1000)

# The KS statistic is the largest gap between the two empirical CDFs (0 = identical).
# A small p-value means "unlikely to come from the same distribution".
alpha = 0.05
for name, target in [("same distribution", same), ("shifted by +5", shifted)]:
    result = ks_2samp(baseline, target)
    verdict = "DRIFT" if result.pvalue < alpha else "no drift"
    print(
        f"{name:<18} mean={target.mean():.2f}  KS={result.statistic:.3f}  "
        f"p={result.pvalue:.4f}  -> {verdict}"
    )
print(f"(baseline mean={baseline.mean():.2f}, threshold p < {alpha})")
