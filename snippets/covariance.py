# terms: covariance
"""The sign of the covariance says how two variables move together: + together, - opposite, ~0 unrelated."""

import numpy as np

rng = np.random.default_rng(0)
hours = rng.uniform(0, 10, 500)  # hours studied

score = 50 + 4 * hours + rng.normal(0, 5, 500)  # rises with hours
errors = 30 - 2 * hours + rng.normal(0, 3, 500)  # falls as hours rise
shoe_size = rng.normal(42, 2, 500)  # has nothing to do with hours

# cov(x, y) = mean of (x - mean_x) * (y - mean_y)   (np.cov divides by n-1)
for name, other in [("score", score), ("errors", errors), ("shoe_size", shoe_size)]:
    cov = np.cov(hours, other)[0, 1]
    label = f"cov(hours, {name})"
    print(f"{label:21} = {cov:+7.2f}")

# The same formula by hand for the first pair
by_hand = np.sum((hours - hours.mean()) * (score - score.mean())) / (len(hours) - 1)
print(f"\nby hand, cov(hours, score) = {by_hand:+.2f}")

# Covariance depends on units: measure hours in minutes and it grows 60x.
# Correlation = covariance / (std_x * std_y) removes the units, giving -1..1.
print(f"cov(minutes, score) = {np.cov(hours * 60, score)[0, 1]:+.2f}")
print(
    f"corr(hours, score) = {np.corrcoef(hours, score)[0, 1]:+.3f}, "
    f"corr(minutes, score) = {np.corrcoef(hours * 60, score)[0, 1]:+.3f}"
)
