# terms: uniform-distribution
"""U(2, 10): flat density 1/8 between the bounds, zero outside; every equal-width interval is equally likely."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

a, b = 2, 10
u = stats.uniform(loc=a, scale=b - a)  # scipy uses loc=lower bound, scale=width

# Density is 1/(b-a) = 1/8 = 0.125 inside [2, 10] and 0 outside
for v in (0, 2, 5, 9.9, 11):
    print(f"pdf({v}) = {u.pdf(v):.3f}")

# Mean is the midpoint, variance is (b-a)^2 / 12
print(f"\nmean = {u.mean():.3f}   (a+b)/2 = {(a + b) / 2:.3f}")
print(f"variance = {u.var():.3f}   (b-a)^2/12 = {(b - a) ** 2 / 12:.3f}")

# The cdf rises in a straight line from 0 at a to 1 at b
for v in (2, 4, 6, 10):
    print(f"P(X <= {v}) = {u.cdf(v):.3f}")

# Samples: each unit-wide bin gets about 1/8 of them
rng = np.random.default_rng(0)
x = u.rvs(size=8000, random_state=rng)
counts, _ = np.histogram(x, bins=np.arange(a, b + 1))
print("\nsamples per unit bin:", counts.tolist())

grid = np.linspace(0, 12, 1201)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(7, 3.5))
ax1.hist(x, bins=32, range=(a, b), density=True, alpha=0.4, label="8,000 samples")
ax1.plot(grid, u.pdf(grid), "k", label="pdf")
ax1.set(
    title="pdf: 1/8 inside [2, 10], 0 outside",
    xlabel="x",
    ylabel="density",
    ylim=(0, 0.2),
)
ax1.legend(loc="upper right", fontsize=8)
ax2.plot(grid, u.cdf(grid), "tab:red")
ax2.set(title="cdf: straight line from 0 to 1", xlabel="x", ylabel="P(X <= x)")
fig.suptitle("Uniform distribution U(2, 10)")
fig.tight_layout()
plt.savefig("uniform_distribution.png", dpi=80, bbox_inches="tight")
