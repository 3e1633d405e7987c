# terms: k-means-clustering, kmeans-inertia, within-cluster-sum-of-squares
"""KMeans finds 3 clusters; its inertia_ equals the hand-computed WCSS, and inertia for k=1..6 shows an elbow at k=3."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs

# 150 points drawn around 3 centres.
X, _ = make_blobs(n_samples=150, centers=3, cluster_std=0.8, random_state=0)

km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X)
print("first 10 labels:", km.labels_[:10])
print(f"centroids:\n{np.round(km.cluster_centers_, 3)}")

# Within-cluster sum of squares: squared distance of every point to its own centroid.
wcss = sum(
    ((X[km.labels_ == j] - c) ** 2).sum() for j, c in enumerate(km.cluster_centers_)
)
print(f"inertia_ = {km.inertia_:.3f}, hand-computed WCSS = {wcss:.3f}")

# Elbow method: inertia always falls as k grows, but the drop flattens after the true k.
ks = range(1, 7)
inertias = [KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_ for k in ks]
for k, inertia in zip(ks, inertias):
    print(f"k={k}: inertia = {inertia:.1f}")

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 4))
ax1.scatter(X[:, 0], X[:, 1], c=km.labels_, cmap="viridis", s=20)
ax1.scatter(*km.cluster_centers_.T, c="red", marker="X", s=200, label="centroids")
ax1.set(title="K-means clusters (k=3)", xlabel="feature 1", ylabel="feature 2")
ax1.legend()
ax2.plot(list(ks), inertias, "o-")
ax2.set(title="Elbow curve", xlabel="number of clusters k", ylabel="inertia (WCSS)")
plt.tight_layout()
plt.savefig("k_means_clustering.png", dpi=80, bbox_inches="tight")
