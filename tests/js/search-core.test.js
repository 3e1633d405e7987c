// Unit tests of the search worker's pure helpers (docs/assets/javascripts/mlterms-search-core.js).
// Run: node --test tests/js/ (tests/test_search_core_js.py runs it under pytest).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../docs/assets/javascripts/mlterms-search-core.js");

test("words fold, split and canonicalise like search_engine.words()", () => {
  assert.deepEqual(core.words("Regularisation normalised one-hot"), ["regularize", "normalized", "one", "hot"]);
  assert.deepEqual(core.words("KMeans.inertia_"), ["kmean", "inertia"]);
  assert.deepEqual(core.words("Naïve Bayes"), ["naive", "baye"]);
});

test("distance counts a transposition as one edit and gives up past max", () => {
  assert.equal(core.distance("regresion", "regression", 2), 1);
  assert.equal(core.distance("epoh", "epoch", 1), 1);
  assert.equal(core.distance("abcd", "badc", 2), 2);
  assert.equal(core.distance("kmeans", "pandas", 1), 2);
});

test("expand finds the word, its completions and its typos", () => {
  const lex = core.lexicon(new Map([["regression", [1]], ["regularize", [2]], ["region", [3]]]));
  assert.deepEqual([...core.expand("regresion", lex, true).keys()], ["regression"]);
  assert.deepEqual([...core.expand("reg", lex, true).keys()].sort(), ["region", "regression", "regularize"]);
});

test("the typo lookup's letter-set filter drops no word within reach, and numbers have no typos", () => {
  /* Every word one or two edits from the token, found by aligning it with every word of the vocabulary:
   * the filter (letterBits) must find the same ones. Words built by the edits the filter must allow. */
  const token = "regularization", vocab = new Set(["regularizaton", "regularizatoin", "regularisation", "reguralization",
    "regularizations", "xregularization", "regularizatiqx", "regularizatiqnw", "regularizatio", "regulaization", "regularizer", "normalization", "kmeans", "16283"]);
  for (let i = 0; i < token.length; i++) vocab.add(token.slice(0, i) + "q" + token.slice(i + 1));
  const lex = core.lexicon(new Map([...vocab].map(w => [w, [1]])));
  const found = [...core.expand(token, lex, false).keys()].sort();
  const brute = [...vocab].filter(w => w !== token && core.distance(token, w, 2) <= 2).sort();
  assert.deepEqual(found, brute);
  assert.ok(found.length > 15);
  const numbers = core.lexicon(new Map([["16283", [1]], ["16284", [2]], ["162830", [3]]]));
  assert.deepEqual([...core.expand("16283", numbers, false).keys()].sort(), ["16283", "162830"]);  // not 16284
  assert.deepEqual([...core.expand("1628", numbers, true).keys()].sort(), ["16283", "162830", "16284"]);  // begun: yes
});

test("initials of word runs stand for the name (ml for machine learning)", () => {
  assert.ok(core.initials(["azure", "machine", "learning", "workspace"]).has("ml"));
  assert.ok(core.initials(["azure", "machine", "learning", "workspace"]).has("aml"));
  assert.deepEqual([...core.nameKeys(["one", "hot"])], ["one", "hot", "onehot"]);
});

test("a name shortened by the initials of one run of its words is a name of the page", () => {
  const index = core.indexNames({ pages: [["Azure Machine Learning workspace", []], ["Machine learning", []]] });
  assert.deepEqual(index.byName.get("azure ml workspace"), [0 * 16 + core.FIELDS.INITIALS]);
  assert.deepEqual(index.byName.get("aml workspace"), [0 * 16 + core.FIELDS.INITIALS]);
  assert.equal(index.byName.get("amlw"), undefined);  // the whole name as initials stays a word, not a name
  assert.equal(index.byName.get("ml"), undefined);  // nor a two-word name's initials
});

