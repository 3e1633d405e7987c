# terms: hyperparameter-sampling, hyperparameter, hyperparameter-search-space, discrete-hyperparameters
"""Grid sampling tries every combination of discrete values; random sampling draws points from a continuous/integer space."""

from scipy.stats import loguniform, randint
from sklearn.model_selection import ParameterGrid, ParameterSampler

# Hyperparameters are settings chosen before training (not learned from the data).
# A search space says which values each hyperparameter may take.

# 1) Grid sampling: only discrete choices, and every combination is tried (2 x 2 = 4).
grid_space = {"batch_size": [16, 32], "learning_rate": [0.01, 0.1]}
print("grid sampling:")
for i, params in enumerate(ParameterGrid(grid_space), start=1):
    print(f"  trial {i}: {params}")

# 2) Random sampling: values are drawn at random, so the space may be continuous.
random_space = {
    "learning_rate": loguniform(1e-4, 1e-1),  # continuous, uniform on a log scale
    "n_estimators": randint(50, 500),  # integer in [50, 500)
    "batch_size": [16, 32, 64],  # discrete choice
}
print("random sampling (5 draws):")
for i, params in enumerate(
    ParameterSampler(random_space, n_iter=5, random_state=0), start=1
):
    print(
        f"  trial {i}: learning_rate={params['learning_rate']:.5f}, "
        f"n_estimators={params['n_estimators']}, batch_size={params['batch_size']}"
    )
