# terms: measuring-disparity-in-predictions, disparity
"""Selection rate and accuracy per sensitive group, and the demographic-parity difference, computed with pandas."""

import numpy as np
import pandas as pd

# 1,000 loan applicants in two groups. Both groups are equally able to repay, but the
# score the model uses under-rates group B (a biased feature).
rng = np.random.default_rng(0)
n = 1000
group = rng.choice(["A", "B"], size=n)
ability = rng.normal(size=n)
y_true = (ability + rng.normal(scale=0.5, size=n) > 0).astype(int)  # 1 = would repay
score = ability - 0.8 * (group == "B")
y_pred = (score > 0).astype(int)  # 1 = loan approved

df = pd.DataFrame({"group": group, "y_true": y_true, "y_pred": y_pred})
df["correct"] = df["y_true"] == df["y_pred"]

# Selection rate = share of positive predictions;
# accuracy = share of correct predictions.
by_group = df.groupby("group").agg(
    count=("y_pred", "size"),
    selection_rate=("y_pred", "mean"),
    accuracy=("correct", "mean"),
)
print(by_group.round(3).reset_index().to_string(index=False))
print(
    f"overall: selection_rate={df['y_pred'].mean():.3f}, "
    f"accuracy={df['correct'].mean():.3f}"
)

# Disparity = how far apart the groups are.
# Demographic parity asks for equal selection rates.
rates = by_group["selection_rate"]
print(f"demographic parity difference = {rates.max() - rates.min():.3f}")
print(f"demographic parity ratio      = {rates.min() / rates.max():.3f}")
print(
    "accuracy difference           = "
    f"{by_group['accuracy'].max() - by_group['accuracy'].min():.3f}"
)
