# terms: pipeline-scikit-learn
"""A Pipeline chains preprocessing (StandardScaler) and a model (LogisticRegression) into one estimator you fit and predict with."""

from sklearn.datasets import load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_wine(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, random_state=0, stratify=y
)

# Steps run in order: every step but the last must transform, the last is the model
pipe = Pipeline(
    [
        ("scale", StandardScaler()),
        ("model", LogisticRegression(max_iter=1000)),
    ]
)
print(pipe)

# One fit() call: the scaler is fit on X_train, X_train is scaled, then the model is fit
pipe.fit(X_train, y_train)

# predict()/score() on raw test data: it is scaled with the *training* mean/std first
print("\nfirst 5 predictions:", pipe.predict(X_test[:5]).tolist())
print("first 5 true labels:", y_test[:5].tolist())
print(f"test accuracy: {pipe.score(X_test, y_test):.3f}")

# Each fitted step is still reachable by name
print(
    "\nscaler means (first 3 features):",
    pipe.named_steps["scale"].mean_[:3].round(2).tolist(),
)
print("model coef_ shape:", pipe.named_steps["model"].coef_.shape)

# Step parameters are addressed as <step>__<param>, e.g. for a grid search
pipe.set_params(model__C=0.1).fit(X_train, y_train)
print(f"with model__C=0.1, test accuracy: {pipe.score(X_test, y_test):.3f}")
