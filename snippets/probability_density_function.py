# terms: probability-density-function, statistical-sample, statistical-population
"""A pdf gives relative likelihood, its total area is 1, and a sample lets us estimate the population's pdf."""

import numpy as np
from scipy import stats

# The population: heights (cm) that follow N(170, 10). Normally we never see it.
population = stats.norm(loc=170, scale=10)

# pdf values are densities, not probabilities: highest at the mean
for h in (150, 160, 170, 180, 190):
    print(f"pdf({h}) = {population.pdf(h):.4f}")

# Probabilities are areas under the pdf; the whole area is 1
grid = np.linspace(100, 240, 2001)  # +-7 std: covers all the mass
area = np.trapezoid(population.pdf(grid), grid)
print(f"\narea under the whole pdf: {area:.3f}")
print(
    "P(160 < height < 180) = area from 160 to 180: "
    f"{population.cdf(180) - population.cdf(160):.3f}"
)

# The sample: the 1000 heights we actually have "in hand"
rng = np.random.default_rng(0)
sample = population.rvs(size=1000, random_state=rng)
print(
    f"\nsample: n={sample.size}, mean={sample.mean():.2f}, std={sample.std(ddof=1):.2f}"
)

# Estimate the population pdf from the sample with a kernel density estimate
kde = stats.gaussian_kde(sample)
print("\n height  estimated pdf  true pdf")
for h in (150, 160, 170, 180, 190):
    print(f"{h:7}  {kde(h)[0]:13.4f}  {population.pdf(h):8.4f}")
area_kde = np.trapezoid(kde(grid), grid)
print(f"\narea under the estimated pdf: {area_kde:.3f}")
