# terms: quantile
"""Quantiles cut the data into equal-probability pieces; the 1st/99th percentiles make outlier cut-offs."""

import numpy as np
import pandas as pd

rng = np.random.default_rng(0)
# 1000 house prices (in thousands) plus a few extreme values at both ends
prices = pd.Series(
    np.concatenate(
        [
            rng.normal(300, 50, size=995),
            [5, 8, 1200, 1500, 2000],
        ]
    )
)

# Quartiles: three cut points that split the data into four equal-sized groups
quartiles = prices.quantile([0.25, 0.50, 0.75])
print("quartiles:")
print(quartiles.round(1).to_string())

# Quantiles are percentiles written as fractions: q=0.01 is the 1st percentile
low, high = prices.quantile(0.01), prices.quantile(0.99)
print(f"\n1st percentile: {low:.1f}   99th percentile: {high:.1f}")

# Eliminate values below the 1st and above the 99th percentile
trimmed = prices[(prices >= low) & (prices <= high)]
print(f"\nrows before: {len(prices)}   after: {len(trimmed)}")
print(f"min/max before: {prices.min():.1f} / {prices.max():.1f}")
print(f"min/max after:  {trimmed.min():.1f} / {trimmed.max():.1f}")
print(f"mean before: {prices.mean():.1f}   after: {trimmed.mean():.1f}")
