# terms: predict-proba, predict, logistic-regression
"""predict() returns the class, predict_proba() the probability of each class; the class flips where P(1) crosses 0.5."""

import numpy as np
from sklearn.linear_model import LogisticRegression

# Hours studied -> passed the exam (1) or not (0)
X = np.array([[0.5], [1], [1.5], [2], [2.5], [3], [3.5], [4], [4.5], [5], [5.5], [6]])
y = np.array([0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1])

model = LogisticRegression(random_state=0).fit(X, y)
print("classes_:", model.classes_, "(column order of predict_proba)")

X_new = np.array([[1.0], [2.5], [3.0], [3.5], [4.0], [5.5]])
labels = model.predict(X_new)
probs = model.predict_proba(X_new)  # shape (n_samples, n_classes)

print("\nhours  P(0)   P(1)   row sum  predict")
for x, p, label in zip(X_new.ravel(), probs, labels):
    print(f"{x:5.1f}  {p[0]:.3f}  {p[1]:.3f}  {p.sum():7.3f}  {label}")

# predict() is just "the class with the highest probability",
# which for two classes means P(1) > 0.5
print(
    "\npredict == (P(1) > 0.5):",
    np.array_equal(labels, (probs[:, 1] > 0.5).astype(int)),
)

# Where exactly does P(1) cross 0.5? Where coef*x + intercept = 0
boundary = -model.intercept_[0] / model.coef_[0, 0]
print(f"decision boundary: {boundary:.2f} hours")
