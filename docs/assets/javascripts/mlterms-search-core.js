/* ML Terms search: the pure helpers of the worker (mlterms-search.js loads this with importScripts).
 *
 * No state, no fetch, no DOM: each function takes what it needs, so node unit-tests them
 * (tests/js/search-core.test.js, run by `node --test` from tests/test_search_core_js.py) and any page
 * may reuse them. Word normalisation must stay identical to search_engine.words() (a test checks). */
(function () {
"use strict";

const SPELLINGS = [
  [/^(\w{3,})is(e|ed|es|ing|ation|ations|er|ers)$/, "$1iz$2"],
  [/^(\w{2,})ys(e|ed|es|ing)$/, "$1yz$2"],
  [/^(\w{3,})our(s?)$/, "$1or$2"],
  [/^(\w{3,})tre(s?)$/, "$1ter$2"],
  [/^(\w{3,})ll(ed|ing|er|ers)$/, "$1l$2"],
  [/^(\w{3,})ogue(s?)$/, "$1og$2"],
  [/^(\w{3,})izations?$/, "$1ize"],
];
const SPLIT = /[^\p{L}\p{N}]+/u;
const NUMBER = /^\d+$/;  // a word that is a number is matched as typed or begun, never as a typo
const CODE_KEYWORDS = new Set(["from", "import", "as", "def", "return", "lambda", "none", "true", "false", "self",
  "print", "in", "for", "if", "else", "and", "or", "not", "with"]);

function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}
function canon(word) {
  for (const [pattern, repl] of SPELLINGS) word = word.replace(pattern, repl);
  if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
function words(text) {
  return fold(text).split(SPLIT).filter(Boolean).map(canon);
}
function plain(html) {
  return (html || "").replace(/<[^>]+>/g, " ").replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e) => {
    if (e[0] === "#") return String.fromCodePoint(parseInt(e[1] === "x" ? e.slice(2) : e.slice(1), e[1] === "x" ? 16 : 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] || m;
  });
}
function escapeHTML(text) {
  return text.replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}
function shardName(prefix) {
  return /^[a-z0-9]+$/.test(prefix) ? prefix : "u" + [...prefix].map(c => c.codePointAt(0).toString(16)).join("-");
}

/* Optimal string alignment distance, abandoned as soon as it must exceed max. */
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null, prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev; prev = row;
  }
  return prev[b.length];
}

/* The stem a verb and its nouns share: "tune"/"tuning", "split"/"splitting", "deploy"/"deployment",
 * "imbalanced"/"imbalance". Only for matching a query word to a name's word of the same stem. */
function stem(word) {
  if (word.length < 4 || !/^\p{L}+$/u.test(word)) return word;
  /* "explanation" is "explain", "tried" is "try". */
  const base = word.replace(/anation$/, "ain").replace(/(?<=..)ied$/, "y").replace(/(?:ing|ed|ment|ation|e)$/, "");
  if (base.length < 3) return word;
  return /([^aeiouls])\1$/.test(base) ? base.slice(0, -1) : base;
}

/* The set of a word's characters as 32 bits (two characters may share a bit). One edit changes that
 * set by two bits at most, so two words whose sets differ in more than 2 * max bits are more than max
 * edits apart: the typo lookup skips them without aligning them (at 20,000 terms most of a length
 * bucket). */
function letterBits(word) {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= 1 << (word.charCodeAt(i) & 31);
  return bits;
}
function bitCount(n) {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/* A vocabulary: word -> postings, with its words sorted (prefix lookup) and bucketed by length with
 * their letterBits (typo lookup; not the numbers, which have no typos: "16283" is not "16284"). */
function lexicon(map, withStems = false) {
  const sorted = [...map.keys()].sort(), byLength = new Map(), bits = new Map(), stems = withStems ? new Map() : null;
  for (const w of sorted) {
    const list = byLength.get(w.length);
    if (!NUMBER.test(w)) list ? list.push(w) : byLength.set(w.length, [w]);
    if (stems) { const s = stem(w), same = stems.get(s); same ? same.push(w) : stems.set(s, [w]); }
  }
  for (const [length, list] of byLength) bits.set(length, Int32Array.from(list, letterBits));
  return { map, sorted, byLength, bits, stems };
}
function withPrefix(sorted, prefix, limit) {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < prefix) lo = mid + 1; else hi = mid; }
  const out = [];
  for (let i = lo; i < sorted.length && out.length < limit && sorted[i].startsWith(prefix); i++) out.push(sorted[i]);
  return out;
}

