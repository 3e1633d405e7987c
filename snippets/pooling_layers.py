# terms: pooling-layers, flattening-layers
"""2x2 max pooling shrinks a 4x4 feature map to 2x2 (a quarter of the values); flattening then turns it into a vector."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

# A 4x4 feature map, e.g. the output of a convolutional layer.
fmap = np.array(
    [
        [12, 155, 40, 20],
        [90, 30, 75, 110],
        [60, 25, 10, 35],
        [45, 130, 80, 15],
    ]
)

# Max pooling with a 2x2 window and stride 2: keep the largest value of each patch.
pooled = np.zeros((2, 2), dtype=int)
for i in range(2):
    for j in range(2):
        patch = fmap[2 * i : 2 * i + 2, 2 * j : 2 * j + 2]
        pooled[i, j] = patch.max()

print(f"top-left patch:\n{fmap[0:2, 0:2]}\n-> max = {fmap[0:2, 0:2].max()}")
print(f"pooled map:\n{pooled}")
print(f"values: {fmap.size} -> {pooled.size} (a quarter)")

# The same result with a reshape trick: split into 2x2 blocks and take each block's max.
print(
    "same via reshape:",
    np.array_equal(pooled, fmap.reshape(2, 2, 2, 2).max(axis=(1, 3))),
)

# Flattening layer: turn the 2-D map into a 1-D vector for the fully connected layers.
print("flattened:", pooled.flatten())

fig, axes = plt.subplots(1, 2, figsize=(7, 3.5))
for ax, data, title in [
    (axes[0], fmap, "4x4 feature map"),
    (axes[1], pooled, "after 2x2 max pooling"),
]:
    ax.imshow(data, cmap="Blues", vmin=0, vmax=fmap.max())
    for (r, c), v in np.ndenumerate(data):
        ax.text(
            c,
            r,
            str(v),
            ha="center",
            va="center",
            color="white" if v > 100 else "black",
        )
    ax.set(
        title=title,
        xticks=range(data.shape[1]),
        yticks=range(data.shape[0]),
        xlabel="column",
        ylabel="row",
    )
# Outline the four 2x2 pooling windows on the input map.
axes[0].axhline(1.5, color="red")
axes[0].axvline(1.5, color="red")
plt.tight_layout()
plt.savefig("pooling_layers.png", dpi=80, bbox_inches="tight")
