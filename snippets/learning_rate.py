# terms: learning-rate, optimizer, loss-function, backpropagation, epoch
"""Gradient descent for 20 epochs: a too-small learning rate has not converged, a good one has, a too-large one diverges."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

# Data for a one-feature linear model: y = 3x + 2 + noise.
rng = np.random.default_rng(0)
x = rng.normal(size=200)
y = 3 * x + 2 + rng.normal(scale=0.5, size=200)


def train(lr, epochs=20):
    w, b = 0.0, 0.0
    losses = []
    for epoch in range(epochs):  # one epoch = one pass over all the data
        error = (w * x + b) - y
        losses.append(np.mean(error**2))  # loss function: mean squared error
        # Backpropagation: gradients of the loss with
        # respect to each parameter (chain rule).
        grad_w = 2 * np.mean(error * x)
        grad_b = 2 * np.mean(error)
        # Optimizer (plain gradient descent): step against
        # the gradient, scaled by the learning rate.
        w -= lr * grad_w
        b -= lr * grad_b
    return losses, w, b


print("true parameters: w=3, b=2")
plt.figure(figsize=(7, 4))
for lr, verdict in [(0.01, "too small"), (0.1, "good"), (1.1, "too large")]:
    losses, w, b = train(lr)
    print(
        f"lr={lr:<4} {verdict:>9}: loss epoch 1 = {losses[0]:.3f}, "
        f"epoch 20 = {losses[-1]:.3f}"
        f" -> w={w:.3f}, b={b:.3f}"
    )
    plt.plot(
        range(1, 21), losses, marker="o", markersize=3, label=f"lr={lr} ({verdict})"
    )

plt.yscale("log")
plt.xticks([1, 5, 10, 15, 20])
plt.title("Training loss per epoch for three learning rates")
plt.xlabel("epoch")
plt.ylabel("MSE loss (log scale)")
plt.legend()
plt.savefig("learning_rate.png", dpi=80, bbox_inches="tight")
