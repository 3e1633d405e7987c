# terms: data-scaling
"""Normalization squeezes a column into [0, 1]; standardization gives mean 0, std 1."""

import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler, StandardScaler

# One feature: house sizes in square metres
size = np.array([[50.0], [70.0], [80.0], [100.0], [150.0]])

normalized = MinMaxScaler().fit_transform(size)  # (x - min) / (max - min)
standardized = StandardScaler().fit_transform(size)  # (x - mean) / std

table = pd.DataFrame(
    {
        "original": size.ravel(),
        "normalized": normalized.ravel(),
        "standardized": standardized.ravel(),
    }
)
print(table.round(3).to_string(index=False))

# Summary per column (population std, ddof=0; "+ 0.0" turns a rounded -0.0 into 0.0)
summary = pd.DataFrame(
    {
        "min": table.min(),
        "max": table.max(),
        "mean": table.mean(),
        "std": table.std(ddof=0),
    }
)
print()
print(summary.round(3) + 0.0)

# Both keep the order and relative spacing of the values; only the scale changes.
# Normalization: bounded range, sensitive to the extreme values (150 sets max).
# Standardization: unbounded, centred on 0; values are "std away from the mean".
