# terms: one-hot-encoding
"""One-hot encoding turns S/M/L into three 0/1 columns, with exactly one 1 per row."""

import numpy as np
from sklearn.preprocessing import OneHotEncoder

sizes = np.array([["S"], ["M"], ["L"]])

# Give the category order explicitly (otherwise it is alphabetical: L, M, S)
encoder = OneHotEncoder(categories=[["S", "M", "L"]], sparse_output=False, dtype=int)
onehot = encoder.fit_transform(sizes)

# Print as a plain table: one column per category, a 1 marks the row's category
print(" ".join(encoder.categories_[0]))
for row in onehot:
    print(" ".join(str(v) for v in row))

# The same encoder works on any new rows, in any order
print("\nencode ['L', 'S', 'S']:")
print(encoder.transform(np.array([["L"], ["S"], ["S"]])))
print("column names:", list(encoder.get_feature_names_out(["size"])))
