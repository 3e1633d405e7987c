# terms: train-test-split, stratification-technique, stratified-sampling
"""A plain random split can distort a rare class's share; stratify=y keeps the same 10% positives in train and test."""

import numpy as np
from sklearn.model_selection import train_test_split

# 100 examples, 10 of them positive (10%)
X = np.arange(100).reshape(-1, 1)
y = np.array([1] * 10 + [0] * 90)
print(f"whole data: {y.mean():.0%} positive")

# Random split: the test set gets whatever positives the shuffle puts there
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=26)
print(
    f"\nrandom split     -> train: {len(y_tr)} rows, {y_tr.mean():.1%} positive | "
    f"test: {len(y_te)} rows, {y_te.mean():.1%} positive"
)

# Stratified split: sample within each class, so both sets keep the 10%
X_tr, X_te, y_tr, y_te = train_test_split(
    X, y, test_size=0.2, random_state=26, stratify=y
)
print(
    f"stratify=y split -> train: {len(y_tr)} rows, {y_tr.mean():.1%} positive | "
    f"test: {len(y_te)} rows, {y_te.mean():.1%} positive"
)

# Across many random seeds, how far can the test share drift?
plain = [
    train_test_split(X, y, test_size=0.2, random_state=s)[3].mean() for s in range(200)
]
strat = [
    train_test_split(X, y, test_size=0.2, random_state=s, stratify=y)[3].mean()
    for s in range(200)
]
print("\ntest positive share over 200 seeds:")
print(f"  random:     min {min(plain):.0%}, max {max(plain):.0%}")
print(f"  stratified: min {min(strat):.0%}, max {max(strat):.0%}")
