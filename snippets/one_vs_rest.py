# terms: one-vs-rest, one-vs-one, multiclass-classification
"""For 4 classes, one-vs-rest trains 4 binary models and one-vs-one trains 4*3/2 = 6."""

from itertools import combinations

from sklearn.datasets import make_blobs
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsOneClassifier, OneVsRestClassifier

shapes = ["square", "circle", "triangle", "hexagon"]

# OvR: one "this class vs every other class" classifier per class
print("One vs Rest:")
for s in shapes:
    print(f"  {s} or not")

# OvO: one classifier per pair of classes
print("One vs One:")
for a, b in combinations(shapes, 2):
    print(f"  {a} or {b}")

# The same with scikit-learn on small synthetic 4-class data (labels 0..3 = shapes)
X, y = make_blobs(n_samples=200, centers=4, random_state=0)
ovr = OneVsRestClassifier(LogisticRegression()).fit(X, y)
ovo = OneVsOneClassifier(LogisticRegression()).fit(X, y)

print(f"\nOneVsRestClassifier: {len(ovr.estimators_)} binary models")
print(
    f"OneVsOneClassifier:  {len(ovo.estimators_)} binary models  (4*3/2 = {4 * 3 // 2})"
)
print(f"training accuracy: OvR {ovr.score(X, y):.3f}, OvO {ovo.score(X, y):.3f}")

# Both combine their binary votes into one multiclass prediction
new_points = X[:4]
print("predicted shapes (OvR):", [shapes[i] for i in ovr.predict(new_points)])
print("predicted shapes (OvO):", [shapes[i] for i in ovo.predict(new_points)])
