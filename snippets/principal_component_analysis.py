# terms: principal-component-analysis
"""PCA projects the 4-D iris measurements onto 2 components and reports how much variance each keeps."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

iris = load_iris()
# Standardise first so no feature dominates just because of its units.
X = StandardScaler().fit_transform(iris.data)
print("original shape:", X.shape)

pca = PCA(n_components=2)
X2 = pca.fit_transform(X)
print("reduced shape: ", X2.shape)
print("first flower in 2-D:", np.round(X2[0], 3))

# Each component keeps a share of the total variance; together they keep most of it.
for i, ratio in enumerate(pca.explained_variance_ratio_, start=1):
    print(f"PC{i} keeps {ratio:.1%} of the variance")
print(f"total kept: {pca.explained_variance_ratio_.sum():.1%}")

# Loadings: how much each original feature contributes to each component.
for name, (a, b) in zip(iris.feature_names, pca.components_.T):
    print(f"{name:<18} PC1 {a:+.3f}  PC2 {b:+.3f}")

plt.figure(figsize=(7, 4))
for label, name in enumerate(iris.target_names):
    pts = X2[iris.target == label]
    plt.scatter(pts[:, 0], pts[:, 1], label=name, s=20)
plt.title("Iris projected onto the first two principal components")
plt.xlabel(f"PC1 ({pca.explained_variance_ratio_[0]:.0%} of variance)")
plt.ylabel(f"PC2 ({pca.explained_variance_ratio_[1]:.0%} of variance)")
plt.legend(title="species")
plt.savefig("principal_component_analysis.png", dpi=80, bbox_inches="tight")