test("codeQuery reads the identifiers of pasted code, the imported or called one first", () => {
  assert.equal(core.codeQuery("what is PCA"), null);
  assert.equal(core.codeQuery("k-means"), null);
  const imp = core.codeQuery("from sklearn.cluster import KMeans");
  assert.deepEqual([...imp.main], ["kmeans"]);
  assert.deepEqual(imp.idents, ["sklearn.cluster", "sklearn", "cluster", "kmeans"]);
  /* A dotted path's leading runs meet an indexed path whose short parts are dropped ("fs"). */
  assert.deepEqual(core.codeQuery("dbutils.fs.ls").idents, ["dbutils.fs.ls", "dbutils.fs", "fs.ls", "dbutils"]);
  /* And the runs after a first part that may be a variable the API hangs off (a WorkspaceClient `w`). */
  assert.ok(core.codeQuery("w.dbutils.fs.cp('/tmp/a', 'dbfs:/a')").idents.includes("dbutils.fs.cp"));
  /* One name that starts with an acronym is code; a product name written that way is not. */
  assert.deepEqual([...core.codeQuery("MLClient").main], ["mlclient"]);
  assert.equal(core.codeQuery("MLflow"), null);
  assert.deepEqual([...core.codeQuery("df.fillna(0)").main], ["fillna"]);
  const call = core.codeQuery("OneHotEncoder(handle_unknown='ignore')");
  assert.ok(call.main.has("onehotencoder") && !call.idents.includes("ignore"), JSON.stringify(call.idents));
  /* Quoted values and keys are no identifiers, but a name written as one is kept aside (`literals`):
   * the ranking asks about one that few pages' crosswalk code holds (BigQuery ML's 'logistic_reg'). */
  assert.deepEqual(call.literals, ["ignore"]);
  const options = core.codeQuery("OPTIONS(model_type='logistic_reg', input_label_cols=['label']) {'num_class': 5, \"a b\": 1}");
  assert.deepEqual(options.literals, ["logistic_reg", "label", "num_class"]);
  assert.ok(!options.idents.includes("logistic_reg") && !options.main.has("logistic_reg"));
  assert.deepEqual([...core.codeQuery("torch.nn.Conv2d").main], ["conv2d"]);
  /* Several names imported from one module: the module is asked about too; one name: only that name. */
  assert.deepEqual([...core.codeQuery("from hyperopt import fmin, tpe").main], ["fmin", "tpe", "hyperopt"]);
  /* A line that calls something asks about the call (and a class method's class), not its keywords. */
  assert.deepEqual([...core.codeQuery("lr = Uniform(min_value=0.01, max_value=0.1)").main], ["uniform"]);
  assert.deepEqual([...core.codeQuery("Environment.from_conda_specification(name='env')").main],
    ["from_conda_specification", "environment"]);
  /* A question that quotes code in a sentence is prose; one that only names code is code. */
  assert.equal(core.codeQuery("why do we need to zero the gradients before loss.backward"), null);
  assert.ok(core.codeQuery("should I use pyspark.ml or pyspark.mllib"));
  /* ... each part of a dotted module: "petastorm" is what `from petastorm.spark import A, B` is about. */
  assert.deepEqual([...core.codeQuery("from petastorm.spark import Converter, make_converter").main],
    ["converter", "make_converter", "petastorm", "spark"]);
  assert.deepEqual([...core.codeQuery("from sklearn.preprocessing import StandardScaler as SS").main], ["standardscaler"]);
});

