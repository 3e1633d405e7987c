# terms: hierarchical-clustering, agglomerative-method, linkage-function
"""Bottom-up (agglomerative) clustering: the linkage matrix lists each merge, fcluster cuts the tree into 2 clusters."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage

# 9 points: two loose groups (A-D near (0,0),
# E-H near (4,4)) and one outlier I at (9,0).
rng = np.random.default_rng(0)
X = np.vstack(
    [rng.normal([0, 0], 0.5, (4, 2)), rng.normal([4, 4], 0.5, (4, 2)), [[9, 0]]]
)
names = np.array(list("ABCDEFGHI"))

# Each row of the linkage matrix is one merge: [cluster i, cluster j, distance, size].
# Ids 0-8 are the original points; id 9 is the
# cluster made by the first merge, and so on.
Z = linkage(X, method="ward")
print("   i    j  distance  size")
for i, j, dist, size in Z:
    print(f"{int(i):4d} {int(j):4d} {dist:9.3f} {int(size):5d}")


def groups(labels):
    """Show a flat clustering as groups of point names, e.g. 'ABCD | EFGHI'."""
    return " | ".join("".join(names[labels == k]) for k in np.unique(labels))


# Cut the tree so that exactly 2 clusters remain.
print("ward, 2 clusters:", groups(fcluster(Z, t=2, criterion="maxclust")))

# The linkage function decides how the distance between two clusters is measured:
# ward = increase in within-cluster variance, average = mean pairwise distance,
# complete = farthest pair, single = closest pair.
for method in ["ward", "average", "complete", "single"]:
    Zm = linkage(X, method=method)
    print(
        f"{method:<8} final merge at {Zm[-1, 2]:6.3f} -> "
        f"{groups(fcluster(Zm, t=2, criterion='maxclust'))}"
    )

plt.figure(figsize=(7, 4))
dendrogram(Z, labels=names.tolist())
plt.axhline(
    y=(Z[-1, 2] + Z[-2, 2]) / 2,
    color="grey",
    linestyle="--",
    label="cut into 2 clusters",
)
plt.title("Dendrogram (ward linkage)")
plt.xlabel("data point")
plt.ylabel("merge distance")
plt.legend()
plt.savefig("hierarchical_clustering.png", dpi=80, bbox_inches="tight")
