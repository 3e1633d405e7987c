# terms: normal-distribution
"""Samples of N(50, 5) recover mean 50, std 5; ~68% lie within 1 std, ~95% within 2."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

mu, sigma = 50, 5
rng = np.random.default_rng(0)
x = rng.normal(loc=mu, scale=sigma, size=10_000)

print(f"true mean={mu}, std={sigma}")
print(f"sample mean={x.mean():.2f}, std={x.std(ddof=1):.2f}")

# The bell curve is symmetric around the mean: mean and median agree
print(f"sample median={np.median(x):.2f}")

# How much of the data lies within k standard deviations of the mean?
for k in (1, 2, 3):
    share = np.mean(np.abs(x - mu) < k * sigma)
    theory = stats.norm.cdf(k) - stats.norm.cdf(-k)
    print(
        f"within {k} std ({mu - k * sigma}..{mu + k * sigma}): {share:.1%}  "
        f"(theory {theory:.1%})"
    )

fig, ax = plt.subplots(figsize=(7, 4))
ax.hist(x, bins=40, density=True, alpha=0.5, label="10,000 samples")
grid = np.linspace(mu - 4 * sigma, mu + 4 * sigma, 400)
ax.plot(grid, stats.norm.pdf(grid, mu, sigma), "k", label="N(50, 5) density")
for k, style in [(1, "--"), (2, ":")]:
    ax.axvline(mu - k * sigma, color="tab:red", ls=style)
    ax.axvline(mu + k * sigma, color="tab:red", ls=style, label=f"mean ± {k} std")
ax.set(
    title="Normal (Gaussian) distribution, mean 50, std 5",
    xlabel="value",
    ylabel="density",
)
ax.legend()
plt.savefig("normal_distribution.png", dpi=80, bbox_inches="tight")
