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

test("initials of word runs stand for the name (ml for machine learning)", () => {
  assert.ok(core.initials(["azure", "machine", "learning", "workspace"]).has("ml"));
  assert.ok(core.initials(["azure", "machine", "learning", "workspace"]).has("aml"));
  assert.deepEqual([...core.nameKeys(["one", "hot"])], ["one", "hot", "onehot"]);
});

test("codeQuery reads the identifiers of pasted code, the imported or called one first", () => {
  assert.equal(core.codeQuery("what is PCA"), null);
  assert.equal(core.codeQuery("k-means"), null);
  const imp = core.codeQuery("from sklearn.cluster import KMeans");
  assert.deepEqual([...imp.main], ["kmeans"]);
  assert.deepEqual(imp.idents, ["sklearn", "cluster", "kmeans"]);
  assert.deepEqual([...core.codeQuery("df.fillna(0)").main], ["fillna"]);
  const call = core.codeQuery("OneHotEncoder(handle_unknown='ignore')");
  assert.ok(call.main.has("onehotencoder") && !call.idents.includes("ignore"), JSON.stringify(call.idents));
  assert.deepEqual([...core.codeQuery("torch.nn.Conv2d").main], ["conv2d"]);
});

test("compareSides reads 'difference between X and Y' and 'X vs Y'", () => {
  assert.deepEqual(core.compareSides("what is the difference between bagging and boosting?"), ["bagging", "boosting"]);
  assert.deepEqual(core.compareSides("RDD vs DataFrame"), ["rdd", "dataframe"]);
  assert.deepEqual(core.compareSides("service principal versus managed identity"), ["service principal", "managed identity"]);
  assert.equal(core.compareSides("how to split data"), null);
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
