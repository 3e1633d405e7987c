# terms: fairlearn, fairlearn-constraints
"""fairlearn's MetricFrame and demographic_parity_difference on biased loan decisions, then a ThresholdOptimizer mitigation."""

import numpy as np
from fairlearn.metrics import MetricFrame, demographic_parity_difference, selection_rate
from fairlearn.postprocessing import ThresholdOptimizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score

# Same data as the measuring-disparity example: the score under-rates group B.
rng = np.random.default_rng(0)
n = 1000
group = rng.choice(["A", "B"], size=n)
ability = rng.normal(size=n)
y_true = (ability + rng.normal(scale=0.5, size=n) > 0).astype(int)  # 1 = would repay
score = ability - 0.8 * (group == "B")
y_pred = (score > 0).astype(int)  # 1 = loan approved

# MetricFrame computes every metric overall and per sensitive group.
metrics = {"selection_rate": selection_rate, "accuracy": accuracy_score}
mf = MetricFrame(
    metrics=metrics, y_true=y_true, y_pred=y_pred, sensitive_features=group
)
print("before mitigation:")
print(mf.by_group.rename_axis("group").round(3).reset_index().to_string(index=False))
dpd = demographic_parity_difference(y_true, y_pred, sensitive_features=group)
print(f"demographic parity difference = {dpd:.3f}\n")

# Mitigation: ThresholdOptimizer learns a separate decision threshold per group so that
# the constraint "demographic_parity" (equal selection rates) holds.
X = score.reshape(-1, 1)
mitigator = ThresholdOptimizer(
    estimator=LogisticRegression(),
    constraints="demographic_parity",
    predict_method="predict_proba",
)
mitigator.fit(X, y_true, sensitive_features=group)
y_fair = mitigator.predict(X, sensitive_features=group, random_state=0)

mf_fair = MetricFrame(
    metrics=metrics, y_true=y_true, y_pred=y_fair, sensitive_features=group
)
print("after ThresholdOptimizer:")
print(
    mf_fair.by_group.rename_axis("group").round(3).reset_index().to_string(index=False)
)
dpd_fair = demographic_parity_difference(y_true, y_fair, sensitive_features=group)
print(f"demographic parity difference = {dpd_fair:.3f}")
