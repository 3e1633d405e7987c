# terms: minmaxscaler, normalize-data, data-scaling
"""MinMaxScaler maps each column to [0, 1] with (x - min) / (max - min), using the min/max learned by fit."""

import numpy as np
from sklearn.preprocessing import MinMaxScaler

# Two features on very different scales: age (years) and income (thousands)
X_train = np.array([[20, 30], [35, 480], [50, 65], [65, 150]], dtype=float)

scaler = MinMaxScaler()  # default feature_range=(0, 1)
X_scaled = scaler.fit_transform(X_train)

print("learned min per column:", scaler.data_min_)
print("learned max per column:", scaler.data_max_)
print("\ntrain scaled (each column now spans exactly 0..1):")
print(np.round(X_scaled, 3))

# Same thing by hand for the income column: (x - min) / (max - min)
income = X_train[:, 1]
print(
    "\nby hand, income:",
    np.round((income - income.min()) / (income.max() - income.min()), 3),
)

# Note: this is not "divide by 1000" (480 -> 0.48, 65 -> 0.065); min-max scaling
# sends the smallest value to 0 and the largest to 1, whatever the units.

# New data is scaled with the *training* min/max, so it can leave [0, 1]
X_new = np.array([[10, 600], [40, 100]], dtype=float)
print("\nnew data scaled:")
print(np.round(scaler.transform(X_new), 3))
print("inverse_transform recovers the originals:")
print(np.round(scaler.inverse_transform(scaler.transform(X_new)), 3))
