# terms: differential-privacy, epsilon, data-privacy-parameters, smartnoise
"""Laplace mechanism on a clamped mean: the smaller epsilon (more privacy), the larger the typical error."""

import numpy as np

# Plain numpy stands in here for opendp / SmartNoise, which add this kind of noise
# (plus privacy-budget accounting) for you.
rng = np.random.default_rng(0)
ages = rng.normal(45, 20, size=500).round()  # the private data: 500 people's ages

# 1) Clamp every value to known bounds, so one
# person can only move the sum a limited amount.
lower, upper = 18, 90
clamped = np.clip(ages, lower, upper)
true_mean = clamped.mean()

# 2) Sensitivity: the most the mean can change if one person's value changes.
sensitivity = (upper - lower) / len(clamped)
print(
    f"{np.sum(ages != clamped)} values clamped; true mean = {true_mean:.3f}, "
    f"sensitivity = {sensitivity:.3f}"
)

# 3) Laplace mechanism: release mean + Laplace noise with scale = sensitivity / epsilon.
print("epsilon  one release  typical |error| (1000 releases)")
for epsilon in [0.01, 0.1, 1.0, 10.0]:
    scale = sensitivity / epsilon
    releases = true_mean + rng.laplace(0.0, scale, size=1000)
    typical_error = np.mean(np.abs(releases - true_mean))
    print(f"{epsilon:>7}  {releases[0]:11.3f}  {typical_error:.3f}")

# Smaller epsilon = stronger privacy guarantee = noisier (less accurate) answers.
