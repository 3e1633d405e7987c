# terms: k-fold-cross-validation
"""5-fold cross-validation on 150 iris rows: each fold of 30 rows is held out once, giving 5 scores and their mean."""

import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_score

X, y = load_iris(return_X_y=True)
model = LogisticRegression(max_iter=1000)

# Shuffle once, then split the 150 rows into 5 folds of 30.
kf = KFold(n_splits=5, shuffle=True, random_state=0)

scores = []
for fold, (train_idx, test_idx) in enumerate(kf.split(X), start=1):
    # Train on 4 folds (120 rows), score on the held-out fold (30 rows).
    model.fit(X[train_idx], y[train_idx])
    acc = model.score(X[test_idx], y[test_idx])
    scores.append(acc)
    print(
        f"fold {fold}: train={len(train_idx)} rows, test={len(test_idx)} rows, "
        f"accuracy={acc:.3f}"
    )

print(f"mean accuracy: {np.mean(scores):.3f} (std {np.std(scores):.3f})")

# cross_val_score does the same loop in one line.
same = cross_val_score(model, X, y, cv=kf)
print("cross_val_score:", np.round(same, 3), f"mean={same.mean():.3f}")