/* The words of a vocabulary a query word stands for: itself, words it begins, words one or two typos away. */
function expand(token, lex, last, anyMatch = false) {
  const found = new Map();
  const put = (w, weight) => { if ((found.get(w) || 0) < weight) found.set(w, weight); };
  if (lex.map.has(token)) put(token, 1);
  if (lex.stems) for (const w of lex.stems.get(stem(token)) || []) if (w !== token) put(w, 0.8);
  if (token.length >= (last ? 2 : 4))
    for (const w of withPrefix(lex.sorted, token, 61)) if (w !== token) put(w, last ? 0.7 : 0.5);
  /* Typos: one in a word of five letters or more, two from nine; a four-letter word only when nothing else matched. */
  if (!NUMBER.test(token) && (token.length >= 5 || (token.length === 4 && !found.size && !anyMatch))) {
    const max = token.length >= 9 ? 2 : 1, mine = letterBits(token);
    for (let length = token.length - max; length <= token.length + max; length++) {
      const list = lex.byLength.get(length) || [], bits = lex.bits.get(length);
      for (let k = 0; k < list.length; k++) {
        const w = list[k];
        if (w === token || bitCount(mine ^ bits[k]) > 2 * max) continue;
        const d = distance(token, w, max);
        if (d <= max) put(w, d === 1 ? 0.6 : 0.4);
      }
    }
  }
  return found;
}

/* For a word nothing matched, not even with a typo: a typo late in a long word ("princple"). The words
 * that its longest beginning of five letters or more (and three fifths of it) begins, at a low weight;
 * failing that, a long word with its parts swapped: the words of its length that hold the same letters
 * and begin with the same two ("matlibplot") or are it with two adjacent runs of three letters or more
 * swapped ("maxminscaler" is "minmaxscaler"). */
function latePrefix(token, lex) {
  const found = new Map();
  if (token.length >= 6)
    for (let n = token.length - 1; n >= Math.max(5, Math.ceil(token.length * 0.6)) && !found.size; n--)
      for (const w of withPrefix(lex.sorted, token.slice(0, n), 61)) found.set(w, 0.3);
  if (token.length >= 7 && !found.size) {
    /* Sorting a word's letters is the dear part: the bucket's letterBits (same letters, same bits) first
     * rule out nearly every word. */
    const letters = w => [...w].sort().join(""), own = letters(token), mine = letterBits(token);
    const list = lex.byLength.get(token.length) || [], bits = lex.bits.get(token.length);
    for (let k = 0; k < list.length; k++) {
      const w = list[k];
      if (bits[k] === mine && letters(w) === own && (w.slice(0, 2) === token.slice(0, 2) || swapsRuns(token, w)))
        found.set(w, 0.3);
    }
  }
  return found;
}

/* Whether ``w`` is ``token`` with two adjacent runs of three letters or more swapped. */
function swapsRuns(token, w) {
  const n = token.length;
  for (let i = 0; i + 6 <= n; i++)
    for (let j = i + 3; j + 3 <= n; j++)
      for (let k = j + 3; k <= n; k++)
        if (token.slice(0, i) + token.slice(j, k) + token.slice(i, j) + token.slice(k) === w) return true;
  return false;
}

/* The words a name is found by: its words, each pair joined ("one-hot" -> "onehot"), and the initials
 * of each run of two to four words ("Azure Machine Learning workspace" -> "ml", "aml"), which readers type. */
function nameKeys(nameWords) {
  const keys = new Set(nameWords);
  for (let i = 1; i < nameWords.length; i++) keys.add(nameWords[i - 1] + nameWords[i]);
  return keys;
}
function initials(nameWords) {
  return new Set(initialRuns(nameWords).map(([i, n]) => nameWords.slice(i, i + n).map(w => w[0]).join("")));
}
/* Each run of two to four words that all begin with a letter: [start, length]. */
function initialRuns(nameWords) {
  const out = [];
  for (let i = 0; i < nameWords.length; i++)
    for (let n = 2; n <= 4 && i + n <= nameWords.length; n++)
      if (nameWords.slice(i, i + n).every(w => /^\p{L}/u.test(w))) out.push([i, n]);
  return out;
}
/* A name with one run of its words written as their initials, the rest as they are ("Azure Machine
 * Learning workspace" -> "azure ml workspace", "aml workspace"): a name as readers shorten it. */
function shortened(nameWords) {
  return new Set(initialRuns(nameWords).filter(([, n]) => n < nameWords.length)
    .map(([i, n]) => [...nameWords.slice(0, i), nameWords.slice(i, i + n).map(w => w[0]).join(""), ...nameWords.slice(i + n)].join(" ")));
}

