# terms: mlflow-tracking, mlflow, mlflow-experiment
"""An MLflow run logs one parameter and a metric per epoch; params come back as strings, the metric history keeps every step."""

import logging
import os

import mlflow
from mlflow.tracking import MlflowClient

logging.getLogger("mlflow").setLevel(logging.ERROR)

# Runs are stored in a local SQLite file here; set
# MLFLOW_TRACKING_URI to use a real tracking server.
mlflow.set_tracking_uri(os.environ.get("MLFLOW_TRACKING_URI", "sqlite:///mlflow.db"))
# An experiment groups related runs (created on first use).
mlflow.set_experiment("glossary-demo")

with mlflow.start_run() as run:
    mlflow.log_param("learning_rate", 0.1)
    loss = 1.0
    for epoch in range(5):
        loss *= 0.6  # pretend training improves the loss
        mlflow.log_metric("loss", loss, step=epoch)

# Read the run back, as the MLflow UI or another script would.
client = MlflowClient()
data = client.get_run(run.info.run_id).data
print("params:", data.params)  # values are stored as strings
print("type of learning_rate:", type(data.params["learning_rate"]).__name__)
print(f"latest loss: {data.metrics['loss']:.4f}")  # .metrics keeps only the last value
for m in client.get_metric_history(run.info.run_id, "loss"):
    print(f"  step {m.step}: loss = {m.value:.4f}")

experiment = mlflow.get_experiment_by_name("glossary-demo")
runs = mlflow.search_runs(experiment_ids=[experiment.experiment_id])
print("runs in experiment 'glossary-demo':", len(runs))
