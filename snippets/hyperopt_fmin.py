# terms: hyperopt, hyperopt-search-algorithm, objective-function
"""Hyperopt's fmin minimises (x - 3)^2 with TPE and with random search; both get close to x = 3 in 100 evaluations."""

import logging

import numpy as np
from hyperopt import Trials, fmin, hp, rand, tpe

logging.getLogger("hyperopt").setLevel(logging.ERROR)


# The objective function returns the loss to minimise for one set of hyperparameters.
def objective(params):
    return (params["x"] - 3) ** 2


# The search space: x drawn uniformly from [-10, 10].
space = {"x": hp.uniform("x", -10, 10)}

# The search algorithm decides which x to try next:
# tpe.suggest learns from earlier trials (Bayesian), rand.suggest samples blindly.
for name, algo in [("TPE", tpe.suggest), ("random", rand.suggest)]:
    trials = Trials()
    best = fmin(
        objective,
        space,
        algo=algo,
        max_evals=100,
        trials=trials,
        rstate=np.random.default_rng(0),
        show_progressbar=False,
    )
    losses = trials.losses()
    first_good = next(i for i, loss in enumerate(losses, start=1) if loss < 0.01)
    print(f"{name}: best x = {best['x']:.3f}, best loss = {min(losses):.5f}")
    print(
        f"  first loss < 0.01 at evaluation {first_good}; "
        f"mean loss of the last 25 evaluations = {np.mean(losses[-25:]):.2f}"
    )
