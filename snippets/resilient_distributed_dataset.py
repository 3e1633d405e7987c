# terms: resilient-distributed-dataset, spark-dataframe-api, spark-query-dataframes
"""PySpark in local mode: an RDD split into 2 partitions, a DataFrame groupBy, and the same query in Spark SQL."""

import warnings

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

# (PySpark warns that it was tested with an older pandas; the snippet does not need it.)
warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")

# local[1] = Spark runs on this machine with one core;
# on a cluster the same code runs on many machines.
spark = (
    SparkSession.builder.master("local[1]")
    .appName("rdd-demo")
    .config("spark.sql.shuffle.partitions", "2")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")

# RDD: a low-level, immutable collection split into
# partitions that can be processed in parallel.
rdd = spark.sparkContext.parallelize(range(1, 11), numSlices=2)
print("partitions:", rdd.getNumPartitions(), "->", rdd.glom().collect())
squares = rdd.map(lambda x: x * x)  # a lazy transformation...
print("sum of squares:", squares.reduce(lambda a, b: a + b))  # ...run by an action

# DataFrame API: named columns and a query optimiser on top of RDDs.
sales = spark.createDataFrame(
    [
        ("north", "apples", 120),
        ("north", "pears", 80),
        ("south", "apples", 200),
        ("south", "pears", 50),
        ("south", "plums", 70),
        ("west", "apples", 90),
    ],
    ["region", "product", "amount"],
)
(
    sales.groupBy("region")
    .agg(F.sum("amount").alias("total"), F.count("*").alias("n_sales"))
    .orderBy("region")
    .show()
)

# The same query in Spark SQL, on a temporary view of the DataFrame.
sales.createOrReplaceTempView("sales")
spark.sql("""
    SELECT region, SUM(amount) AS total, COUNT(*) AS n_sales
    FROM sales
    GROUP BY region
    ORDER BY region
""").show()

spark.stop()
