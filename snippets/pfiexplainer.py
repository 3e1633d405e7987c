# terms: pfiexplainer, global-feature-importance, model-agnostic, model-explainers
"""Permutation feature importance (what PFIExplainer computes) ranks feature 0 >> feature 1 > feature 2 for y = 5*x0 + x1."""

import numpy as np
from sklearn.ensemble import RandomForestRegressor
from sklearn.inspection import permutation_importance
from sklearn.model_selection import train_test_split

# y depends strongly on x0, weakly on x1, and not at all on x2 (plus a little noise).
rng = np.random.default_rng(0)
X = rng.normal(size=(500, 3))
y = 5 * X[:, 0] + X[:, 1] + rng.normal(scale=0.5, size=500)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)

model = RandomForestRegressor(n_estimators=100, random_state=0).fit(X_train, y_train)
print(f"test R2 = {model.score(X_test, y_test):.3f}")

# Model-agnostic: only model.predict is used. Shuffle one column at a time and
# measure how much the score drops; a big drop means the model relies on that feature.
result = permutation_importance(model, X_test, y_test, n_repeats=10, random_state=0)

print("global importance (mean drop in R2 when shuffled):")
for i in np.argsort(-result.importances_mean):
    print(
        f"  feature {i}: {result.importances_mean[i]:.3f} "
        f"+/- {result.importances_std[i]:.3f}"
    )
