# terms: smote, data-imbalance
"""SMOTE oversamples the minority class from 100 to 900 rows by creating synthetic points between neighbours."""

import numpy as np
from imblearn.over_sampling import SMOTE
from sklearn.datasets import make_classification

# An imbalanced data set: 900 rows of class 0, only 100 of class 1.
X, y = make_classification(
    n_samples=1000, n_features=4, weights=[0.9, 0.1], flip_y=0, random_state=0
)
print(f"before SMOTE: class 0 = {np.sum(y == 0)}, class 1 = {np.sum(y == 1)}")

# SMOTE picks a minority row, one of its k nearest minority neighbours, and creates
# a new row at a random point on the line between them, until the classes are balanced.
smote = SMOTE(k_neighbors=5, random_state=0)
X_res, y_res = smote.fit_resample(X, y)
print(f"after SMOTE:  class 0 = {np.sum(y_res == 0)}, class 1 = {np.sum(y_res == 1)}")

# The original rows are kept; the 800 synthetic minority rows are appended at the end.
synthetic = X_res[len(X) :]
print(f"rows: {len(X)} -> {len(X_res)} ({len(synthetic)} synthetic)")
print("first synthetic row:", np.round(synthetic[0], 3))

# Synthetic rows lie inside the minority class's range rather than being exact copies.
minority = X[y == 1]
print(
    "minority feature 0 range:",
    np.round([minority[:, 0].min(), minority[:, 0].max()], 3),
)
print(
    "synthetic feature 0 range:",
    np.round([synthetic[:, 0].min(), synthetic[:, 0].max()], 3),
)
exact_copies = sum((minority == row).all(axis=1).any() for row in synthetic)
print("synthetic rows that are exact copies of originals:", exact_copies)
