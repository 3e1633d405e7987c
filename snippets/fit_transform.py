# terms: fit-transform, fit, transform
"""fit() learns the mean and std from training data, transform() applies them to any data, fit_transform() does both at once."""

import numpy as np
from sklearn.preprocessing import StandardScaler

X_train = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
X_test = np.array([[3.0], [7.0]])

# fit: learn the parameters (here mean and standard deviation) and store them
scaler = StandardScaler()
scaler.fit(X_train)
print("learned mean_: ", np.round(scaler.mean_, 3))
print("learned scale_:", np.round(scaler.scale_, 3), "(the std)")

# transform: apply (x - mean_) / scale_; nothing new is learned
print("\ntransform(X_train):", np.round(scaler.transform(X_train).ravel(), 3))
print("transform(X_test): ", np.round(scaler.transform(X_test).ravel(), 3))

# fit_transform: fit then transform the same data in one call
same = StandardScaler().fit_transform(X_train)
print("\nfit_transform(X_train):", np.round(same.ravel(), 3))
print("identical to fit + transform:", np.allclose(same, scaler.transform(X_train)))

# Rule of thumb: fit_transform on training data, only transform on test data.
# Fitting on the test set would learn different numbers and leak test information:
wrong = StandardScaler().fit_transform(X_test)
print("\nwrong (refit on test):", np.round(wrong.ravel(), 3))