test("indexNames finds a page by its full name, spaced or joined, and its code by each dotted part", () => {
  const index = core.indexNames({ pages: [["One-hot encoding", ["dummy coding"], 1, ["dummy variables"], ["pandas.get_dummies"], []]],
    other: [] });
  assert.deepEqual(index.byName.get("one hot encoding"), [0 * 16 + core.FIELDS.TITLE]);
  assert.deepEqual(index.byName.get("onehotencoding"), [core.FIELDS.TITLE - 1]);
  assert.deepEqual(index.byName.get("dummy variable"), [core.FIELDS.RELATED]);
  assert.deepEqual(index.byCode.get("get_dummies"), [0 * 4 + 1]);
  /* A CamelCase name is also found by its words typed apart, plural "s" folded ("databricks step"). */
  const camel = core.indexNames({ pages: [["DatabricksStep", ["PFIExplainer"]]], other: [] });
  assert.deepEqual(camel.byName.get("databrick step"), [core.FIELDS.TITLE - 1]);
  assert.deepEqual(camel.byName.get("pfi explainer"), [core.FIELDS.ALIAS - 1]);
  assert.equal(index.byName.get("one hot encoding").length, 1);  // a name already spaced adds no key
  /* A four-letter word whose folded form drops an "s" is kept as written too: "bais" is a typo of "bias". */
  const bias = core.indexNames({ pages: [["Societal bias", []]], other: [] });
  assert.deepEqual(bias.words.map.get("bias"), [core.FIELDS.TITLE]);
  /* A crosswalk code name: its path and last part name the term, its modules only lead to it. */
  const curated = core.indexNames({ pages: [["Transfer learning", [], 1, [], [], ["torch.Tensor.requires_grad"]]] });
  assert.deepEqual(curated.byCode.get("requires_grad"), [core.FIELDS.CURATED]);
  assert.deepEqual(curated.byCode.get("torch.tensor.requires_grad"), [core.FIELDS.CURATED]);
  assert.deepEqual(curated.byCode.get("torch"), [core.FIELDS.CURATED - 1]);
  assert.ok(index.surface.set.has("dummy") && !index.surface.set.has("variables"));  // related words are no suggestion
  /* A reader's question (names.json's seventh field) weighs below every name and related word. */
  const asked = core.indexNames({ pages: [["Data drift", [], 1, ["model decay"], [], [],
    ["Why does my model's accuracy drop after deployment?"]]] });
  assert.deepEqual(asked.words.map.get("accuracy"), [core.FIELDS.QUESTION]);
  assert.deepEqual(asked.words.map.get("decay"), [core.FIELDS.RELATED]);
  /* Two content words in a row, over stop words, find the page ("training data", "new data"). */
  const pairs = core.indexNames({ pages: [["Overfitting", [], 1, [], [], [], ["Why is it good on the training data but poor on new data?"]]] },
    new Set(["on", "the", "but", "is", "it", "why"]));
  assert.deepEqual(pairs.byPair.get("training data"), [core.FIELDS.QUESTION]);
  assert.deepEqual(pairs.byPair.get("new data"), [core.FIELDS.QUESTION]);
  assert.equal(pairs.byPair.get("the training"), undefined);
  assert.ok(core.FIELDS.QUESTION < core.FIELDS.RELATED);
});

test("latePrefix: a word with a typo late in it finds the words its beginning begins", () => {
  const lex = core.lexicon(new Map([["principal", []], ["principle", []], ["private", []]]));
  assert.deepEqual([...core.latePrefix("princple", lex).keys()], ["principal", "principle"]);
  assert.equal(core.latePrefix("prxvate", lex).size, 0);  // "prxva": too early a typo
  assert.equal(core.latePrefix("princ", lex).size, 0);  // short words: expand's prefixes already
});

test("latePrefix: a long word with its parts swapped finds the word of the same letters", () => {
  const lex = core.lexicon(new Map([["matplotlib", []], ["mathplot", []], ["pltmatlib", []], ["matplotlibs", []]]));
  assert.deepEqual([...core.latePrefix("matlibplot", lex).keys()], ["matplotlib"]);  // same start, same letters
  assert.equal(core.latePrefix("matlibplit", lex).size, 0);  // one letter differs: not a swap
  assert.equal(core.latePrefix("tamplot", core.lexicon(new Map([["matplot", []]]))).size, 0);  // its start differs
  const scalers = core.lexicon(new Map([["minmaxscaler", []], ["maxabsscaler", []]]));
  assert.deepEqual([...core.latePrefix("maxminscaler", scalers).keys()], ["minmaxscaler"]);  // two runs swapped
  assert.equal(core.latePrefix("mxaminscaler", scalers).size, 0);  // the letters, but no two runs swapped
  assert.equal(core.latePrefix("scalerminmax", core.lexicon(new Map([["minmaxscaler", []]]))).size, 1);  // runs at the ends
  assert.equal(core.latePrefix("mnimaxscaler", core.lexicon(new Map([["minmaxscaler", []]]))).size, 0);  // runs of two
});

