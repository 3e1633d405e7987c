# terms: overlay, convolutional-neural-network
"""A 3x3 edge filter is overlaid on every 3x3 patch of a 5x5 image (weighted sums), then ReLU keeps the positive responses."""

import numpy as np

# A 5x5 greyscale image: a bright vertical stripe (9) on a dark background (1).
image = np.array(
    [
        [1, 1, 9, 1, 1],
        [1, 1, 9, 1, 1],
        [1, 1, 9, 1, 1],
        [1, 1, 9, 1, 1],
        [1, 1, 9, 1, 1],
    ]
)

# A 3x3 filter (kernel) that responds to "dark on the left, bright on the right".
kernel = np.array(
    [
        [-1, 0, 1],
        [-1, 0, 1],
        [-1, 0, 1],
    ]
)

# Overlay the filter on each 3x3 patch: multiply element by element and add up.
# A 5x5 image and a 3x3 filter (stride 1, no padding) give a 3x3 feature map.
feature_map = np.zeros((3, 3), dtype=int)
for i in range(3):
    for j in range(3):
        patch = image[i : i + 3, j : j + 3]
        feature_map[i, j] = np.sum(patch * kernel)

print(f"top-left patch:\n{image[0:3, 0:3]}")
print(f"patch * kernel:\n{image[0:3, 0:3] * kernel}")
print("weighted sum:", np.sum(image[0:3, 0:3] * kernel))
print(f"feature map (one weighted sum per position):\n{feature_map}")

# In a convolutional neural network the map then goes through ReLU = max(0, x):
# the left edge (dark -> bright) stays, the opposite edge (negative response) becomes 0.
print(f"after ReLU:\n{np.maximum(feature_map, 0)}")
