"""Search for what readers bring (issue 18): a concept the glossary lacks says so first and links its
official page, a question's topic ranks above its context, pasted code finds the term it names, and the
reader query set keeps its figures, each kind on its own. All in the real built site, in chromium."""

from __future__ import annotations

import json
import sys

import pytest
import yaml

from conftest import ROOT
from mlterms_tools.browser import RESULT_LINKS, engine_results, search, term_slug

sys.path.insert(0, str(ROOT / "scripts"))
import search_quality as sq  # noqa: E402

ALL = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
# The floors each kind of the reader set must keep (hit@1, hit@3), a little under what it scores now:
# a change to ranking or to the crosswalk that loses queries of one kind fails here, naming them.
# Session 9 added blind sets 9-14 (577 new queries, harder: goals, symptoms, real code), so the floors fell
# with the measure: the 631 queries before them score 598 hit@1 and 627 hit@3 (their questions 203/225).
# Session 10 added blind sets 15-19 (553 new queries); with them the set scores 1,548/1,761 hit@1 and
# 1,681 hit@3: other names 306/320 of 333, questions 501/575 of 610, mistakes 354/367 of 369, code 387/419 of 449.
# Session 11 added blind sets 20-23 (404 new queries; two kept untouched until they joined); with them the set
# scores 1,889/2,165 hit@1 and 2,060 hit@3: other names 394/418 of 434, questions 590/678 of 728, mistakes 455/476
# of 478, code 450/488 of 525. Search by meaning (a question re-ranked by a sentence encoder) then took it to
# 1,921 hit@1 and 2,078 hit@3: other names 394/425, questions 629/688, mistakes 451/476, code 447/489.
# Session 12 re-ranked by meaning counting at most three places by words (1,931 / 2,096), then added blind sets
# 24 and 25 (206 new queries): the set scores 2,110/2,371 hit@1 and 2,288 hit@3: other names 439/469 of 485,
# questions 687/761 of 786, mistakes 501/531 of 533, code 483/527 of 567.
# Session 13 read questions by meaning with their typos mended, and added blind sets 26 and 27 (167 new queries; set
# 27 kept untouched until it joined): the set scores 2,274/2,538 hit@1 and 2,449 hit@3: other names 455/488 of 504,
# questions 736/816 of 844, mistakes 556/574 of 578, code 527/571 of 612.
# Session 14 added crosswalk words and blind set 28 (80 new queries): 2,353/2,618 hit@1 and 2,529 hit@3: other names
# 467/501 of 516, questions 779/858 of 886, mistakes 566/585 of 589, code 541/585 of 627; two R names in the crosswalk
# (recursive partitioning, tot.withinss) then took other names to 469/502 and the set to 2,355/2,530.
# Session 15 added crosswalk names (AWS and Google Cloud counterparts, R, Wikipedia, Google's glossary), readers'
# questions, four reading rules, and blind sets 29 and 30 (122 new queries): 2,481/2,740 hit@1 and 2,665 hit@3 (the
# session's starting code and data: 2,455 / 2,645): other names 484/516 of 529, questions 832/916 of 938, mistakes
# 598/618 of 622, code 567/615 of 651.
# Session 16 added 432 crosswalk names and blind sets 31 and 32, written against a list of every earlier query
# (240 new, harder: other names 50% and 43% first at the session's start): 2,683/2,980 hit@1 and 2,885 hit@3: other
# names 531/567 of 589, questions 881/975 of 998, mistakes 656/678 of 682, code 615/665 of 711. The other-name floor
# follows those two sets down a point. Blind set 33 then joined (3,100 queries: 2,784 / 2,990; other names 555/589
# of 619, code 639/691 of 741): the other-name and code floors a point under that. With set 34 (3,220 queries):
# 2,884 / 3,101; other names 574/613 of 649, questions 929/1,030 of 1,058, mistakes 714/738 of 742, code 667/720 of 771.
# Session 21 opened held-out sets 40 and 41 (233 new queries; seven repeated set 39's): 3,808 queries, 3,429 hit@1 and
# 3,681 hit@3 in node; with its rules on pasted code, 3,435 / 3,683: other names 712/761 of 795, questions 1,061/1,178
# of 1,208, mistakes 860/884 of 889, code 802/860 of 916.
# Session 22 opened held-out sets 42 and 43 (240 queries, harder: 179 / 213 at its start): 4,048 queries, 3,614 / 3,896
# at its start; 3,638 / 3,911 at its end (node): other names 761/822 of 855, questions 1,109/1,230 of 1,268, mistakes
# 918/943 of 949, code 850/916 of 976. The floors stay: every kind is above them, questions by six first places.
FLOORS = {"other-name": (0.88, 0.94), "learner-question": (0.87, 0.96), "mistake": (0.95, 0.99),
          "pasted-code": (0.85, 0.92)}