test("spelledOut drops a name's own abbreviation after it, and nothing else", () => {
  assert.equal(core.spelledOut("Managed Service Identity (MSI)"), "Managed Service Identity");
  assert.equal(core.spelledOut("principal component analysis (PCA)"), "principal component analysis");
  assert.equal(core.spelledOut("k-means (clustering)"), "k-means (clustering)");  // not its initials
  assert.equal(core.spelledOut("fit(X)"), "fit(X)");
});

test("commandWords reads a command line without its flags and their values", () => {
  assert.equal(core.commandWords("az ml job create --file job.yml"), "az ml job create");
  assert.equal(core.commandWords("mlflow run . -P alpha=0.5"), "mlflow run");  // a key=value setting too
  assert.equal(core.commandWords("mlflow run https://github.com/mlflow/mlflow-example.git -P alpha=0.5"), "mlflow run");  // and a URL
  assert.equal(core.commandWords("pip install -U scikit-learn"), "pip install scikit-learn");
  assert.equal(core.commandWords("az ml job show -n $run_id --query status"), "az ml job show");  // a shell variable is a value
  assert.equal(core.commandWords("az ml job show -n ${RUN_ID}"), "az ml job show");
  /* A switch without a value says what the command does: its words stay (a flag with a value goes). */
  assert.equal(core.commandWords("az login --service-principal -u $APP_ID -p $SECRET --tenant $TENANT"), "az login service principal");
  assert.equal(core.commandWords("compute create cluster"), null);  // no flag, no known tool: prose as it is
  /* A known tool's command needs no flag: its words, without the paths it runs on. */
  assert.equal(core.commandWords("databricks workspace import_dir ./notebooks /Shared/project"), "databricks workspace import_dir");
  assert.equal(core.commandWords("model.fit(X, y)"), null);
  assert.equal(core.commandWords("from sklearn import svm"), null);
});

test("compareSides reads 'difference between X and Y' and 'X vs Y'", () => {
  assert.deepEqual(core.compareSides("what is the difference between bagging and boosting?"), ["bagging", "boosting"]);
  assert.deepEqual(core.compareSides("RDD vs DataFrame"), ["rdd", "dataframe"]);
  assert.deepEqual(core.compareSides("bagging vs boosting, which one reduces variance"), ["bagging", "boosting"]);
  assert.deepEqual(core.compareSides("service principal versus managed identity"), ["service principal", "managed identity"]);
  assert.equal(core.compareSides("how to split data"), null);
  /* A choice is a comparison too; the second side loses the context after it. */
  assert.deepEqual(core.compareSides("should I use transform or fit_transform on the test set"), ["transform", "fit_transform"]);
  assert.equal(core.compareSides("is it fraud or not"), null);
});

test("a suggestion completes the typed word to one real word, never two glued", () => {
  const surface = { set: new Set(["workspace", "databricks", "data"]), sorted: ["data", "databricks", "workspace"] };
  assert.equal(core.suggestion("azure ml workspace", surface), null);
  assert.equal(core.suggestion("azure ml works", surface), "works" + "pace");
  assert.equal(core.suggestion("azure data", surface), null);
  assert.equal(core.suggestion("Datab", surface), "Databricks");
});

test("docsSearch sends Azure and Databricks queries to Microsoft Learn, others to scikit-learn", () => {
  assert.match(core.docsSearch("azure confusion").url, /^https:\/\/learn\.microsoft\.com\/en-us\/search\/\?terms=azure%20confusion$/);
  assert.match(core.docsSearch("knn").url, /^https:\/\/scikit-learn\.org\/stable\/search\.html\?q=knn$/);
});

