# terms: lognormal-distribution
"""Lognormal data are right-skewed (mean > median, skewness > 0), and taking their log gives a normal distribution."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

rng = np.random.default_rng(0)
# If log(X) ~ N(mu, sigma) then X is lognormal. mu and sigma describe the *log*.
mu, sigma = 3.0, 0.6
x = rng.lognormal(mean=mu, sigma=sigma, size=10_000)  # e.g. house sale times in days

print("raw values X:")
print(
    f"  min={x.min():.2f}  median={np.median(x):.2f}  "
    f"mean={x.mean():.2f}  max={x.max():.2f}"
)
print(
    f"  skewness={stats.skew(x):.2f}   "
    "-> long right tail pulls the mean above the median"
)
print(f"  all positive: {bool((x > 0).all())}")

logx = np.log(x)
print("\nlog(X):")
print(
    f"  median={np.median(logx):.2f}  mean={logx.mean():.2f}  "
    f"std={logx.std(ddof=1):.2f}"
)
print(f"  skewness={stats.skew(logx):.2f}   -> symmetric, a normal N({mu}, {sigma})")

# Theory: median = exp(mu), mean = exp(mu + sigma^2 / 2)
print(f"\ntheory: median={np.exp(mu):.2f}  mean={np.exp(mu + sigma**2 / 2):.2f}")

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(7, 3.5))
ax1.hist(x, bins=60, density=True, color="tab:orange", alpha=0.7)
ax1.axvline(np.median(x), color="k", ls="--", label="median")
ax1.axvline(x.mean(), color="k", ls=":", label="mean")
ax1.set(title="X: lognormal (right-skewed)", xlabel="x", ylabel="density")
ax1.legend()
ax2.hist(
    logx, bins=60, density=True, color="tab:blue", alpha=0.7, label="log(X) samples"
)
g = np.linspace(logx.min(), logx.max(), 300)
ax2.plot(g, stats.norm.pdf(g, mu, sigma), "k", label=f"N({mu}, {sigma})")
ax2.set(title="log(X): normal", xlabel="log(x)", ylabel="density")
ax2.legend(fontsize=8)
fig.tight_layout()
plt.savefig("lognormal_distribution.png", dpi=80, bbox_inches="tight")
