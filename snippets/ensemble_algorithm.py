# terms: ensemble-algorithm, bagging, boosting
"""One decision tree vs three ensembles (bagging, random forest, boosting): cross-validated R2 on the same data."""

from sklearn.datasets import make_regression
from sklearn.ensemble import (
    BaggingRegressor,
    GradientBoostingRegressor,
    RandomForestRegressor,
)
from sklearn.model_selection import cross_val_score
from sklearn.tree import DecisionTreeRegressor

# A noisy regression problem: 300 rows, 8 features.
X, y = make_regression(n_samples=300, n_features=8, noise=20.0, random_state=0)

models = {
    # A single deep tree: low bias, but high variance.
    "single tree": DecisionTreeRegressor(random_state=0),
    # Bagging: 100 trees, each trained on a bootstrap sample; predictions are averaged.
    "bagging": BaggingRegressor(
        DecisionTreeRegressor(), n_estimators=100, random_state=0
    ),
    # Random forest: bagging + a random subset of features at every split.
    "random forest": RandomForestRegressor(
        n_estimators=100, max_features=0.5, random_state=0
    ),
    # Boosting: small trees built one after another, each fixing the previous errors.
    "gradient boosting": GradientBoostingRegressor(n_estimators=200, random_state=0),
}

print(f"{'model':<18} mean R2  (std)")
for name, model in models.items():
    scores = cross_val_score(model, X, y, cv=5, scoring="r2")
    print(f"{name:<18} {scores.mean():.3f}   ({scores.std():.3f})")