/* Error classes that say nothing of what failed: Python's built-in ones, and Azure ML's UserErrorException. */
const GENERIC_ERRORS = new Set(["Exception", "Warning", "Error", "ValueError", "TypeError", "RuntimeError", "KeyError",
  "IndexError", "AttributeError", "ImportError", "ModuleNotFoundError", "NameError", "OSError", "IOError",
  "FileNotFoundError", "PermissionError", "NotImplementedError", "AssertionError", "ZeroDivisionError", "MemoryError",
  "OverflowError", "SyntaxError", "IndentationError", "TimeoutError", "ConnectionError", "RecursionError",
  "LookupError", "UnicodeDecodeError", "UnicodeEncodeError", "UserWarning", "DeprecationWarning", "FutureWarning",
  "RuntimeWarning", "UserErrorException", "SystemError"]);
/* An error message, pasted alone or after the line that raised it ("model.fit(X, y) ValueError: could
 * not convert string to float: 'red'"): its text after the error class, whether the class begins the
 * query, the line before it, whether it is only a warning, the names it quotes ('log_metric') or names
 * with empty brackets ("suggest() missing 4 required positional arguments"), and the last parts of the
 * names it quotes or calls (load_component()). Null when the query holds no error class, nor a tool's
 * "error:" (toolError). Code reading (codeQuery) and prose reading (the ranking's read) both take the
 * message from here. */
function errorMessage(query) {
  const m = query.match(/(?:^|\s)([\w.]*?)(\w*)(Error|Exception|Warning)\b(\s*:)?\s*(.*)$/s);
  if (!m) return toolError(query);
  const rest = m[5];  // a message only after a colon: "TypeError MLPClassifier" names a class
  /* A library's own error class names what failed ("ComputeTargetException": compute target); the
   * generic ones ("ValueError", "ModuleNotFoundError") say nothing of the subject. */
  const subject = GENERIC_ERRORS.has(m[2] + m[3]) ? "" : m[2].replace(/([a-z])([A-Z])/g, "$1 $2");
  return {
    subject,
    message: m[4] ? rest : "", line: query.slice(0, m.index), warning: m[3] === "Warning",
    first: /^\s*[A-Z]\w*(?:Error|Exception|Warning)\b/.test(query),
    ...namesIn(rest),
  };
}

/* The names an error message quotes ('log_metric') or writes with empty brackets (load_component()),
 * and the last parts of the names it quotes or calls; `coded`, the names it writes as code: backquoted,
 * or snake_case (n_clusters, n_splits=5), which any page's code may hold. */
