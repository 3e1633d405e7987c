# terms: outlier
"""The IQR rule flags an outlier: a point far outside the middle 50% of the data."""

import numpy as np

# Daily bike rentals for two weeks; one day is noticeably different
rentals = np.array([102, 98, 110, 95, 105, 99, 101, 97, 108, 103, 100, 96, 104, 310])

q1, q3 = np.percentile(rentals, [25, 75])
iqr = q3 - q1  # spread of the middle 50%
lower, upper = q1 - 1.5 * iqr, q3 + 1.5 * iqr  # Tukey's fences
print(f"Q1={q1:.2f}  Q3={q3:.2f}  IQR={iqr:.2f}")
print(f"values outside [{lower:.2f}, {upper:.2f}] are outliers")

is_outlier = (rentals < lower) | (rentals > upper)
print(
    "\noutliers:",
    rentals[is_outlier].tolist(),
    "at day index",
    np.flatnonzero(is_outlier).tolist(),
)

# One outlier drags the mean but barely moves the median
clean = rentals[~is_outlier]
print(f"\nmean   with / without outlier: {rentals.mean():.1f} / {clean.mean():.1f}")
print(
    f"median with / without outlier: {np.median(rentals):.1f} / {np.median(clean):.1f}"
)
