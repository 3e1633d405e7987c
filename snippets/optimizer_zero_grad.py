# terms: optimizer-zero-grad, torch-manual-seed, pytorch
"""torch.manual_seed makes random numbers repeatable; gradients add up over backward() calls until optimizer.zero_grad()."""

import torch

# 1) Same seed -> same "random" numbers.
torch.manual_seed(0)
a = torch.rand(3)
torch.manual_seed(0)
b = torch.rand(3)
print(
    "rand after seed 0:",
    [round(v, 4) for v in a.tolist()],
    "| repeated:",
    torch.equal(a, b),
)

# 2) Gradients accumulate: each backward() ADDS to .grad.
w = torch.tensor(2.0, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
for call in range(1, 4):
    loss = w**2  # d(loss)/dw = 2w = 4
    loss.backward()
    print(f"after backward() call {call}: w.grad = {w.grad.item():.1f}")
optimizer.zero_grad()  # reset (sets .grad to None by default)
print("after zero_grad():", w.grad)

# 3) A tiny training loop: fit y = 2x + 1 with one linear layer.
torch.manual_seed(0)
x = torch.linspace(-1, 1, 50).unsqueeze(1)
y = 2 * x + 1 + 0.1 * torch.randn_like(x)
model = torch.nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
loss_fn = torch.nn.MSELoss()
for epoch in range(1, 9):
    optimizer.zero_grad()  # clear the gradients left over from the previous step
    loss = loss_fn(model(x), y)
    loss.backward()  # compute fresh gradients
    optimizer.step()  # update the weights
    print(f"epoch {epoch}: loss = {loss.item():.4f}")
print(f"learned: y = {model.weight.item():.3f}x + {model.bias.item():.3f}")
