# terms: regularization-rate, regularization
"""A higher regularization rate (lambda = 1/C in scikit-learn) shrinks the model's coefficients toward zero."""

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, random_state=0, stratify=y
)
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

# scikit-learn's C is the *inverse* of the regularization rate:
# small C = large lambda = strong penalty on big coefficients (L2 by default)
print("     C   lambda  sum|coef|  max|coef|  train acc  test acc")
for C in [100, 10, 1, 0.1, 0.01, 0.001]:
    model = LogisticRegression(C=C, max_iter=5000).fit(X_train, y_train)
    coef = np.abs(model.coef_)
    print(
        f"{C:6g}  {1 / C:7g}  {coef.sum():9.1f}  {coef.max():9.2f}"
        f"  {model.score(X_train, y_train):9.3f}  {model.score(X_test, y_test):8.3f}"
    )

# Too little regularization can overfit (train accuracy >> test accuracy);
# too much underfits (coefficients squashed, both accuracies drop).
