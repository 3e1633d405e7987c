# terms: dataframe, pandas
"""A pandas DataFrame, a 2-D table of rows and columns: print, inspect, filter rows."""

import pandas as pd

# Each dict key becomes a column; each list holds that column's values
df = pd.DataFrame(
    {
        "name": ["Ana", "Ben", "Cleo", "Dan", "Eva"],
        "age": [23, 35, 31, 19, 42],
        "city": ["Oslo", "Rome", "Oslo", "Lima", "Rome"],
        "score": [88.5, 72.0, 91.0, 65.5, 79.0],
    }
)

print(df)  # printed like a spreadsheet, index on the left
print("\nshape:", df.shape)  # (rows, columns)
print("columns:", list(df.columns))

# One column is a Series; aggregate it
print("\nmean score:", round(df["score"].mean(), 2))

# Row filter: a boolean condition selects the matching rows
print("\nrows with age > 30:")
print(df[df["age"] > 30])

# Conditions combine with & (and) / | (or); pick columns with .loc
print("\nnames of people in Oslo scoring over 80:")
print(df.loc[(df["city"] == "Oslo") & (df["score"] > 80), ["name", "score"]])
