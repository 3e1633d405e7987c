# terms: probability-distribution
"""A probability distribution gives every possible value its probability: a fair die (discrete) and the standard normal (continuous)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

# Discrete: a fair die. Each face has probability 1/6 and they sum to 1.
die = stats.randint(1, 7)  # integers 1..6
faces = np.arange(1, 7)
pmf = die.pmf(faces)
print("die P(X=k):", np.round(pmf, 3), " sum =", round(pmf.sum(), 3))
print(f"P(roll >= 5) = {pmf[faces >= 5].sum():.3f}")

# Continuous: the standard normal. Single points have probability 0;
# probabilities are areas under the density curve.
z = stats.norm(loc=0, scale=1)
for k in (1, 2, 3):
    print(f"P(-{k} < X < {k}) = {z.cdf(k) - z.cdf(-k):.3f}")  # the 68-95-99.7 rule

# Four numbers that describe a distribution's shape
# (scipy reports *excess* kurtosis: 0 for the normal, i.e. kurtosis 3 - 3)
for name, dist in [("die", die), ("normal", z)]:
    mean, var, skew, kurt = dist.stats(moments="mvsk")
    print(
        f"{name:6}: mean={float(mean):.3f} std={np.sqrt(var):.3f} "
        f"skewness={float(skew):.3f} excess kurtosis={float(kurt):.3f}"
    )

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(7, 4))
ax1.bar(faces, pmf, color="tab:blue")
ax1.set(
    title="Discrete: fair die (pmf)",
    xlabel="face",
    ylabel="probability",
    xticks=faces,
    ylim=(0, 0.25),
)
x = np.linspace(-4, 4, 400)
ax2.plot(x, z.pdf(x), color="black", label="N(0, 1) density")
ax2.fill_between(x, z.pdf(x), where=abs(x) <= 2, alpha=0.3, label="within 2 sd: 95%")
ax2.fill_between(x, z.pdf(x), where=abs(x) <= 1, alpha=0.4, label="within 1 sd: 68%")
ax2.set(
    title="Continuous: standard normal (pdf)",
    xlabel="x",
    ylabel="density",
    ylim=(0, 0.55),
)
ax2.legend(fontsize=8, loc="upper right")
fig.tight_layout()
plt.savefig("probability_distribution.png", dpi=80, bbox_inches="tight")
