# terms: overfitting
"""An unlimited-depth tree scores 1.00 on its training data but much less on test data; limiting max_depth narrows the gap."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

# A classification problem with some label noise (flip_y),
# so perfect training accuracy means memorising.
X, y = make_classification(
    n_samples=600, n_features=10, n_informative=4, flip_y=0.15, random_state=0
)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)

depths = [1, 2, 3, 4, 5, 6, 8, 10, 12, None]  # None = grow until every leaf is pure
train_scores, test_scores = [], []
print("max_depth  train   test    gap")
for depth in depths:
    tree = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)
    train_acc, test_acc = tree.score(X_train, y_train), tree.score(X_test, y_test)
    train_scores.append(train_acc)
    test_scores.append(test_acc)
    print(
        f"{str(depth):>9}  {train_acc:.3f}  {test_acc:.3f}  {train_acc - test_acc:+.3f}"
    )

# Overfitting: the unlimited tree memorises the training set (including its noise)
# and generalises worse than a shallower tree.
labels = [str(d) for d in depths]
plt.figure(figsize=(7, 4))
plt.plot(labels, train_scores, "o-", label="training accuracy")
plt.plot(labels, test_scores, "s-", label="test accuracy")
plt.title("Decision tree: training vs test accuracy")
plt.xlabel("max_depth (None = unlimited)")
plt.ylabel("accuracy")
plt.legend()
plt.savefig("overfitting.png", dpi=80, bbox_inches="tight")