function namesIn(rest) {
  /* Backquotes mark names, where quotes also mark values: scikit-learn's and pandas' messages write
   * "The default value of `n_init` will change from 10 to 'auto'". A message that backquotes a name
   * names only what it backquotes. */
  const marked = /`[A-Za-z_][\w.]*`/.test(rest), quote = marked ? "`" : "[\"']";
  const written = marked ? [...rest.matchAll(/`([A-Za-z_][\w.]*)`/g)].map(n => n[1])
    : [...rest.matchAll(/(?<![-\w.'"])([A-Za-z][A-Za-z0-9]*_\w*[A-Za-z0-9])(?![\w.('"])/g)].map(n => n[1]);
  const quoted = [...rest.matchAll(new RegExp(`(${quote})([A-Za-z_][\\w.]*)\\1|([A-Za-z_][\\w.]*)\\(\\)`, "g"))].map(n => n[2] || n[3]);
  const named = [...rest.matchAll(new RegExp(`(${quote})([A-Za-z_][\\w.]*)\\1|([A-Za-z_][\\w.]*)\\(`, "g"))].map(n => fold(n[2] || n[3]).split(".").pop());
  const coded = written.map(n => fold(n).split(".").pop());
  return { marked, coded, quoted: [...new Set([...quoted, ...written])], named: [...new Set([...named, ...coded])] };
}

/* A command-line tool's error, which names no error class: "train.py: error: unrecognized arguments:
 * --steps=20" (argparse), "… Usage error: To create role assignments, specify both --role and
 * --scopes" (the Azure CLI). The program's name before it is no line of code; a command of a known
 * tool before it is what failed (`tool`). */
const CLI = /^\s*(?:\$\s*|!)?(?:az|databricks|mlflow|pip3?|conda|python3?|kubectl|docker|git)\s+\S/;  // a command a reader runs
function toolError(query) {
  const m = query.match(/(^|\s)(?:[\w./-]+\.\w+:\s*|usage\s+)?error:\s*(.+)$/is);
  if (!m) return null;
  const line = query.slice(0, m.index + m[1].length);
  return { subject: "", message: m[2], line, warning: false, first: !line.trim(), tool: CLI.test(line), ...namesIn(m[2]) };
}

/* How many brackets are open at position i of a line of code. */
function depthAt(text, i) {
  let depth = 0;
  for (const ch of text.slice(0, i)) depth += ch === "(" || ch === "[" || ch === "{" ? 1 : ch === ")" || ch === "]" || ch === "}" ? -1 : 0;
  return Math.max(0, depth);
}

/* The names the libraries' own docs import themselves as ("import pandas as pd", pandas' "10 minutes
 * to pandas"; "import matplotlib.pyplot as plt", matplotlib's quick start; "import horovod.torch as hvd",
 * Horovod's PyTorch guide): `pd.DataFrame` is pandas.DataFrame, `hvd.init()` is Horovod's. */
const IMPORTED_AS = { pd: "pandas", np: "numpy", plt: "matplotlib.pyplot", sns: "seaborn", tf: "tensorflow", hvd: "horovod" };

/* A query that is code: an import line, a dotted path, a call, an assignment, a snake_case or a
 * camelCase name.
 * Returns the identifiers it names (folded, each dotted path also split), the main ones first
 * (what is imported, called or named last), or null for prose. Literals and short variables are dropped. */
const QUESTION_WORDS = new Set(["how", "why", "what", "when", "which", "where", "should", "can", "does", "do", "is", "are"]);
function codeQuery(query) {
  const imports = /^\s*(from|import)\s+[\w.]+/.test(query);
  /* One camelCase name (KernelExplainer) or one that starts with an acronym (MLClient, not MLflow). */
  const camel = /^\s*(?:[A-Za-z]*[a-z][A-Z]|[A-Z]{2,}[a-z]*[A-Z][a-z])\w*\s*$/.test(query);
  /* Code has a dotted name, an underscore in a name, a call, an assignment or an index; numbers are
   * no sign of it ("above 0.65", "from .001 to .0001"), nor a spaced aside ("Studio (classic)"). */
  const signs = query.replace(/(?<![\w.])\.?\d[\w.\/%-]*/g, " ");
  /* An error message asks about the names it quotes: "AttributeError: 'Run' object has no attribute 'log_metric'". */
  const error = errorMessage(query), quoted = error && error.first ? error.quoted : [];
  if (!imports && !camel && !quoted.length && !/[A-Za-z_]\w*\.[A-Za-z_]|[A-Za-z0-9]_|_[A-Za-z0-9]|[A-Za-z_]\w*\(|=|\[/.test(signs)) return null;
  /* A question that quotes code in a sentence ("why zero the gradients before loss.backward": three
   * or more plain words of four letters or more) is prose: its words say what it asks, and the code's
   * parts are words of it. "should I use pyspark.ml or pyspark.mllib" asks about the code. */
  const spaced = query.trim().split(/\s+/);
  const plainWords = spaced.filter(w => /^[A-Za-z]{4,}[?,.]?$/.test(w) && !QUESTION_WORDS.has(w.toLowerCase()));
  if (QUESTION_WORDS.has(spaced[0].toLowerCase()) && spaced.length >= 4 && plainWords.length >= 3) return null;
  /* So is a phrase of plain words with one or two code words in it: "principle component analysis
   * n_components explained variance". */
  const codeWords = spaced.filter(w => /[._(=\[]/.test(w.replace(/[.,;:?!]+$/, ""))).length;
  if (!imports && !quoted.length && plainWords.length >= 3 && plainWords.length >= 2 * codeWords && codeWords <= 2) return null;
  /* Quoted values are dropped, but not a quoted setting's dotted key ("spark.databricks.mlflow.trackMLlib.enabled")
   * nor an environment variable's name (`os.getenv('AZUREML_MODEL_DIR')`): the line asks about what it names. */
  const settings = [], literals = [];
  const text = quoted.length ? quoted.join(" ")
    : query.replace(/(["'])((?:\\.|(?!\1).)*)\1/g, (_, q, inner) => {
      if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(inner)) {
        if (/^[A-Za-z_]\w*$/.test(inner)) literals.push(fold(inner));
        return " ";
      }
      settings.push(fold(inner));
      return ` ${inner} `;
    }).replace(/\b\d[\w.]*\b/g, " ");
  const main = new Set(), all = new Set(), called = new Set(), paths = new Set(), calls = [], chained = new Set();
  for (const m of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(\s*\()?/g)) {
    const written = m[0].replace(/\s*\($/, "").split("."), path = written.map(fold);
    /* The path and its leading runs too ("dbutils.fs.ls", "dbutils.fs"), to meet an indexed path whose
     * short parts ("fs") are dropped below. */
    for (let n = path.length; n >= 2; n--) all.add(path.slice(0, n).join("."));
    /* And after its first part, which may be a variable the API hangs off ("w.dbutils.fs.cp", where
     * w is a WorkspaceClient): "dbutils.fs.cp", "dbutils.fs". */
    for (let n = path.length; n >= 3; n--) all.add(path.slice(1, n).join("."));
    const parts = path.filter(p => p.length > 2 && !CODE_KEYWORDS.has(p));
    if (!parts.length) continue;
    parts.forEach(p => all.add(p));
    main.add(parts[parts.length - 1]);
    if (path.length > 1) paths.add((IMPORTED_AS[path[0]] ? [IMPORTED_AS[path[0]], ...path.slice(1)] : path).join("."));
    /* An attribute set (`param.requires_grad = False`) is asked about as a call is; not one set to what a
     * call returns (`self.conv1 = nn.Conv2d(3, 6, 5)`: the attribute is the reader's name, the call is asked). */
    if (!m[1] && path.length > 1 && /^\s*=(?!=)(?!\s*[A-Za-z_][\w.]*\s*\()/.test(text.slice(m.index + m[0].length)))
      called.add(parts[parts.length - 1]);
    /* So is a fitted attribute, scikit-learn's trailing underscore (`print(model.inertia_)`), also read
     * off a call's result (`KMeans(n_clusters=k).fit(X).inertia_`). */
    const attribute = path.length > 1 || text[m.index - 1] === ".";
    if (!m[1] && attribute && /[^_]_$/.test(written[written.length - 1])) called.add(parts[parts.length - 1]);
    /* A call of the reader's own layer or method (`self.conv1(x)`) names nothing a page explains: the
     * calls around it do (`F.max_pool2d(F.relu(self.conv1(x)), (2, 2))`). */
    if (m[1] && written.length === 2 && written[0] === "self") continue;
    /* A method called on what a class's constructor returns (`sm.OLS(y, X).fit()`) is the class's: the
     * class is what the line is about, not `fit`, which every estimator has (`chained`: the ranking
     * keeps one that few pages' code calls, `torch.Generator().manual_seed(42)`). */
    if (m[1] && written.length === 1 && /\)\s*\.\s*$/.test(text.slice(0, m.index))) {
      const at = depthAt(text, m.index), owner = [...calls].reverse().find(c => c.depth === at);
      if (owner && owner.made) { chained.add(parts[parts.length - 1]); continue; }
    }
    if (m[1]) {  // a call: the function, and the class of a class method (Environment.from_conda_specification)
      called.add(parts[parts.length - 1]);
      const last = written[written.length - 1];
      calls.push({ name: parts[parts.length - 1], depth: depthAt(text, m.index), made: /^[A-Z]/.test(last),
        library: /^[A-Z]|_|[a-z][A-Z]/.test(last) });  // a class or a compound name, not a variable (`job(...)`)
      const owner = written[written.length - 2];
      if (owner && /^[A-Z]/.test(owner) && owner.length > 2) called.add(fold(owner));
    }
  }
  /* A line that calls something asks about what it calls, not the names it assigns or the keywords it
   * passes (`lr = Uniform(min_value=0.01)`: Uniform). */
  if (called.size) { main.clear(); called.forEach(p => main.add(p)); }
  settings.forEach(key => main.add(key));
  /* One call whose arguments only make objects of classes (`BaggingClassifier(estimator=DecisionTreeClassifier())`,
   * `make_pipeline(StandardScaler(), LogisticRegression())`): scikit-learn's meta-estimators take the
   * estimators they combine; the line asks about the one that combines them. */
  const outer = calls.filter(c => c.depth === 0), inner = calls.filter(c => c.depth > 0);
  if (outer.length === 1 && outer[0].library && inner.length && inner.every(c => c.made)) { main.clear(); main.add(outer[0].name); }
  const from = query.match(/^\s*from\s+([\w.]+)\s+import\b(.*)$/s);
  if (from) {  // `from a.b import C`: C is what the reader asks about; `from a import B, C`: a, B and C
    const imported = from[2].split(/\s+as\s+\w+|[\s,()]+/).map(fold).filter(w => w.length > 1);
    main.clear();
    imported.forEach(w => { main.add(w); paths.add(`${fold(from[1])}.${w}`); });
    /* Several names from one module ask about the module: each of its parts (petastorm and spark). */
    if (imported.length > 1) fold(from[1]).split(".").filter(p => p.length > 2).forEach(p => main.add(p));
  }
  /* The dotted paths written for what it asks about (`sklearn.cluster.KMeans`, also as `from
   * sklearn.cluster import KMeans`): a page whose crosswalk code name is that path, or ends with it
   * (`nn.Conv2d`: torch.nn.Conv2d), is the one meant, not another library's KMeans. */
  /* The library an import line imports from (`petastorm` of `from petastorm.tf_utils import …`). */
  const module = imports ? fold(query.match(/^\s*(?:from|import)\s+([\w.]+)/)[1].split(".")[0]) : null;
  /* The names it quotes as values or keys (`model_type='logistic_reg'`, `{'num_class': 5}`): the
   * ranking asks about those that few pages' crosswalk code names (rank.js `read`). */
  return all.size ? { idents: [...all], main, imports, paths, module, chained, literals: [...new Set(literals)] } : null;
}

/* A name followed by its own abbreviation, "Managed Service Identity (MSI)": the name alone (the
 * abbreviation's letters are its words' initials, and would only match other pages' words). */
function spelledOut(query) {
  const m = query.match(/^(.*\S)\s*\(\s*([\p{L}\p{N}]{2,6})\s*\)\s*$/u);
  if (!m) return query;
  const before = fold(m[1]).split(/[^\p{L}\p{N}]+/u).filter(Boolean), letters = fold(m[2]);
  return before.length >= letters.length && before.slice(-letters.length).map(w => w[0]).join("") === letters ? m[1] : query;
}

/* A command line ("az ml job create --file job.yml", "pip install -U scikit-learn"): its words without
 * the flags, the long flags' values, key=value settings and shell variables (file names, settings and
 * values, not what is asked), read as prose; a switch that takes no value keeps its words. Null for
 * anything that is not a command of two or more words with a flag, or of a known tool (CLI). */
function commandWords(query) {
  /* A known tool's command needs no flag to be one ("databricks workspace import_dir ./notebooks …"). */
  const command = /^\s*[a-z][\w-]*\s+[a-z][\w-]*/i.test(query) && (/\s--?[a-z]/i.test(query) || CLI.test(query));
  if (!command || /[()]|\bimport\b/.test(query)) return null;
  /* A switch that takes no value says what the command does ("az login --service-principal -u …"): its words stay. */
  return query.replace(/\s--([a-z][\w-]*)(?=\s+-|\s*$)/gi, (_, flag) => ` ${flag.replace(/[-_]/g, " ")} `)
    .replace(/\s--[a-z][\w-]*(?:[ =](?!-)\S+)?/gi, " ").replace(/\s-[a-z]\b/gi, " ")
    .replace(/\s\$\{?\w+\}?(?=\s|$)/g, " ")  // a shell variable: a value ("-n $run_id")
    .replace(/\s[\w.-]+=\S*/g, " ")  // a setting a flag passes: "-P alpha=0.5"
    .replace(/\s\S*\/\S*/g, " ")  // a URL or a path: what the command runs on, not what it is
    .replace(/\s[\w.-]+\.(?:ya?ml|json|py|ipynb|csv|txt|sh|cfg|toml|parquet|zip)(?=\s|$)/gi, " ")  // a file name
    .replace(/\s[^\w\s]+(?=\s|$)/g, " ").replace(/\s+/g, " ").trim();
}

/* "difference between X and Y", "X vs Y", "X versus Y", "compare X and Y": the two sides, or null. */
function compareSides(query) {
  const q = fold(query).replace(/[?!.]+$/, "").trim();
  let m = q.match(/differences? between (.+?) and (.+)$/) || q.match(/^compare (.+?) (?:and|with|to) (.+)$/);
  if (!m) m = q.match(/^(?:.*?\bis\s+)?(.+?)\s+(?:vs\.?|versus)\s+(.+)$/);
  /* "should I use X or Y (on the test set)": a choice between two things is a comparison too. */
  if (!m) m = q.match(/^(?:should|do|can|which)\b.*?\b(?:use|call|choose|pick)\s+(.+?)\s+or\s+(?:just\s+)?(.+?)(?:\s+(?:on|in|for|with|when)\s+.*)?$/);
  /* A clause after a comma asks what about them ("bagging vs boosting, which one reduces variance"). */
  return m ? [m[1].replace(/^(?:what(?:'s| is)|the)\s+/g, ""), m[2].replace(/\s*[,;].*$/, "")] : null;
}

/* The grey completion of the last word as typed: a real word of the names (never two glued together),
 * nothing when the word typed is already whole. Material shows it when it starts with what was typed. */
function suggestion(query, surface) {
  const parts = query.split(/([\s-]+)/);
  const typed = parts[parts.length - 1];
  const last = fold(typed);
  if (last.length < 2 || (surface.set && surface.set.has(last))) return null;
  const word = withPrefix(surface.sorted, last, 1)[0];
  return word && word !== last ? typed + word.slice(last.length) : null;
}

/* Whether a query word is a name's word: the same, or (from five letters) one typo away. */
function sameWord(typed, word) {
  return typed === word || (typed.length >= 5 && distance(typed, word, 1) <= 1);
}

/* The absent concept ([words, name, source]) whose words the query's words hold as one run, each
 * word a sameWord; null when none. The longest such name wins. */
function absentIn(tokens, absent) {
  let best = null;
  for (const row of absent) {
    const key = row[0];
    if (!key.length || key.length > tokens.length || (best && best[0].length >= key.length)) continue;
    for (let i = 0; i + key.length <= tokens.length; i++)
      if (key.every((w, j) => sameWord(tokens[i + j], w))) { best = row; break; }
  }
  return best;
}

/* Where a question's context begins ("how to avoid overfitting | in a neural network"): the index of
 * its last "in/with/using/on/for/inside/during" that has a content word (not in `stop`) after it and
 * something before it; the length of `all` when there is none. Not "into": "split a dataframe into
 * train and test" names the action's result, part of what is asked. Not a part of a hyphenated word
 * (`text`, the query as typed: "connect on-premises networks"). */
const CONTEXT = new Set(["in", "with", "using", "on", "for", "inside", "during"]);
function contextStart(all, stop, text = "", place = () => true) {
  const inside = compounded(text, all.length);
  for (let i = all.length - 2; i > 0; i--)
    if (CONTEXT.has(all[i]) && !inside.has(i) && all.slice(i + 1).some(w => !stop.has(w)) && place(all.slice(i + 1))) return i;
  return all.length;
}

/* The indexes (among the `count` words of `text`) of the words that are parts of a hyphenated word. */
function compounded(text, count) {
  const inside = new Set();
  let n = 0;
  for (const chunk of text.split(/\s+/)) {
    const parts = words(chunk).length;
    if (/[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(chunk)) for (let k = 0; k < parts; k++) inside.add(n + k);
    n += parts;
  }
  return n === count ? inside : new Set();
}

/* Field weights of the names index: a page's title, its other names, the initials of its names, its
 * related words, the readers' questions it answers (crosswalk kind question, a field of its own);
 * CURATED: how much more a crosswalk code name
 * weighs than an identifier a page uses. */
const FIELDS = { TITLE: 10, ALIAS: 8, INITIALS: 6, RELATED: 4, QUESTION: 2, CURATED: 3 };

/* The names index from names.json: word -> postings (page * 16 + field weight), full name -> postings,
 * two content words in a row (not in `stop`) -> postings,
 * code identifier -> postings (page * 4 + weight), the real words of the names (completion), the
 * compare groups and the concepts the glossary lacks.
 * Flat number arrays, not [page, field] pairs: a fifth of the memory at 20,000 terms. */
function indexNames(data, stop = new Set()) {
  const { TITLE, ALIAS, INITIALS, RELATED, QUESTION, CURATED } = FIELDS;
  const byWord = new Map(), byName = new Map(), byCode = new Map(), byPair = new Map(), surface = new Set();
  const add = (map, key, value) => { const list = map.get(key); list ? list.push(value) : map.set(key, [value]); };
  const other = new Set(data.other || []);  // the pages that are not a term's (walkthroughs, indexes)
  const pages = data.pages.map(([title, others, boost, related = [], code = [], codeNames = [], asked = []], page) => {
    [plain(title), ...others, ...related, ...asked].forEach((name, n) => {
      const field = n === 0 ? TITLE : n <= others.length ? ALIAS : n <= others.length + related.length ? RELATED : QUESTION;
      const base_ = words(name);
      if (!base_.length) return;
      if (n <= others.length) for (const w of fold(name).split(/[^\p{L}\p{N}]+/u)) if (w.length > 2) surface.add(w);
      add(byName, base_.join(" "), page * 16 + field);
      add(byName, base_.join(""), page * 16 + field - 1);
      /* A name written in CamelCase, as its words: "databricks step" is DatabricksStep (with the plural's
       * "s" folded, "databricks" is "databrick": joined, the words typed apart would not find it). */
      const split = words(name.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2"));
      if (split.length > base_.length) add(byName, split.join(" "), page * 16 + field - 1);
      for (const w of nameKeys(base_)) add(byWord, w, page * 16 + field);
      const content = base_.filter(w => !stop.has(w));
      for (let k = 1; k < content.length; k++) add(byPair, content[k - 1] + " " + content[k], page * 16 + field);
      /* The word as written too ("regularization", kept whole: a typo of it is far from "regularize";
       * "bias", folded to "bia" as if a plural: "bais" is one swap from it, two from "bia"). */
      for (const w of fold(name).split(/[^\p{L}\p{N}]+/u)) if (w.length > 3 && !base_.includes(w)) add(byWord, w, page * 16 + field);
      if (field > RELATED) for (const w of initials(base_)) if (!base_.includes(w)) add(byWord, w, page * 16 + INITIALS);
      if (field > RELATED) for (const key of shortened(base_)) add(byName, key, page * 16 + INITIALS);
    });
    /* The identifiers that name the term in code (crosswalk kind code) weigh CURATED times those its
     * api source, examples and links merely use. */
    const weightOf = new Map();
    for (const [list, weight] of [[code, 1], [codeNames, CURATED]])
      for (const ident of list) {
        /* A crosswalk name's path and its last part name the term (CURATED); its modules only lead to it
         * (CURATED - 1: "torch" in torch.Tensor.requires_grad). */
        const path = fold(ident), parts = path.split("."), last = parts.length - 1;
        for (const [n, part] of [path, ...parts].entries())
          weightOf.set(part, Math.max(weightOf.get(part) || 0, weight === CURATED && n > 0 && n - 1 < last ? CURATED - 1 : weight));
      }
    for (const [part, weight] of weightOf) add(byCode, part, page * 4 + weight);
    return [title, boost, other.has(page) ? 0 : 1];
  });
  return { pages, byName, byCode, byPair, codeWords: null, codeTails: null, words: lexicon(byWord, true), compare: data.compare || [],
    absent: (data.absent || []).map(([name, source]) => [words(name), name, source]),
    messages: (data.messages || []).map(([message, page]) => [` ${words(message).join(" ")} `, page]),
    surface: { set: surface, sorted: [...surface].sort() } };
}

/* The page whose curated library message (crosswalk kind message, as indexNames keeps them) the query
 * holds whole, its words in a row: "RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x3136 and
 * 784x10)" holds "mat1 and mat2 shapes cannot be multiplied". Of several, the longest message's. Null when
 * it holds none. */
function messageIn(query, messages) {
  const held = ` ${words(query).join(" ")} `;
  let best = null;
  for (const [message, page] of messages)
    if (held.includes(message) && (!best || message.length > best[0].length)) best = [message, page];
  return best ? best[1] : null;
}

/* Result text with the words that `matches` (a canonical word) wrapped in <mark>, tags left alone. */
const WORD = /&[#\w]+;|[\p{L}\p{N}]+/gu;
function mark(html, matches) {
  return (html || "").split(/(<[^>]+>)/).map(part => part.startsWith("<") ? part : part.replace(WORD, w =>
    !w.startsWith("&") && matches(canon(fold(w))) ? `<mark>${w}</mark>` : w)).join("");
}

/* The search page of an official docs site for a query the glossary has no term for. */
function docsSearch(query) {
  const q = encodeURIComponent(query.trim());
  return /\b(azure|aml|databricks|spark|pyspark|microsoft|synapse|fabric|mlflow)\b/i.test(query)
    ? { name: "Microsoft Learn", url: `https://learn.microsoft.com/en-us/search/?terms=${q}` }
    : { name: "scikit-learn", url: `https://scikit-learn.org/stable/search.html?q=${q}` };
}

const MLTermsCore = { fold, canon, words, plain, escapeHTML, shardName, distance, lexicon, withPrefix, expand,
  nameKeys, initials, initialRuns, stem, latePrefix, codeQuery, errorMessage, messageIn, commandWords, spelledOut, compareSides, FIELDS, indexNames, mark, suggestion,
  docsSearch, absentIn, sameWord, contextStart };
if (typeof module !== "undefined") module.exports = MLTermsCore;
else self.MLTermsCore = MLTermsCore;
})();
