# terms: correlation-measurement
"""DataFrame.corr() quantifies how columns move together: +1 rise together, -1 opposite, 0 unrelated."""

import numpy as np
import pandas as pd

rng = np.random.default_rng(0)
n = 200
temperature = rng.uniform(5, 30, n)  # degrees C
rain = rng.uniform(0, 20, n)  # mm
# Rentals go up with warmth and down with rain, plus some noise
rentals = 20 * temperature - 25 * rain + rng.normal(0, 40, n) + 300
day_number = rng.permutation(n)  # unrelated to anything

df = pd.DataFrame(
    {
        "temperature": temperature,
        "rain": rain,
        "rentals": rentals,
        "day_number": day_number,
    }
)

# Pearson correlation matrix: every pair of columns, values in [-1, 1]
print(df.corr().round(2))

r = df["rentals"].corr(df["temperature"])
print(f"\nrentals vs temperature: {r:+.2f}  strong positive")
r = df["rentals"].corr(df["rain"])
print(f"rentals vs rain:        {r:+.2f}  strong negative")
r = df["rentals"].corr(df["day_number"])
print(f"rentals vs day_number:  {r:+.3f}  about zero: no linear relation")

# Spearman uses ranks: it also catches monotonic but non-linear relations
print(
    "\nSpearman rentals vs temperature: "
    f"{df['rentals'].corr(df['temperature'], method='spearman'):+.2f}"
)
