# terms: feature-engineering
"""Three new features from raw columns: a date part (month), a flag (is_weekend) and bins (low/mid/high)."""

import pandas as pd

sales = pd.DataFrame(
    {
        "date": pd.to_datetime(
            [
                "2024-01-05",
                "2024-01-06",
                "2024-02-14",
                "2024-03-09",
                "2024-03-11",
                "2024-04-21",
            ]
        ),
        "amount": [12.5, 80.0, 45.0, 150.0, 30.0, 95.0],
    }
)

# Part-of: extract one component of a richer value (here the month of a date).
sales["month"] = sales["date"].dt.month

# Flagging: a yes/no feature derived from a rule (Saturday = 5, Sunday = 6).
sales["is_weekend"] = sales["date"].dt.day_of_week >= 5

# Binning: turn a continuous number into a few ordered categories.
sales["amount_band"] = pd.cut(
    sales["amount"], bins=[0, 40, 100, float("inf")], labels=["low", "mid", "high"]
)

print(sales.to_string(index=False))
print()
print("rows per band:", sales["amount_band"].value_counts(sort=False).to_dict())
print(
    f"mean amount weekend vs weekday: "
    f"{sales.loc[sales.is_weekend, 'amount'].mean():.2f} vs "
    f"{sales.loc[~sales.is_weekend, 'amount'].mean():.2f}"
)
