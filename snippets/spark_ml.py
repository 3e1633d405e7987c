# terms: spark-ml, train-and-validate-a-model, splitting-data
"""A Spark ML Pipeline (VectorAssembler + LinearRegression): randomSplit into train/validation, then RMSE and R2 on validation."""

import warnings

import numpy as np
from pyspark.ml import Pipeline
from pyspark.ml.evaluation import RegressionEvaluator
from pyspark.ml.feature import VectorAssembler
from pyspark.ml.regression import LinearRegression
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

# (PySpark warns that it was tested with an older pandas; the snippet does not need it.)
warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")

# local[1] = Spark runs on this machine with one core;
# on a cluster the same code runs on many machines.
spark = (
    SparkSession.builder.master("local[1]")
    .appName("spark-ml-demo")
    .config("spark.sql.shuffle.partitions", "2")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")

# 500 houses: price = 3*size + 10*rooms + 50 + noise.
rng = np.random.default_rng(0)
size = rng.uniform(50, 200, 500).round(1)
rooms = rng.integers(1, 6, 500)
price = (3 * size + 10 * rooms + 50 + rng.normal(0, 20, 500)).round(1)
df = spark.createDataFrame(
    [(float(s), int(r), float(p)) for s, r, p in zip(size, rooms, price)],
    ["size", "rooms", "price"],
)

# Split the data: 70% to train the model, 30%
# held back to validate it (seeded = repeatable).
train, validation = df.randomSplit([0.7, 0.3], seed=42)
print(f"train rows: {train.count()}, validation rows: {validation.count()}")

# Pipeline: VectorAssembler packs the feature
# columns into one vector, then LinearRegression.
assembler = VectorAssembler(inputCols=["size", "rooms"], outputCol="features")
lr = LinearRegression(featuresCol="features", labelCol="price")
model = Pipeline(stages=[assembler, lr]).fit(train)

coefs = model.stages[-1].coefficients
print(
    f"learned: price = {coefs[0]:.2f}*size + {coefs[1]:.2f}*rooms + "
    f"{model.stages[-1].intercept:.2f}"
)

# Validate on rows the model has never seen.
predictions = model.transform(validation)
predictions.select(
    "size", "rooms", "price", F.round("prediction", 1).alias("prediction")
).show(3)
for metric in ["rmse", "r2"]:
    evaluator = RegressionEvaluator(
        labelCol="price", predictionCol="prediction", metricName=metric
    )
    print(f"validation {metric.upper()}: {evaluator.evaluate(predictions):.3f}")

spark.stop()