def test_each_kind_of_the_reader_set_keeps_its_floor(browser, served_site):
    _, reader = sq.split_sets(ALL)
    page = browser.new_page()
    page.goto(served_site)
    rows = engine_results(page, [q["query"] for q in reader])
    page.close()
    results = [(q, sq.ranked_slugs(locs)) for q, (_, locs, _) in zip(reader, rows)]
    for kind, (n, hit1, hit3) in sq.by_kind(results).items():
        misses = [(q["query"], r[:3]) for q, r in results if q["kind"] == kind and not set(r[:1]) & sq.answers(q)]
        assert hit1 >= FLOORS[kind][0] * n and hit3 >= FLOORS[kind][1] * n, (kind, hit1, hit3, n, misses)


def test_a_concept_the_glossary_lacks_says_so_first_and_links_its_page(page, served_site, built_site):
    absent = json.loads((built_site / "search" / "names.json").read_text(encoding="utf-8"))["absent"]
    source = dict(absent)["confusion matrix"]
    page.goto(served_site)
    search(page, "what is a confusion matrix")
    first = page.locator(RESULT_LINKS).first
    assert first.inner_text().startswith("No term for ‘what is a confusion matrix’ in this glossary")
    assert first.get_attribute("href").split("?")[0] == source  # Material adds ?h=<query> for highlighting
    assert not page.console_errors


def test_code_whose_imported_name_no_page_explains_says_no_term_first(page, served_site):
    """The module alone (`sklearn`) is in many pages' code; what the line imports is in none."""
    page.goto(served_site)
    search(page, "from sklearn.manifold import TSNE")
    first = page.locator(RESULT_LINKS).first
    assert first.inner_text().startswith("No term for ‘from sklearn.manifold import TSNE’ in this glossary")
    assert first.get_attribute("href").startswith("https://scikit-learn.org/stable/search.html")
    assert page.locator(RESULT_LINKS).count() > 1  # the closest terms follow
    assert not page.console_errors


