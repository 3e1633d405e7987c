# terms: shap, local-feature-importance, tabularexplainer
"""SHAP TreeExplainer: base value + a row's SHAP values = its prediction (local), mean |SHAP| ranks features (global)."""

import numpy as np
import pandas as pd
import shap
from sklearn.datasets import load_diabetes
from sklearn.ensemble import RandomForestRegressor

X, y = load_diabetes(return_X_y=True, as_frame=True)
model = RandomForestRegressor(n_estimators=100, max_depth=5, random_state=0).fit(X, y)

# TreeExplainer computes exact SHAP values for tree models.
# (A TabularExplainer, e.g. in azureml-interpret,
# picks an explainer like this one for you.)
explainer = shap.TreeExplainer(model)
shap_values = explainer.shap_values(X)  # one value per row and feature
base_value = float(np.ravel(explainer.expected_value)[0])  # average model output

# Local importance: how much each feature pushed THIS row's prediction up or down.
row = 0
contrib = pd.Series(shap_values[row], index=X.columns)
print(f"row {row}: base value = {base_value:.3f}; largest contributions:")
for name in contrib.abs().sort_values(ascending=False).index[:4]:
    print(f"  {name:>4}: {contrib[name]:+.3f}")
total = base_value + shap_values[row].sum()
print(
    f"base + sum of SHAP = {total:.3f}, "
    f"model prediction = {model.predict(X.iloc[[row]])[0]:.3f}"
)

# Global importance: average size of each feature's contribution over all rows.
importance = pd.Series(np.abs(shap_values).mean(axis=0), index=X.columns)
print("global ranking (mean |SHAP|):")
for name, value in importance.sort_values(ascending=False).items():
    print(f"  {name:>4}: {value:.3f}")