test("stem joins a verb to its nouns, and nothing else", () => {
  assert.equal(core.stem("tune"), core.stem("tuning"));
  assert.equal(core.stem("split"), core.stem("splitting"));
  assert.equal(core.stem("deploy"), core.stem("deployment"));
  assert.equal(core.stem("cluster"), core.stem("clustering"));
  assert.equal(core.stem("explain"), core.stem("explanation"));
  assert.equal(core.stem("try"), core.stem("tried"));
  assert.notEqual(core.stem("model"), core.stem("mode"));
  assert.equal(core.stem("pca"), "pca");  // too short to have a suffix
  const lex = core.lexicon(new Map([["tuning", [1]], ["tune", [2]], ["tree", [3]]]), true);
  assert.deepEqual([...core.expand("tune", lex, false).keys()].sort(), ["tune", "tuning"]);
  assert.deepEqual([...core.expand("tune", core.lexicon(lex.map), false).keys()], ["tune"]);  // no stems: as before
});

test("absentIn finds an absent concept's words as one run of the query, a typo allowed", () => {
  const absent = [[["confusion", "matrix"], "confusion matrix", "https://x"], [["knn"], "kNN", "https://y"]];
  assert.equal(core.absentIn(["confusion", "matrix"], absent)[1], "confusion matrix");
  assert.equal(core.absentIn(["plot", "confussion", "matrix"], absent)[1], "confusion matrix");
  assert.equal(core.absentIn(["matrix", "confusion"], absent), null);  // not as one run
  assert.equal(core.absentIn(["knm"], absent), null);  // short words: exact only
  assert.equal(core.absentIn(["knn", "classifier"], absent)[1], "kNN");
});

test("contextStart finds where a question's context begins", () => {
  const stop = new Set(["how", "to", "in", "a", "into", "and", "is", "what"]);
  const q = core.words("how to avoid overfitting in a neural network");
  assert.deepEqual(q.slice(core.contextStart(q, stop)), ["in", "a", "neural", "network"]);
  const none = core.words("what is overfitting");
  assert.equal(core.contextStart(none, stop), none.length);
  const text = "connect on-premises networks to azure", hyphen = core.words(text);
  assert.equal(core.contextStart(hyphen, stop, text), hyphen.length);  // "on-" begins a word, not a context
  /* A context names a place or a means: "on new data" is part of what is asked when no name follows. */
  const onData = ["poor", "on", "new", "data"];
  assert.equal(core.contextStart(onData, stop, "", after => after.includes("databricks")), onData.length);
  assert.equal(core.contextStart(["poor", "on", "databricks"], stop, "", after => after.includes("databricks")), 1);
  const into = core.words("how do I split a spark dataframe into train and test");  // "into" names a result
  assert.equal(core.contextStart(into, stop), into.length);
  const during = core.words("values tried during hyperparameter tuning");  // "during" names when
  assert.deepEqual(during.slice(core.contextStart(during, stop)), ["during", "hyperparameter", "tuning"]);
  const trailing = core.words("what is in");  // nothing after "in": no context
  assert.equal(core.contextStart(trailing, stop), trailing.length);
});