def test_a_word_no_page_holds_lists_its_closest_terms_by_meaning(page, served_site):
    """No page's words hold "overmemorizing": the results say "No term", and the closest terms that
    follow are read by meaning (the model fetched for it), with Overfitting first of them."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(served_site)
    urls = search(page, "overmemorizing", timeout=60000)
    assert page.locator(RESULT_LINKS).first.inner_text().startswith("No term for ‘overmemorizing’ in this glossary")
    assert term_slug(urls[1]) == "overfitting", urls[:4]
    assert [u for u in fetched if u.endswith("/search/meaning/model.bin")]
    assert not page.console_errors


def test_a_long_question_no_page_answers_shows_its_closest_term_then_says_no_term(page, served_site):
    """Five words or more that name no missing concept most likely ask, in other words, about the
    closest term: it comes first, and the "No term" line right after it."""
    page.goto(served_site)
    query = "retailer wants to group customers by similar purchasing behaviour without predefined categories, which technique"
    urls = search(page, query)
    assert term_slug(urls[0]) == "clustering"
    second = page.locator(RESULT_LINKS).nth(1)
    assert second.inner_text().startswith(f"No term for ‘{query}’ in this glossary")
    assert "The closest term is above, more follow." in second.inner_text()  # not "follow": one is above
    assert not page.console_errors


def test_a_term_named_before_a_missing_concept_comes_first_and_no_term_second(page, served_site):
    """The query names Normal distribution (misspelt) before a concept the glossary lacks (standard
    deviation), in as many words: it asks about the term, so the term comes first, "No term" right after.
    A shorter name first only qualifies the missing concept: "sklearn confusion matrix" says "No term" first."""
    page.goto(served_site)
    urls = search(page, "gausian distribution mean and standard deviation")
    assert term_slug(urls[0]) == "normal-distribution", urls[:3]
    assert page.locator(RESULT_LINKS).nth(1).inner_text().startswith("No term for ‘gausian distribution mean and standard")
    search(page, "sklearn confusion matrix")
    assert page.locator(RESULT_LINKS).first.inner_text().startswith("No term for ‘sklearn confusion matrix’")
    # a term's initials count as the words they stand for ("pca": three, more than "feature selection")
    urls = search(page, "is pca a feature selection method")
    assert term_slug(urls[0]) == "principal-component-analysis", urls[:3]
    assert page.locator(RESULT_LINKS).nth(1).inner_text().startswith("No term for ‘is pca a feature selection method’")
    assert not page.console_errors


@pytest.mark.parametrize("query, expect", [
    ("how to avoid overfitting in a neural network", "overfitting"),  # the topic, not the context
    ("how to tune hyperparameters", "hyperparameter-tuning"),  # a verb finds its noun
    ("regularizaton", "regularization"),  # a typo of the name as written
    ("scaler.fit_transform(X)", "fit-transform"),  # code that names a term
    ("RDD vs DataFrame", "resilient-distributed-dataset"),  # "X vs Y" with no compare group: X first
    ("from sklearn.model_selection import train_test_split", "train-test-split"),  # absent "t-test" is not "test"
    ("import torch", "pytorch"),  # a bare import line is code
    ("from hyperopt import fmin, tpe", "hyperopt"),  # several names from one module: the module
    ("when should I use a bagging ensemble", "bagging"),  # of two names held, the more specific one
    # words that many pages' names hold ("model", "data") don't outrank the page about the rest
    ("why does my model perform well on training data but poorly on test data", "overfitting"),
    ("how to turn categorical features into numbers", "encoding-categorical-variables"),  # not "No term"
    ("why is my model good on training data but bad on test data", "overfitting"),  # "good": "performs well"
    ("dbutils.fs.ls", "databricks-file-system"),  # a path's leading run meets an indexed path (dbutils.fs)
    ("beeswarm", "shap"),  # one word only code holds (shap.plots.beeswarm) is read as code
    ("MLClient", "azure-machine-learning-workspace"),  # a name that starts with an acronym is code
    ("az ml job create --file job.yml", "azure-machine-learning-jobs"),  # a command line without its flags
    ("from sklearn.preprocesing import StandardScalar", "data-scaling"),  # a typo in an identifier
    ("service princple", "service-principal"),  # a typo late in a word that no typo rule reaches
    ("how to use a cutoff other than 0.5 when predicting classes in sklearn", "classification-threshold"),  # rare words weigh more
    ("how to find outliers with the 1.5 IQR rule", "outlier"),  # a missing concept only in the context: no "No term" first
    ("why do we need to zero the gradients before loss.backward", "optimizer-zero-grad"),  # code quoted in a question
    ("why does train_test_split give me a different split every time", "train-test-split"),  # an identifier is one word
    ("databricks step azureml", "databricksstep"),  # a CamelCase name typed apart
    ("loss keeps oscillating and diverging, is the step size too big", "learning-rate"),  # a related name held whole
    ("WhiteNoise differential privacy", "smartnoise"),  # the name whose page also holds the other words
    ("Managed Service Identity (MSI)", "managed-identities"),  # a name followed by its own abbreviation
    ("from petastorm.spark import SparkDatasetConverter, make_spark_converter", "petastorm"),  # the module's root
    # a reader's question the crosswalk gives the term (kind question), asked in other words
    ("how do I run a databricks notebook automatically every night", "databricks-job"),
    # a name held inside three words in a row of a longer name asks about the longer one's page
    ("Machine Learning Studio (classic)", "azure-machine-learning-studio"),
    # a one-word related code name: no "No term" (the search algorithm fmin is given, tpe.suggest or
    # rand.suggest, is what picks each next trial: since session 18's crosswalk questions, its page first)
    ("how does fmin pick the next trial", "hyperopt-search-algorithm"),
    # calls no page knows: the crosswalk code name in the line says what it is about
    ("print(pca.explained_variance_ratio_.cumsum())", "principal-component-analysis"),
    ("ImportError: cannot import name 'SparkTrials' from 'hyperopt'", "hyperopt"),  # the names an error quotes
    # a one-word name followed by a clause that says which one: the clause is the answer
    ("clustering that starts with every point alone and merges the two closest clusters at each step", "agglomerative-method"),
    # of the pages whose code holds what a line calls, the one whose crosswalk code name it is
    ("for param in model.parameters(): param.requires_grad = False", "transfer-learning"),
    ("what is the azure name for an AWS VPC", "azure-vnet"),  # nothing named before "for …": no context
    ("%run ./helpers", "databricks-notebook"),  # a notebook magic asks about magic commands
    ("%pip install -U hyperopt==0.2.7", "hyperopt"),  # an install line asks about its package
    ("!pip install shap", "shap"),  # a notebook's shell escape
    ("torch.cuda.is_available() returns False", "pytorch"),  # an unknown call: the library it starts from
    ("one vs rest classifer ovr", "one-vs-rest"),  # a "vs" inside a name is no comparison
    ("New-AzNetworkInterface -Name $name -ResourceGroupName $rg", "network-interfaces"),  # a cmdlet's noun
    ("KFold(5, shuffle=False, random_state=123) FutureWarning: Setting a random_state has no effect",
     "k-fold-cross-validation"),  # a warning after its line: the line
    ("run_id=$(az ml job create -f $job --query name -o tsv)", "azure-machine-learning-jobs"),  # a command's output assigned
    ("nn.Conv2d(1, 32, 5, 1, 1)", "convolutional-neural-network"),  # the page whose code name is the path written
    ("df = pd.DataFrame(arr_2d)", "dataframe"),  # pd is pandas, as its docs import it
    ("import tensorflow as tf ModuleNotFoundError: No module named 'tensorflow'", "tensorflow"),  # the quoted name
    ("proportionate stratified random sampling", "stratified-sampling"),  # "random sampling" only qualifies it
    ("hyperdrive azure ml", "hyperparameter-tuning"),  # a platform's name at the end is where, not what
    ("azure equivalent of aws sagemaker", "azure-machine-learning"),  # another cloud's counterpart
    ("SageMaker Autopilot equivalent on azure", "azure-automated-machine-learning"),  # its counterpart's own name
    ("[KMeans(n_clusters=k).fit(X).inertia_ for k in range(1, 10)]", "kmeans-inertia"),  # a fitted attribute of a call's result
    ("matlibplot", "matplotlib"),  # a long word with its parts swapped
    ("maxminscaler", "minmaxscaler"),  # two runs of its letters swapped, its start too
    ("azure ml workspace create cli", "azure-machine-learning-workspace"),  # a name shortened by initials is a name
    # an Azure CLI verb with a qualifier ("create-for-rbac") still marks the group before it as what is asked
    ("az ad sp create-for-rbac --name deploy --role Contributor", "service-principal"),
    ("pyspark data frame", "spark-dataframes"),  # two words a name writes as one name its page as if joined
    # a command-line tool's error: its message without the flags it quotes; after its command, the command
    ("train.py: error: unrecognized arguments: --steps=20 --epochs=2", "argparse"),
    ("az ad sp create-for-rbac Usage error: To create role assignments, specify both --role and --scopes",
     "service-principal"),
    # an unknown name imported from a library a page is named for: that page, no "No term" first
    ("from petastorm.tf_utils import make_petastorm_dataset", "petastorm"),
    # an Azure CLI line whose groups name two resources: the one its verb acts on
    ("az network vnet subnet create --vnet-name MyVNet --name subnet1 --address-prefix 10.0.1.0/24", "subnets"),
    # search by meaning reads the question with its typos mended ("epcoh" is "epoch"), an error without its values
    ("run to epcoh 50", "epoch"),
    ("ValueError: could not convert string to float: 'Torgersen'", "encoding-categorical-variables"),
    # a message's backquoted name is code; its quoted 'auto' is a value
    ("FutureWarning: The default value of `n_init` will change from 10 to 'auto' in 1.4", "k-means-clustering"),
    # a message's snake_case names are code, when few pages' code holds them
    ("ValueError: Exactly one of n_clusters and distance_threshold has to be set", "agglomerative-method"),
    ("matlab fillmissing", "imputation-of-null-values"),  # a code name whose words a question holds joined
    ("is there a python version of themis step_smote", "smote"),  # an identifier in prose that the crosswalk names
    ("azureml workspce", "azure-machine-learning-workspace"),  # a word joined that a name writes as two
    ("GET /api/2.1/jobs/runs/get?run_id=42", "databricks-job"),  # a REST call asks what its CLI command asks
    ("lognorm.stats(s, moments='mvsk')", "lognormal-distribution"),  # a method's object that a crosswalk code name names
    # a library's message the crosswalk curates (kind message), quoted whole with its values: its term first
    ("RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x3136 and 784x10)", "flattening-layers"),
    ("ValueError: Classification metrics can't handle a mix of binary and continuous targets", "classification-threshold"),
    ("vertex ai prebuilt container", "azure-ml-environment"),  # another vendor's platform, in half the query, is where
    # a snake_case name quoted as a value or key that few pages' crosswalk code holds
    ("param = {'objective':'multiclass', 'num_class':5, 'metric':'multiclass', 'num_leaves':100}", "multiclass-classification"),
    # a whole name holding the rarest asked word counts, however long the question
    ("does smote leak into the validation set if applied before splitting", "smote"),
    # a "context" that holds most of the question is what it asks
    ("why does open() in python need /dbfs/ at the front of the path when spark.read wants dbfs:/", "databricks-file-system"),
])
def test_the_search_box_reads_what_readers_bring(search_page, query, expect):
    slugs = [term_slug(u) for u in search(search_page, query)]
    assert slugs[:1] == [expect], slugs
