# terms: log-uniform-distribution, continuous-hyperparameters
"""loguniform(1e-4, 1e-1) makes every decade equally likely (pdf proportional to 1/x): the usual way to sample a learning rate."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

low, high = 1e-4, 1e-1
log_u = stats.loguniform(low, high)
plain_u = stats.uniform(loc=low, scale=high - low)  # for comparison

rng = np.random.default_rng(0)
lr_log = log_u.rvs(size=10_000, random_state=rng)
lr_lin = plain_u.rvs(size=10_000, random_state=rng)

# Share of samples per decade: log-uniform ~1/3 each, uniform crowds the top decade
decades = [1e-4, 1e-3, 1e-2, 1e-1]
print("decade            loguniform  uniform")
for lo, hi in zip(decades[:-1], decades[1:]):
    share_log = np.mean((lr_log >= lo) & (lr_log < hi))
    share_lin = np.mean((lr_lin >= lo) & (lr_lin < hi))
    print(f"[{lo:.0e}, {hi:.0e})   {share_log:9.1%}  {share_lin:7.1%}")

# pdf(x) = 1 / (x * ln(high/low)), so x * pdf(x) is the same everywhere
for v in (1e-4, 1e-3, 1e-2, 1e-1):
    print(f"x={v:.0e}  pdf={log_u.pdf(v):9.2f}  x*pdf={v * log_u.pdf(v):.4f}")

# A continuous hyperparameter: draw 5 learning rates to try in a random search
print(
    "\nlearning rates to try:",
    [f"{v:.1e}" for v in log_u.rvs(size=5, random_state=rng)],
)

bins = np.logspace(-4, -1, 31)  # equal-width bins on a log axis
fig, ax = plt.subplots(figsize=(7, 4))
ax.hist(lr_log, bins=bins, alpha=0.6, label="loguniform(1e-4, 1e-1)")
ax.hist(lr_lin, bins=bins, alpha=0.6, label="uniform(1e-4, 1e-1)")
ax.set_xscale("log")
ax.set(
    title="Sampling a learning rate: 10,000 draws",
    xlabel="learning rate (log scale)",
    ylabel="count per bin",
)
ax.legend(loc="upper left")
plt.savefig("log_uniform_distribution.png", dpi=80, bbox_inches="tight")
