# terms: imputation-of-null-values, data-cleaning
"""Four ways to handle missing values: drop rows, fill a placeholder, impute mean/median, impute the most frequent category."""

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer

df = pd.DataFrame(
    {
        "age": [25, np.nan, 47, 35, np.nan, 62],
        "income": [40_000, 52_000, np.nan, 61_000, 58_000, 250_000],
        "city": ["Paris", "Lyon", None, "Paris", "Paris", "Nice"],
    }
)
print(f"raw data:\n{df}\n")
print("nulls per column:", df.isna().sum().to_dict())

# 1) Drop: remove every row that has a null (simple, but loses data).
print(f"\n1) dropna keeps {len(df.dropna())} of {len(df)} rows")

# 2) Placeholder: a value that cannot occur, so the model can learn "was missing".
print("2) placeholder -1 for age:", df["age"].fillna(-1).tolist())

# 3) Mean / median: the median is robust to the 250,000 outlier in income.
print(
    f"3) income mean = {df['income'].mean():.0f}, median = {df['income'].median():.0f}"
)
print("   age filled with mean:", df["age"].fillna(df["age"].mean()).round(2).tolist())

# 4) Most frequent: the only sensible statistic for a categorical column.
print(
    "4) city mode:",
    df["city"].mode()[0],
    "->",
    df["city"].fillna(df["city"].mode()[0]).tolist(),
)

# The same strategies with scikit-learn, so they can sit inside a pipeline.
num = SimpleImputer(strategy="median").fit_transform(df[["age", "income"]])
cat = SimpleImputer(strategy="most_frequent").fit_transform(df[["city"]])
clean = pd.DataFrame(num, columns=["age", "income"]).assign(city=cat[:, 0])
print(f"\nafter SimpleImputer (median / most_frequent):\n{clean}")
