# terms: encoding-categorical-variables
"""Models need numbers: ordinal encoding maps S, M, L to 0, 1, 2; one-hot encoding makes one 0/1 column per category."""

import pandas as pd
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder

df = pd.DataFrame(
    {
        "size": ["M", "S", "L", "M", "S"],
        "color": ["red", "blue", "red", "green", "green"],
    }
)

# Ordinal encoding: one integer per category. Give the order, or it is alphabetical.
# Good for ordered categories (S < M < L).
ordinal = OrdinalEncoder(categories=[["S", "M", "L"]], dtype=int)
df["size_code"] = ordinal.fit_transform(df[["size"]]).ravel()
print(df[["size", "size_code"]].to_string(index=False))

# One-hot encoding: one binary (true/false) column per category value.
# Good for unordered categories: "blue=0, green=1, red=2" would invent an order.
onehot = OneHotEncoder(sparse_output=False, dtype=int)
encoded = onehot.fit_transform(df[["size", "color"]])
names = onehot.get_feature_names_out()
print("\nfeature names:", list(names))
print(pd.DataFrame(encoded, columns=names).to_string(index=False))

# Categories never seen in training: error by default, or all zeros if asked
safe = OneHotEncoder(sparse_output=False, dtype=int, handle_unknown="ignore")
safe.fit(df[["color"]])
print("\nunseen 'purple' ->", safe.transform(pd.DataFrame({"color": ["purple"]}))[0])
