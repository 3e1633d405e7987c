# terms: pandas-dataframe-to-dict
"""One 2x2 DataFrame, seven dictionary shapes: one per `orient` value of to_dict()."""

import pandas as pd

df = pd.DataFrame(
    {"size": ["S", "M"], "price": [10, 12]},
    index=pd.Index(["a", "b"], name="row"),
)
print(df, "\n")

# The notes write these names with curly quotes (‘dict’); in code they are
# plain strings. "dict" is the default: df.to_dict() == df.to_dict("dict").
ORIENTS = ["dict", "list", "series", "split", "tight", "records", "index"]

for orient in ORIENTS:
    result = df.to_dict(orient=orient)
    if orient == "series":
        # values are pandas Series (index a, b); show their contents compactly
        text = (
            "{"
            + ", ".join(f"{col!r}: Series({s.to_list()})" for col, s in result.items())
            + "}"
        )
    else:
        text = repr(result)
    print(f"{orient!r:10} -> {text}")
