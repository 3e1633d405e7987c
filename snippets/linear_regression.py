# terms: linear-regression, sklearn-linearregression, regression
"""LinearRegression learns y = 2x + 1 from examples (slope 2, intercept 1) and predicts a new label for x = 6."""

import numpy as np
from sklearn.linear_model import LinearRegression

# Feature x (a 2-D array: rows = examples, columns = features) and label y
X = np.array([[0], [1], [2], [3], [4], [5]], dtype=float)
y = 2 * X.ravel() + 1  # 1, 3, 5, 7, 9, 11

model = LinearRegression()
model.fit(X, y)  # finds the line with least squared error

print(f"slope (coef_):       {model.coef_[0]:.3f}")
print(f"intercept_:          {model.intercept_:.3f}")
print(f"prediction for x=6:  {model.predict([[6.0]])[0]:.3f}")

# With noisy labels it recovers the relationship approximately
rng = np.random.default_rng(0)
X_noisy = rng.uniform(0, 10, size=(50, 1))
y_noisy = 2 * X_noisy.ravel() + 1 + rng.normal(0, 1, size=50)
noisy = LinearRegression().fit(X_noisy, y_noisy)
print(
    f"\nnoisy data: slope={noisy.coef_[0]:.3f}, intercept={noisy.intercept_:.3f}, "
    f"R^2={noisy.score(X_noisy, y_noisy):.3f}"
)

# Any number of features works: y = 3*a - 1*b + 4
X2 = rng.uniform(0, 5, size=(30, 2))
y2 = 3 * X2[:, 0] - 1 * X2[:, 1] + 4
two = LinearRegression().fit(X2, y2)
print(
    f"two features: coefs={np.round(two.coef_, 3).tolist()}, "
    f"intercept={two.intercept_:.3f}"
)
