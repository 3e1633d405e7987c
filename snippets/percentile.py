# terms: percentile
"""The p-th percentile is the value that p% of the data lies below."""

import numpy as np

rng = np.random.default_rng(0)
# 1000 simulated exam scores
scores = rng.normal(loc=70, scale=10, size=1000)

p25, p50, p90 = np.percentile(scores, [25, 50, 90])
print(f"25th percentile: {p25:.1f}")
print(f"50th percentile: {p50:.1f}   (the median: {np.median(scores):.1f})")
print(f"90th percentile: {p90:.1f}")

# Check the definition: about 90% of the scores are lower than the 90th percentile
share_below = np.mean(scores < p90)
print(f"\nshare of scores below the 90th percentile: {share_below:.1%}")

# Going the other way: which percentile is a score of 85?
print(f"a score of 85 beats {np.mean(scores < 85):.1%} of the class")
