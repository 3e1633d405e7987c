# terms: classification-threshold, binary-classification
"""Lowering the threshold from 0.5 to 0.35 turns some predicted 0s into 1s and changes the confusion matrix."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, precision_score, recall_score
from sklearn.model_selection import train_test_split

# Binary classification: two classes, 0 and 1
X, y = make_classification(
    n_samples=600, n_features=4, n_informative=2, class_sep=0.6, random_state=0
)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5, random_state=0)
model = LogisticRegression().fit(X_train, y_train)

p1 = model.predict_proba(X_test)[:, 1]  # P(y = 1) for each test case
print(
    "predict() uses 0.5:", np.array_equal(model.predict(X_test), (p1 > 0.5).astype(int))
)

for threshold in (0.5, 0.35):
    y_pred = (p1 > threshold).astype(int)  # label 1 if P(1) > threshold
    print(f"\nthreshold {threshold}: predicted 1s = {y_pred.sum()}")
    print("confusion matrix (rows: true 0/1, columns: predicted 0/1):")
    print(confusion_matrix(y_test, y_pred))
    print(
        f"precision={precision_score(y_test, y_pred):.3f}  "
        f"recall={recall_score(y_test, y_pred):.3f}"
    )

# A lower threshold catches more real 1s (recall up) at the cost of more false alarms
fig, ax = plt.subplots(figsize=(7, 4))
bins = np.linspace(0, 1, 26)
ax.hist(p1[y_test == 0], bins=bins, alpha=0.6, label="true class 0")
ax.hist(p1[y_test == 1], bins=bins, alpha=0.6, label="true class 1")
ax.axvline(0.5, color="k", ls="-", label="threshold 0.5")
ax.axvline(0.35, color="tab:red", ls="--", label="threshold 0.35")
ax.set(
    title="Predicted P(class 1) on the test set",
    xlabel="predicted probability of class 1",
    ylabel="number of test cases",
)
ax.legend(loc="upper center")
plt.savefig("classification_threshold.png", dpi=80, bbox_inches="tight")