test("codeQuery reads a bare import line and one camelCase name as code, prose as prose", () => {
  assert.deepEqual([...core.codeQuery("import torch").main], ["torch"]);
  assert.deepEqual([...core.codeQuery("import tensorflow as tf").main], ["tensorflow"]);  // the alias is too short
  assert.deepEqual([...core.codeQuery("KernelExplainer").main], ["kernelexplainer"]);
  assert.equal(core.codeQuery("important features"), null);  // "import" must be a word of its own
  assert.equal(core.codeQuery("PyTorch tutorial"), null);  // a camelCase word inside prose stays prose
  assert.equal(core.codeQuery("Kernel explainer"), null);
  assert.equal(core.codeQuery("Machine Learning Studio (classic)"), null);  // a spaced aside of words calls nothing
  assert.deepEqual([...core.codeQuery("Workspace(name)").main], ["workspace"]);
  assert.equal(core.codeQuery("only when the probability is above 0.65, not 0.5"), null);  // numbers are no code
  assert.equal(core.codeQuery("lowering the step size from .001 to .0001 fixed it"), null);
  assert.equal(core.codeQuery("one classifier per pair: n*(n-1)/2 models?"), null);
  assert.deepEqual([...core.codeQuery("pandas .std() gives 13.3").main], ["std"]);
  /* An error message asks about the names it quotes, not its own words. */
  assert.deepEqual([...core.codeQuery("AttributeError: 'Run' object has no attribute 'log_metric'").main], ["run", "log_metric"]);
  assert.deepEqual([...core.codeQuery("ImportError: cannot import name 'SparkTrials' from 'hyperopt'").main], ["sparktrials", "hyperopt"]);
  /* A phrase of plain words with one code word in it is prose. */
  assert.equal(core.codeQuery("principle component analysis n_components explained variance"), null);
});

test("codeQuery keeps the dotted paths written for what a line asks about, the docs' import names spelled out", () => {
  assert.deepEqual([...core.codeQuery("from sklearn.cluster import KMeans").paths], ["sklearn.cluster", "sklearn.cluster.kmeans"]);
  assert.deepEqual([...core.codeQuery("df = pd.DataFrame(arr_2d)").paths], ["pandas.dataframe"]);
  assert.deepEqual([...core.codeQuery("nn.Conv2d(1, 32, 5)").paths], ["nn.conv2d"]);
  assert.deepEqual([...core.codeQuery("KMeans(n_clusters=3)").paths], []);
});

test("codeQuery asks about the one call that combines the estimators its arguments make", () => {
  assert.deepEqual([...core.codeQuery("BaggingClassifier(estimator=DecisionTreeClassifier(), n_estimators=10)").main], ["baggingclassifier"]);
  assert.deepEqual([...core.codeQuery("clf = make_pipeline(StandardScaler(), LogisticRegression())").main], ["make_pipeline"]);
  /* A method call inside, or a variable called, keeps every call. */
  assert.deepEqual([...core.codeQuery("sns.heatmap(df.corr())").main], ["heatmap", "corr"]);
  assert.deepEqual([...core.codeQuery("job(kernel=Uniform(min_value=0.1))").main].sort(), ["job", "uniform"]);
});

test("codeQuery keeps a quoted setting's dotted key and asks about it; other quoted values go", () => {
  const set = core.codeQuery('spark.conf.set("spark.databricks.mlflow.trackMLlib.enabled", "true")');
  assert.ok(set.main.has("spark.databricks.mlflow.trackmllib.enabled"));
  assert.ok(!set.idents.includes("true"));
  assert.deepEqual([...core.codeQuery("df = spark.read.csv('data/file.csv')").main], ["csv"]);
});

test("codeQuery names the library an import line imports from, and none for other code", () => {
  assert.equal(core.codeQuery("from petastorm.tf_utils import make_petastorm_dataset").module, "petastorm");
  assert.equal(core.codeQuery("import torch.nn as nn").module, "torch");
  assert.equal(core.codeQuery("torch.nn.Conv2d(1, 32, 3)").module, null);
  assert.ok(core.codeQuery("hvd.init()").paths.has("horovod.init"));  // Horovod's docs import it as hvd
});

test("codeQuery asks about a fitted attribute as about a call", () => {
  assert.deepEqual([...core.codeQuery("print(model.inertia_) plt.plot(ks, inertias)").main], ["inertia_", "plot"]);
  assert.deepEqual([...core.codeQuery("df.__class__").main], ["__class__"]);
  /* also read off a call's result, beside the calls */
  assert.ok(core.codeQuery("[KMeans(n_clusters=k).fit(X).inertia_ for k in range(1, 10)]").main.has("inertia_"));
  /* a method called on a call's result is a call, not a fitted attribute */
  assert.ok(!core.codeQuery("KMeans(n_clusters=3).fit(X).predict(X)").main.has("predict_"));
});

