# terms: decision-trees
"""A depth-1 regression tree splits bike-rental days into Spring/Summer vs Autumn/Winter and predicts each side's mean."""

import numpy as np
import pandas as pd
from sklearn.tree import DecisionTreeRegressor, export_text

rng = np.random.default_rng(0)
seasons = ["Spring", "Summer", "Autumn", "Winter"]
weekday_rentals = {"Spring": 100, "Summer": 100, "Autumn": 20, "Winter": 20}
weekend_extra = {"Spring": 40, "Summer": 40, "Autumn": 10, "Winter": 10}

# 8 weeks of days per season, with a little random noise
rows = []
for s in seasons:
    for day in range(56):
        weekday = day % 7  # 0=Mon ... 6=Sun
        rentals = weekday_rentals[s] + (weekend_extra[s] if weekday >= 5 else 0)
        rows.append(
            {"season": s, "weekday": weekday, "rentals": rentals + rng.normal(0, 3)}
        )
df = pd.DataFrame(rows)

# Trees need numbers: code seasons in calendar order 0..3
df["season_code"] = df["season"].map({s: i for i, s in enumerate(seasons)})
X, y = df[["season_code", "weekday"]], df["rentals"]

tree = DecisionTreeRegressor(max_depth=1, random_state=0).fit(X, y)
print(export_text(tree, feature_names=list(X.columns), decimals=1))
# season_code <= 1.5 means Spring (0) or Summer (1)

warm = df["season_code"] <= 1
print(f"mean rentals Spring/Summer: {y[warm].mean():.1f}")
print(f"mean rentals Autumn/Winter: {y[~warm].mean():.1f}")

# One level deeper, each side splits again on
# the day of the week (weekday <= 4.5 = Mon-Fri)
deeper = DecisionTreeRegressor(max_depth=2, random_state=0).fit(X, y)
print("\ndepth 2:")
print(export_text(deeper, feature_names=list(X.columns), decimals=1))

# A Monday in each season: the prediction is the mean of the leaf it lands in
mondays = pd.DataFrame({"season_code": [0, 1, 2, 3], "weekday": 0})
for s, p1, p2 in zip(seasons, tree.predict(mondays), deeper.predict(mondays)):
    print(f"{s:6} Monday -> depth 1: {p1:5.1f}   depth 2: {p2:5.1f} rentals")
