# terms: argparse, experiment-script
"""Script parameters like --reg_rate, read the way an Azure ML training script does."""

import argparse
import contextlib
import io

# An experiment script declares the parameters it accepts...
parser = argparse.ArgumentParser(
    prog="train.py", description="Train a logistic regression model"
)
parser.add_argument("--reg_rate", type=float, default=0.01, help="regularization rate")
parser.add_argument(
    "--max_iter", type=int, default=100, help="maximum training iterations"
)
parser.add_argument(
    "--training_data", type=str, default="data.csv", help="path to the training data"
)

# ...and the job passes them on the command line, e.g.
#   python train.py --reg_rate 0.1 --training_data diabetes.csv
# parse_args() reads sys.argv; here we pass an
# explicit list so the example runs without arguments.
args = parser.parse_args(["--reg_rate", "0.1", "--training_data", "diabetes.csv"])

print("parsed:", vars(args))
print(
    f"reg_rate={args.reg_rate} ({type(args.reg_rate).__name__})"
)  # converted from the string "0.1"
print(f"max_iter={args.max_iter} (default, not given)")

# The values then configure training, e.g.
# scikit-learn uses C = 1 / regularization rate.
print(f"LogisticRegression(C={1 / args.reg_rate:.1f}, max_iter={args.max_iter})")

# A wrong type is rejected before any training
# starts: argparse prints an error and exits.
with contextlib.redirect_stderr(
    io.StringIO()
) as err:  # capture the message to show it here
    try:
        parser.parse_args(["--reg_rate", "high"])
    except SystemExit:
        pass
print("rejected:", err.getvalue().splitlines()[-1])