test("errorMessage reads an error's message, alone or after the line that raised it", () => {
  const alone = core.errorMessage("AttributeError: 'Run' object has no attribute 'log_metric'");
  assert.equal(alone.first, true);
  assert.deepEqual(alone.quoted, ["Run", "log_metric"]);
  assert.deepEqual(core.errorMessage("TypeError: suggest() missing 1 required positional argument: 'seed'").quoted, ["suggest", "seed"]);
  const after = core.errorMessage("model.fit(X, y) ValueError: could not convert string to float: 'red'");
  assert.equal(after.first, false);
  assert.equal(after.message, "could not convert string to float: 'red'");
  assert.deepEqual(after.named, ["red"]);
  assert.deepEqual(core.errorMessage("mlflow.load_component() raised MlflowException: no module").named, []);
  assert.deepEqual(core.errorMessage("ValueError: load_component(path) failed").named, ["load_component"]);
  assert.equal(core.errorMessage("KFold(5) FutureWarning: Setting a random_state has no effect").warning, true);
  assert.equal(after.warning, false);
  assert.equal(core.errorMessage("ComputeTargetException: max nodes count is mandatory").subject, "Compute Target");
  assert.equal(after.subject, "");  // Python's own ValueError names no subject
  assert.equal(core.errorMessage("TypeError MLPClassifier").message, "");  // no colon: no message, a class named
  assert.equal(core.errorMessage("what does mean squared error measure"), null);
  /* Backquotes mark names where quotes also mark values: only the backquoted name is named. */
  const marked = core.errorMessage("FutureWarning: The default value of `n_init` will change from 10 to 'auto' in 1.4");
  assert.deepEqual([marked.marked, marked.coded, marked.quoted, marked.named], [true, ["n_init"], ["n_init"], ["n_init"]]);
  /* Without backquotes, snake_case names are code too (not a flag's); quoted values are not. */
  const set = core.errorMessage("ValueError: Cannot have number of splits n_splits=5 greater than n_samples=4 for 'auto' --max_steps");
  assert.deepEqual(set.coded, ["n_splits", "n_samples"]);
  assert.deepEqual(core.errorMessage("KeyError: 'label'").coded, []);
});

test("errorMessage reads a command-line tool's error, which names no error class", () => {
  const argparse = core.errorMessage("train.py: error: unrecognized arguments: --steps=20");
  assert.equal(argparse.message, "unrecognized arguments: --steps=20");
  assert.equal(argparse.first, true);  // the program's name is no line of code
  assert.equal(argparse.tool, false);  // nothing before it to ask about
  const az = core.errorMessage("az ad sp create-for-rbac Usage error: specify both --role and --scopes");
  assert.equal(az.line.trim(), "az ad sp create-for-rbac");
  assert.equal(az.tool, true);  // the command that failed
  assert.equal(az.first, false);
  assert.equal(core.errorMessage("I get this error: the model overfits").tool, false);  // no command before it
  assert.equal(core.errorMessage("what is the error of a model"), null);  // no colon after "error"
});

test("messageIn finds the page of a curated library message the query holds whole, the longest of several", () => {
  const names = core.indexNames({ pages: [["Imputation", [], 1], ["Outlier", [], 1]], messages: [
    ["Input contains NaN", 0], ["Input contains NaN, infinity or a value too large", 1]] });
  assert.equal(core.messageIn("ValueError: Input contains NaN, infinity or a value too large for dtype('float64').", names.messages), 1);
  assert.equal(core.messageIn("model.fit(X) ValueError: Input contains NaN", names.messages), 0);
  assert.equal(core.messageIn("input contains nans", names.messages), 0);  // folded as names are: plural, case
  assert.equal(core.messageIn("Input NaN contains", names.messages), null);  // its words in a row, not scattered
  assert.equal(core.messageIn("Input contains", names.messages), null);
});
