/* ML Terms search: matching and ranking (README "Search"), run by the worker (mlterms-search.js),
 * which loads this file with the core helpers when the reader first heads for the search box, so a
 * reader who never searches downloads neither. It shares the worker's globals: the names index
 * (`names`), the stop words (`STOP`), the config and the text shards (`textShard`).
 *
 * `read` reads a query (its words, code, context); `match` finds each page's evidence (names, text,
 * code, pairs, held names); `rank` orders the pages; `noTerm` decides the "No term" line (with
 * `answered` and `absentScope`); `compareGroup` finds the compare line of "X vs Y". */
"use strict";

const NAMES = 3, CODE = 6;  // a page's names count NAMES times its text, its code CODE times
/* A reader's everyday word -> the word the docs use for it, which the text is searched for too: "good
 * on training data" (docs: "performs well"), "badly on new data" ("poorly"), "this particular (single)
 * prediction" ("an individual prediction"), "the same class ratio" ("the same class proportions"). */
const EVERYDAY = new Map([["good", "well"], ["bad", "poor"], ["badly", "poorly"], ["particular", "individual"],
  ["single", "individual"], ["ratio", "proportion"], ["share", "proportion"], ["percentage", "proportion"],
  ["great", "well"], ["terrible", "poorly"]]);
/* Two query words in a row that a page's names, related words or readers' questions hold in a row
 * ("training data", "new data", "majority class") add PAIR to its coverage (ASKED_PAIR for a reader's
 * question, the weakest evidence, as its field weighs least), when no more than RARE_PAIR of the pages
 * hold that pair ("azure ml" says little). */
const PAIR = 1, RARE_PAIR = 0.01, ASKED_PAIR = 0.25;
const ENDINGS = new Set(["s", "es", "er", "ers", "or", "ors", "ing", "ed", "ion", "ions"]);  // "explain" + "ers"
const ASKED_GENERIC = 0.2;  // a word in the readers' questions of more than this share of pages covers none
const GENERIC = 0.05;  // a word in the names of more than this share of pages is generic ("model")
const ABBREVIATED = 6;  // the "exact" rank of a title typed with its words cut short: below a misspelt title (7)
const SIDE = 4;  // the "exact" rank of a page named by one side of "X vs Y": below every full-name match
const LONG = 5;  // words of a question that, unanswered, still shows its closest term before "No term"
const CODED_WORD = 3;  // a prose word that is a crosswalk code name of this many pages or fewer names them
const SPECIFIC_CALL = 0.1;  // a call in the code of more pages than this share ("fit") names no one term
const RESULTS = 60;  // pages ranked and shown
/* Asked for another cloud's counterpart ("azure equivalent of aws sagemaker"): the frame's words. */
const EQUIVALENT = new Set(["equivalent", "counterpart", "equivalents", "counterparts"]);
const CLOUDS = new Set(["azure", "aws", "amazon", "gcp", "google", "cloud", "microsoft"]);
const UMBRELLA = 3;  // a name that begins the names of this many other pages is a platform ("azure ml")
const DESCRIBES = new Set(["that", "which", "where", "whose"]);  // "a method that …": a description follows

/* Whether a prose word is one the ranking counts: no stop word, no bare number ("95% accuracy").
 * The topic, the tokens and the word pairs all count words this way. */
const topical = w => !STOP.has(w) && !/^\d+$/.test(w);

/* The postings (page * 4 + weight) of a code identifier, and how near it is: an identifier no page's
 * code holds stands for the indexed ones it begins or is a typo of ("StandardScalar", "predict_prob"),
 * at the weight of that match. The vocabulary of identifiers is sorted on the first such query. */
function codeHits(ident) {
  const exact = names.byCode.get(ident);
  if (exact || ident.length < 5 || ident.includes(".")) return [exact || [], 1];
  if (!names.codeWords) names.codeWords = lexicon(names.byCode);
  const found = [...expand(ident, names.codeWords, false)], best = Math.max(0, ...found.map(([, w]) => w));
  return [found.filter(([, w]) => w === best).flatMap(([w]) => names.byCode.get(w)), best];
}

/* The postings (page * 16 + field) of the names that are exactly these words, spaced or joined. */
function namedBy(ws) {
  const spaced = ws.join(" "), joined = ws.join("");
  return [...(names.byName.get(spaced) || []), ...(joined !== spaced ? names.byName.get(joined) || [] : [])];
}

/* The code scores of pasted code's pages: each identifier's pages (weighed by how rare it is, three
 * times for what the code imports or calls), and code that names a term: `scaler.fit_transform(X)` is
 * about fit_transform(), `optimizer = ...` about Optimizer, counted like a crosswalk code name. A page
 * `explains` the code when what it imports or calls is in its code or names, not only its module. */
function matchCode(code, entry, pages) {
  const N = config.mlterms.pages;
  for (const ident of code.main) {
    const hits = new Map();
    for (const c of namedBy(words(ident))) hits.set(c >> 4, Math.max(hits.get(c >> 4) || 0, (c & 15) >= ALIAS - 1 ? 1 : 0.5));
    for (const [page, weight] of hits) Object.assign(entry(page), { explains: true }).code += weight * 3 * CURATED * Math.log(1 + N / hits.size);
  }
  for (const ident of code.idents) {
    const [hits, near] = codeHits(ident);
    const weight = near * (code.main.has(ident) ? 3 : 1) * Math.log(1 + N / Math.max(1, hits.length));
    for (const hit of hits) {
      const e = entry(hit >> 2);
      e.code += weight * (hit & 3);
      if (code.main.has(ident)) { e.explains = true; if ((hit & 3) === CURATED) e.curated += 1; }
    }
  }
  for (const page of otherLibraries(code)) entry(page).curated -= 1;
  /* An import of a name no page knows, from a library a page is named for and few pages' code uses
   * (`from petastorm.tf_utils import make_petastorm_dataset`): that library's page explains it. Not
   * `from sklearn.manifold import TSNE`: scikit-learn is in most pages' code, and names no answer. */
  const known = [...pages.values()].some(e => e.explains);
  if (code.module && !known && new Set((names.byCode.get(code.module) || []).map(hit => hit >> 2)).size <= SPECIFIC_CALL * N)
    for (const page of new Set([...namedBy(words(code.module)).filter(c => (c & 15) >= ALIAS - 1).map(c => c >> 4),
      ...curatedPages(code.module)]))  // or a crosswalk code name ("from pylab import *": Matplotlib)
      Object.assign(entry(page), { explains: true }).code += 3 * CURATED * Math.log(1 + N);
}

/* The pages that share a crosswalk code name's last part with the dotted path the code writes, but
 * whose name neither is that path nor ends with it: `sklearn.cluster.KMeans` is not MLlib's
 * pyspark.mllib.clustering.KMeans, `nn.Conv2d` not Overlay's plain Conv2d. Each such page loses the
 * identifier's count; a path only one page has leaves everything as it is. */
function otherLibraries(code) {
  const other = [];
  for (const path of code.paths || []) {
    const last = path.split(".").pop(), sharing = new Set(curatedPages(last));
    if (!code.main.has(last) || sharing.size < 2) continue;
    const meant = curatedByTail(path);
    if (meant.size) other.push(...[...sharing].filter(page => !meant.has(page)));
  }
  return other;
}

/* The pages whose crosswalk code names are the dotted path or end with it (`cluster.KMeans`:
 * sklearn.cluster.KMeans's page). Every tail of every code name is indexed once, at the first dotted
 * path a query writes, so a query looks its path up instead of reading every code name. */
function curatedByTail(path) {
  if (!names.codeTails) {
    names.codeTails = new Map();
    for (const [ident, hits] of names.byCode) {
      const curated = hits.filter(hit => (hit & 3) === CURATED).map(hit => hit >> 2), parts = ident.split(".");
      if (curated.length)
        for (let k = 0; k < parts.length; k++) {
          const tail = parts.slice(k).join("."), pages = names.codeTails.get(tail) || new Set();
          curated.forEach(page => pages.add(page));
          names.codeTails.set(tail, pages);
        }
    }
  }
  return names.codeTails.get(path) || new Set();
}

/* Two query words in a row (as typed, and as corrected) that a page's names or questions hold in a row
 * (PAIR): each page's pairs, by place in the query: the query word index of the second word and the weight. A sequence
 * is [word, index] in the order typed, a repeated word each time ("training data … new data"). */
function matchPairs(sequences, entry) {
  const done = new Set();  // a pair as typed and as corrected is often the same: look it up once
  for (const seq of sequences)
    for (let k = 1; k < seq.length; k++) {
      const key = seq[k - 1][0] + " " + seq[k][0], i = seq[k][1];
      if (done.has(k + ":" + key)) continue;
      done.add(k + ":" + key);
      const postings = names.byPair.get(key) || [];
      if (new Set(postings.map(c => c >> 4)).size > RARE_PAIR * names.pages.length) continue;  // "azure ml" says little
      for (const c of postings) {
        const pairs = entry(c >> 4).pairs, weight = (c & 15) === QUESTION ? ASKED_PAIR : 1;
        pairs.set(k, [i, Math.max((pairs.get(k) || [0, 0])[1], weight)]);
      }
    }
}

/* How many letters two words begin with in common. */
const shared = (a, b) => { let k = 0; while (k < a.length && a[k] === b[k]) k++; return k; };

/* Each page whose names hold the word ``w``: its best field weight times ``weight`` (how ``w`` was matched). */
function nameScores(w, weight) {
  const best = new Map();
  for (const c of names.words.map.get(w)) best.set(c >> 4, Math.max(best.get(c >> 4) || 0, weight * (c & 15)));
  return best;
}

/* The words with each one that two words of a name write apart typed joined split again ("azureml
 * workspace": "azure ml workspace", a name of the workspace's page): the pair must follow each other
 * in some page's name, not only in a question. */
function unjoined(all) {
  return all.flatMap(w => {
    for (let k = 2; k <= w.length - 2; k++) {
      const pair = `${w.slice(0, k)} ${w.slice(k)}`;
      if ((names.byPair.get(pair) || []).some(c => (c & 15) > RELATED)) return pair.split(" ");
    }
    return [w];
  });
}

/* One query's matches: per page whether a full name matched (exact), which query words its names or
 * text cover, and its scores (names, text, code); per query word the index words it matched. */
async function match(query, tokens, all, code, question, check) {
  const N = config.mlterms.pages;
  const pages = new Map();
  const entry = p => pages.get(p) || pages.set(p, { exact: 0, contained: 0, mentioned: false, covered: new Set(), named: new Set(),
    names: 0, text: 0, code: 0, explains: false, specific: 0, short: 0, asked: new Set(), pairs: new Map(), docs: new Map(), curated: 0 }).get(p);
  for (const key of [all.join(" "), tokens.join(" "), all.join(""), unjoined(all).join(" ")])
    for (const c of names.byName.get(key) || []) entry(c >> 4).exact = Math.max(entry(c >> 4).exact, c & 15);
  if (code) matchCode(code, entry, pages);
  const matched = new Map();  // query word -> words it matched (for highlighting and the "h" parameter)
  const generic = new Set();  // query words that many pages' names hold ("model", "data"): they say little
  const rarity = new Map();  // query word -> how rare it is in the pages' text (idf): how specific a name is
  const known = new Set();  // query words the pages' text holds as they are: no typos
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i], last = i === tokens.length - 1;
    const seen = new Map(), namedPages = new Set(), askedPages = new Set();
    const shard = await textShard(token);
    check();
    /* A word no page's text holds is as rare as a word can be. */
    rarity.set(token, Math.log(1 + N * config.mlterms.sectionsPerPage / ((shard && shard.map.get(token) || [0, 0]).length / 2 || 1)));
    const anyMatch = withPrefix(names.words.sorted, token, 1).length > 0 || Boolean(shard && withPrefix(shard.sorted, token, 1).length);
    let inNames = expand(token, names.words, last, anyMatch);
    const also = EVERYDAY.get(token), alsoShard = also ? await textShard(also) : null;
    let inText = shard ? [...expand(token, shard, last, anyMatch)].map(([w, weight]) => [shard, w, weight]) : [];
    if (alsoShard && alsoShard.map.has(also)) inText.push([alsoShard, also, 0.8]);
    if (!inNames.size && !inText.length) {  // not even a typo matched: a typo late in the word?
      inNames = latePrefix(token, names.words);
      inText = shard ? [...latePrefix(token, shard)].map(([w, weight]) => [shard, w, weight]) : [];
    }
    /* A whole word of the text that begins a much longer word of a name ("different", four fifths of
     * "differential" or less) does not name it, unless the rest is an ending ("explain", "explainers");
     * "convolution" still names "convolutional". */
    const word = !last && Boolean(shard && shard.map.has(token));
    /* A word spelt right (the text or the names hold it) is no typo of another name's word that starts
     * differently: "height" is not "weight", "still" not "skill". A variant of it still counts ("scaler":
     * "scaled", "training": "trainin"). */
    if ((shard && shard.map.has(token)) || names.words.map.has(token))
      for (const [w] of inNames)
        if (w !== token && stem(w) !== stem(token) && shared(w, token) < Math.min(w.length, token.length) - 2
          && distance(token, w, 2) <= 2) inNames.delete(w);
    for (const [w, weight] of inNames) {
      seen.set(w, weight);
      const best = nameScores(w, weight);
      const naming = !(word && w.startsWith(token) && token.length < 0.8 * w.length && weight < 0.6
        && !ENDINGS.has(w.slice(token.length)));
      for (const [page, score] of best) {
        const e = entry(page);
        e.names += score;
        if (score <= weight * QUESTION) { e.asked.add(i); askedPages.add(page); }  // a question's words are no name, but a question the page answers
        else { e.covered.add(i); if (naming) { e.named.add(i); namedPages.add(page); } }
      }
    }
    /* A word of prose that no name holds but a crosswalk code name is ("hclust in r", "does fillna
     * change my data"), or its plural (the word lost its "s": "categoricalparameterrange"): the few
     * pages that name it in code are named by it, as by another name. A readers' question's words
     * typed joined ("fill missing" as "fillmissing", in no page's text) are no name that holds it. */
    const onlyAsked = !(shard && shard.map.has(token)) && (names.words.map.get(token) || []).every(c => (c & 15) <= QUESTION);
    if (!code && onlyAsked)
      for (const page of fewCurated(token, token + "s")) {
        const e = entry(page);
        e.names += ALIAS; e.covered.add(i); e.named.add(i); namedPages.add(page);
      }
    if (namedPages.size > GENERIC * names.pages.length) generic.add(i);
    for (const [lex, w, weight] of inText) {
      seen.set(w, Math.max(seen.get(w) || 0, weight));
      const postings = lex.map.get(w), df = postings.length / 2, idf = Math.log(1 + N / df);
      const best = new Map();
      for (let k = 0; k < postings.length; k += 2) {
        const doc = postings[k], page = Math.floor(doc / config.mlterms.sectionsPerPage);
        const score = weight * (1 + Math.log(postings[k + 1])) * idf;
        const e = entry(page);
        e.docs.set(doc, (e.docs.get(doc) || 0) + score);
        best.set(page, Math.max(best.get(page) || 0, score));
      }
      for (const [page, score] of best) { const e = entry(page); e.text += score; e.covered.add(i); }
    }
    /* A word readers' questions of many pages hold ("my", "model", "training") covers none of them. */
    if (askedPages.size <= ASKED_GENERIC * names.pages.length) for (const page of askedPages) entry(page).covered.add(i);
    matched.set(token, seen);
    if (shard && shard.map.has(token)) known.add(token);
  }
  /* Two words a name writes as one ("data frame", "work space", "note book"): the pages whose names
   * hold the joined word, or its stem, are named by both, as if it had been typed joined. */
  if (!code)
    for (let i = 0; i + 1 < tokens.length; i++) {
      const joined = tokens[i] + tokens[i + 1];
      if (names.words.map.has(tokens[i]) && names.words.map.has(tokens[i + 1]) && names.words.map.has(joined)) {
        for (const [w, weight] of expand(joined, names.words, false, true)) {
          if (weight < 0.8) continue;  // the word or its stem, not a prefix or a typo
          for (const [page, score] of nameScores(w, weight)) {
            if (score <= weight * QUESTION) continue;
            const e = entry(page);
            if (e.named.has(i) && e.named.has(i + 1)) continue;
            e.names += score;
            for (const k of [i, i + 1]) { e.covered.add(k); e.named.add(k); }
          }
        }
      }
    }
  /* A misspelt full name ("hyperparamter") still puts that name first, just below a correct one. Of
   * equal matches, the nearest spelling: "tunning" is "tuning", not "tune". */
  const corrected = tokens.map(t => {
    if (names.words.map.has(t)) return t;
    const best = [...(matched.get(t) || new Map()).entries()].filter(([w]) => names.words.map.has(w))
      .sort((a, b) => b[1] - a[1] || distance(t, a[0], 3) - distance(t, b[0], 3) || a[0].length - b[0].length)[0];
    return best ? best[0] : t;
  });
  const order = code ? tokens.map((t, i) => i) : all.filter(topical).map(w => tokens.indexOf(w));
  matchPairs([tokens, corrected].map(seq => order.map(i => [seq[i], i])), entry);
  if (corrected.join(" ") !== tokens.join(" "))
    for (const key of new Set([corrected.join(" "), unjoined(corrected).join(" ")]))
      for (const c of names.byName.get(key) || []) entry(c >> 4).exact = Math.max(entry(c >> 4).exact, (c & 15) - 3);
  /* A name written as one word, typed as two with a typo ("horovod runnr"): the words joined are one
   * typo from the name, which then comes first as a misspelt full name does. */
  if (!code && tokens.length > 1 && tokens.length <= 3 && !names.byName.has(tokens.join("")))
    for (const [w, weight] of expand(tokens.join(""), names.words, false, true))
      if (weight === 0.6) for (const c of names.byName.get(w) || []) entry(c >> 4).exact = Math.max(entry(c >> 4).exact, (c & 15) - 3);
  /* A title typed with its words cut short, in order ("hyperparam search spa"): that page, below a
   * misspelt full name. */
  const typed = all.filter(w => !STOP.has(w));
  if (!code && typed.length > 1)
    for (const [page, e] of pages) {
      if (e.named.size < tokens.length) continue;
      const title = words(names.pages[page][0]).filter(w => !STOP.has(w));
      if (title.length === typed.length && typed.every((w, k) => title[k].startsWith(w)) && typed.some((w, k) => w !== title[k]))
        e.exact = Math.max(e.exact, ABBREVIATED);
    }
  /* "X vs Y": the pages named X and Y come first, in that order (just below any full-name match, so a
   * compare group of theirs still answers first; without one, both terms do). */
  const compared = comparedSides(query), sides = code ? null : compared;
  const fixed = new Map(tokens.map((t, i) => [t, corrected[i]]));
  if (sides) sides.forEach((side, n) => {
    const asTyped = words(side).filter(w => !STOP.has(w)), spelt = asTyped.map(w => fixed.get(w) || w);  // "overfiting"
    for (const c of new Set([...namedBy(asTyped), ...namedBy(spelt)])) entry(c >> 4).exact = Math.max(entry(c >> 4).exact, SIDE - n / 2);
  });
  if (!code) {
    /* identifiers typed in prose ("why does train_test_split give me …"): each one word as typed */
    const written = query.match(/\b[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+\b/gu) || [];
    const idents = written.map(i => words(i).join(" "));
    /* and a fitted attribute a dotted name in prose ends with, scikit-learn's trailing underscore
     * ("after sweep.predictors_ gives me dozens of models"): a crosswalk code name of a few pages, as
     * above. Not a method ("torch.rand", "loss.backward"): many pages' code calls those. */
    for (const m of query.matchAll(/\b[A-Za-z_]\w*\.([A-Za-z]\w*[^\W_]_)(?![\w.])/g))
      if (m[1].length > 2 && !written.includes(m[1])) written.push(m[1]);
    contained([all, all.map(w => fixed.get(w) || w)], entry, question, w => rarity.get(w) || 0, new Set(idents));
    /* One that is a crosswalk code name of a few pages ("a python version of themis step_smote") names
     * them as a name the query holds would, by all its words. */
    for (const ident of written) {
      const parts = words(ident).filter(w => !STOP.has(w));
      for (const page of fewCurated(fold(ident))) {
        const e = entry(page);
        e.mentioned = true;
        e.contained = Math.max(e.contained, parts.length);
        parts.forEach(w => { const i = tokens.indexOf(w); if (i >= 0) { e.covered.add(i); e.named.add(i); } });
      }
    }
  }
  /* The misspelt words and their names' spelling: words no text or code holds, one or two typos from it. */
  const typos = new Map([...fixed].filter(([t, c]) => c !== t && !known.has(t) && !names.byCode.has(t)
    && stem(t) !== stem(c) && distance(t, c, 2) <= 2));
  return { pages, matched, generic, weight: tokens.map(t => rarity.get(t) || 0), sides: compared, fixed, typos };
}

/* A question or phrase that holds a whole name of a page ("how to avoid overfitting in a neural network"
 * holds "overfitting"): the name is what the reader asks about, the other words may match any page's
 * text. A page's `contained` is how many content words the name spans (half for a related word), when
 * it spans at least half the content words before the context ("in a neural network", "with pandas"):
 * a name inside the context is where the question is asked, not what about. Its `specific` is how rare
 * the name's words are (`rarity`, by word as typed): of two names as long, "bagging ensemble" is about
 * the rarer, Bagging. `sequences`: the query's words, as typed and corrected. */
function contained(sequences, entry, { context, topic, subject = topic }, rarity, idents = new Set()) {
  const need = Math.max(1, Math.ceil(subject / 2));
  /* The rarest of the asked words that few pages' names hold: a whole name that holds it counts, however
   * short against a long question ("does smote leak into the validation set if applied before
   * splitting" asks about SMOTE), unless it is a platform (where the question is asked) or a word of
   * three letters or fewer (an initialism: "aml", "lr"). */
  const asked = sequences[0].slice(0, context).filter(w => topical(w) && specificWord(w));
  const rarest = asked.length ? asked.reduce((a, b) => (rarity(b) > rarity(a) ? b : a)) : null;
  for (const seq of sequences) {
    const runs = new Map();  // page -> [start, end, weight] of the names it holds before the context
    for (const [i, j, span, c] of nameRuns(seq)) {
      const e = entry(c >> 4);
      /* The query names this term, or one of its related names of two words or more ("step size"):
       * never "No term". */
      if ((c & 15) > RELATED || ((c & 15) === RELATED && (span >= 2 || curatedCode(seq.slice(i, j), c >> 4)))) e.mentioned = true;
      if (j > context || inLonger(seq, i, j, c >> 4) || (span === 1 && described(seq, j))) continue;
      (runs.get(c >> 4) || runs.set(c >> 4, []).get(c >> 4)).push([i, j, (c & 15) > RELATED ? 1 : 0.5]);
    }
    for (const [page, held] of runs)
      for (const [i, j, weight] of overlapping(held)) {
        const e = entry(page), span = seq.slice(i, j).filter(w => !STOP.has(w)).length;
        const rare = span < need && weight === 1 && rarest !== null && rarest.length >= 4
          && sequences[0].slice(i, j).includes(rarest) && !umbrella(words(names.pages[page][0]));
        if (span < need && !rare && !(weight === 1 && idents.has(seq.slice(i, j).join(" ")))) { if (weight === 1) e.short = 1; continue; }
        /* Another vendor's platform, a related name of ours ("vertex ai | prebuilt container"), is where the
         * query asks, unless it is most of what is asked: the rest names the term. */
        if (weight < 1 && 2 * span <= subject && umbrella(words(names.pages[page][0]))) continue;
        const value = span * weight;
        const specific = sequences[0].slice(i, j).reduce((sum, w) => sum + (STOP.has(w) ? 0 : rarity(w)), 0);
        if (value > e.contained || (value === e.contained && specific > e.specific)) Object.assign(e, { contained: value, specific });
      }
  }
}

/* Whether the name ending at j is followed by a clause that describes which one is meant ("clustering
 * that starts with every point alone and merges …"): a one-word name is the kind, the clause the
 * answer ("global surrogate model that imitates a black-box model" still names MimicExplainer). */
function described(seq, j) {
  return DESCRIBES.has(seq[j]) && seq.slice(j + 1).filter(w => !STOP.has(w)).length >= 3;
}

/* A page's names held in the query, with those that overlap joined into one run at the lower weight:
 * "global surrogate" and "surrogate model" hold "global surrogate model". */
function* overlapping(held) {
  yield* held;
  const sorted = [...held].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let [i, j, weight] = sorted[0], joined = false;
  for (const [a, b, w] of sorted.slice(1)) {
    if (a < j && b > j) { j = b; weight = Math.min(weight, w); joined = true; continue; }
    if (a >= j) { if (joined) yield [i, j, weight]; [i, j, weight, joined] = [a, b, w, false]; }
  }
  if (joined) yield [i, j, weight];
}

/* Whether a one-word related name is also a crosswalk code name of its page ("the function passed to
 * fmin": hyperopt.fmin), so it names an API, not an English word such as "loss". */
function curatedCode(run, page) {
  const w = run.filter(x => !STOP.has(x));
  return w.length === 1 && curatedPages(w[0]).includes(page);
}

/* The pages that have this identifier as (the last part of) a crosswalk code name. */
function curatedPages(ident) {
  return (names.byCode.get(ident) || []).filter(hit => (hit & 3) === CURATED).map(hit => hit >> 2);
}

/* The pages that have one of these identifiers as a crosswalk code name, when they are few (CODED_WORD
 * or fewer); none when more do: a code word of many pages names no one of them. */
function fewCurated(...idents) {
  const pages = [...new Set(idents.flatMap(curatedPages))];
  return pages.length <= CODED_WORD ? pages : [];
}

/* Whether another page's names hold the run seq[i..j) one word longer, in a row, three words or more
 * and not a whole name (that would be contained itself): "machine learning | studio (classic)" asks
 * about Azure Machine Learning studio, not Machine learning; "pandas dataframe" still asks about DataFrame. */
function inLonger(seq, i, j, page) {
  const content = seq.slice(i, j).filter(w => !STOP.has(w));
  const holders = key => new Set((names.byPair.get(key) || []).filter(c => (c & 15) > RELATED).map(c => c >> 4));
  /* Or another page's name is the run one word longer less the run's nearer word: "stratified | random
   * sampling" is Stratified sampling, where "random" qualifies it, not Hyperparameter sampling's name. */
  const gapped = [[seq[i - 1], ...content.slice(1)], [...content.slice(0, -1), seq[j]]];
  if (gapped.some(ws => ws.length >= 2 && ws.every(w => w !== undefined && !STOP.has(w))
      && namedBy(ws).some(c => (c & 15) > RELATED && c >> 4 !== page))) return true;
  for (const longer of [[seq[i - 1], ...content], [...content, seq[j]]]) {
    if (longer.length < 3 || longer.some(w => w === undefined || STOP.has(w)) || namedBy(longer).length) continue;
    let pages = holders(longer[0] + " " + longer[1]);
    for (let k = 2; k < longer.length && pages.size; k++) {
      const next = holders(longer[k - 1] + " " + longer[k]);
      pages = new Set([...pages].filter(p => next.has(p)));
    }
    pages.delete(page);
    if (pages.size) return true;
  }
  return false;
}

/* Each run of up to six words of `seq` with a content word in it that is a page's whole name:
 * [start, end, content words, posting of the name]. */
function* nameRuns(seq) {
  for (let i = 0; i < seq.length; i++)
    for (let j = i + 1; j <= Math.min(seq.length, i + 6); j++) {
      const run = seq.slice(i, j), span = run.filter(w => !STOP.has(w)).length;
      if (span) for (const c of namedBy(run)) yield [i, j, span, c];
    }
}

/* Whether some run of these words is a page's whole name ("in a neural network", "on databricks") or
 * a concept the glossary lacks ("with the IQR rule"): a context names where or with what; "on new
 * data" names neither, and is part of what is asked. */
function holdsName(ws) {
  for (const [i] of nameRuns(ws)) if (!STOP.has(ws[i])) return true;
  return Boolean(absentIn(ws, names.absent));
}

/* Whether these words are a page's whole name that begins the names of UMBRELLA other pages or more
 * (as typed, or as that page's title): a platform ("azure ml": Azure Machine Learning jobs, …), not a
 * concept that other names end with ("dataframe": Spark DataFrames). */
function umbrella(ws) {
  const named = new Set(namedBy(ws).filter(c => (c & 15) > RELATED).map(c => c >> 4));
  if (!named.size || !ws.some(w => !STOP.has(w))) return false;
  if (!names.leading) {  // each run of a name's first one to three words -> the pages it begins
    names.leading = new Map();
    for (const [name, postings] of names.byName)
      for (const c of postings) {
        if ((c & 15) <= RELATED || !name.includes(" ")) continue;
        const first = name.split(" ");
        for (let k = 1; k < Math.min(4, first.length); k++) {
          const key = first.slice(0, k).join(" ");
          (names.leading.get(key) || names.leading.set(key, new Set()).get(key)).add(c >> 4);
        }
      }
  }
  const keys = [ws.join(" "), ...[...named].map(p => words(names.pages[p][0]).join(" "))];
  return keys.some(key => [...names.leading.get(key) || []].filter(p => !named.has(p)).length >= UMBRELLA);
}

/* Where a prose query's context begins ("how to avoid overfitting | in a neural network"), and how
 * many content words come before it (counted as the ranking tokens are: no bare numbers): what the
 * query is about. */
function questionOf(all, text) {
  let context = contextStart(all, STOP, text, after => holdsName(after));
  /* A context is a phrase at the end ("… | in a neural network"): one that holds most of the question
   * ("why does open() | in python need /dbfs/ at the front of the path when …") is what is asked. */
  const content = ws => ws.filter(topical).length;
  if (content(all.slice(context)) > 2 * Math.max(1, content(all.slice(0, context))) + 1) context = all.length;
  /* What comes before a context names something too (a name, or a word few pages' names hold), or the
   * context is what is asked: "what is the azure name | for an AWS VPC" asks about the VPC. */
  if (context < all.length && !holdsName(all.slice(0, context)) && !all.slice(0, context).some(specificWord))
    context = all.length;
  /* A query that ends with a platform's name, after words that name something, asks about those words
   * there: "hyperdrive | azure ml" (as "hyperdrive in azure ml"). */
  if (context === all.length)
    for (let k = 1; k < all.length; k++)
      if (umbrella(all.slice(k)) && holdsName(all.slice(0, k))) { context = k; break; }
  /* "azure equivalent of aws sagemaker": asked for another cloud's counterpart, the query is about
   * the service it names; the clouds and the asking words are its frame. */
  const before = new Set(all.slice(0, context).filter(topical));
  const frame = all.some(w => EQUIVALENT.has(w)) ? [...before].filter(w => EQUIVALENT.has(w) || CLOUDS.has(w)).length : 0;
  return { context, topic: before.size, subject: before.size - frame };
}

/* Whether a word (or a word of its stem) is in the names of some pages, but not of many ("imbalanced",
 * not "azure"). */
function specificWord(w) {
  if (STOP.has(w)) return false;
  const found = [w, ...(names.words.stems.get(stem(w)) || [])].filter(x => names.words.map.has(x));
  const pages = new Set(found.flatMap(x => names.words.map.get(x).map(c => c >> 4)));
  return pages.size > 0 && pages.size <= GENERIC * names.pages.length;
}

/* Rank the pages: a full name first, then (prose) a page whose name the question holds (the rarer
 * name first), then pages that cover more query words (a word its names hold counts twice, unless it
 * is `generic`: in the names of many pages; each word weighs by how rare it is in the text, `weight`,
 * from a quarter for the commonest: "a cutoff other than 0.5 when predicting classes" is about the
 * cutoff), or (code) the page whose crosswalk code names the line calls most, then the score. A
 * walkthrough comes after the terms unless its own names answer the whole query. */
function rank(pages, tokens, code, topic = tokens.length, generic = new Set(), weight = []) {
  /* A walkthrough whose own names don't answer the whole query comes after every term. */
  const walk = (page, e) => Number(!names.pages[page][2] && e.named.size < tokens.length);
  const score = (page, e) => (NAMES * e.names + e.text + CODE * e.code * (code ? 1 : 0)) * (names.pages[page][1] || 1);
  const whole = e => Number(tokens.length > 1 && e.named.size === tokens.length);  // its names hold every word
  /* Query words it matches before the question's context ("… in classification"), those in its names
   * twice, each by its weight (rounded to quarters: near-equal pages fall to the next key). */
  const top = Math.max(1, ...weight), w = i => 0.25 + 0.75 * (weight[i] || 0) / top;
  const sum = list => list.filter(i => i < topic).reduce((total, i) => total + w(i), 0);
  const reach = e => Math.round(4 * (sum([...e.covered]) + sum([...e.named].filter(i => !generic.has(i))) + PAIR * [...e.pairs.values()].reduce((total, [i, weight]) => total + (i < topic ? weight : 0), 0))) / 4;
  /* Then the words of the context it matches ("well on training data but poorly | on new data"). */
  const setting = e => [...e.covered].filter(i => i >= topic).length;
  /* Its names hold a name the query holds, and its names and text every word of the topic. */
  const holds = e => Number((e.contained > 0 || e.short > 0) && [...e.covered].filter(i => i < topic).length >= Math.min(topic, tokens.length));
  /* Each page's sort keys, most telling first, computed once (at 20,000 terms a common word matches
   * thousands of pages, and a comparator that recomputed them spent most of the query). */
  const keys = (page, e) => [e.exact, -walk(page, e), whole(e), holds(e), e.contained, e.specific,
    code ? e.curated : reach(e), code ? 0 : setting(e), score(page, e)];
  const before = (a, b) => { for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return b[k] - a[k]; return 0; };
  return [...pages.entries()].filter(([, e]) => e.covered.size || e.exact || e.contained || e.mentioned || (code && e.code))
    .map(([page, e]) => [page, e, keys(page, e)])
    .sort((a, b) => before(a[2], b[2]))
    .slice(0, RESULTS);
}

/* The two sides of "X vs Y", split at a "vs" that is not inside a name the query holds: "one vs rest
 * classifier ovr" asks about One vs Rest, and "one-vs-rest vs one-vs-one" compares the two. */
function comparedSides(query) {
  const sides = compareSides(query);
  if (!sides) return null;
  const all = words(query), runs = [...nameRuns(all)];
  const free = k => (all[k] === "vs" || all[k] === "versus") && !runs.some(([i, j]) => i < k && k < j - 1);
  const at = all.findIndex(w => w === "vs" || w === "versus");
  if (at < 0 || free(at)) return sides;
  const k = all.findIndex((w, n) => free(n));
  return k < 0 ? null : [all.slice(0, k).join(" "), all.slice(k + 1).join(" ")];
}

/* "X vs Y": the compare group holding a page named by each side (`sides`, from comparedSides), as
 * [group, page of X, page of Y]. */
function compareGroup(sides) {
  if (!sides || !names.compare.length) return null;
  const named = side => {
    const toks = words(side).filter(w => !STOP.has(w));
    /* A side that is a page's whole name means that page ("RDD vs DataFrame" is not MLlib vs Spark ML). */
    const whole = new Set(namedBy(toks).map(c => c >> 4));
    if (whole.size) return whole;
    const count = new Map();
    for (const [i, t] of toks.entries())
      for (const [w] of expand(t, names.words, i === toks.length - 1))
        for (const c of names.words.map.get(w)) {
          if ((c & 15) <= QUESTION) continue;  // a readers' question's words are no name ("… the Databricks REST API?")
          const k = c >> 4, s = count.get(k) || new Set();
          s.add(i); count.set(k, s);
        }
    return new Set([...count].filter(([, s]) => toks.length && s.size === toks.length).map(([p]) => p));
  };
  const [a, b] = sides.map(named);
  for (const group of names.compare) {
    const x = group[0].find(p => a.has(p)), y = group[0].find(p => b.has(p) && p !== x);
    if (x !== undefined && y !== undefined) return [group, x, y];
  }
  return null;
}

/* Whether the glossary has a term for the query: a full name, a term's name anywhere in it; for code
 * a page whose code names what the code imports or calls (not only its module: `from sklearn.manifold
 * import TSNE` has none), or whose names and text hold all its words (a setting the notes quote), or,
 * for a line of three identifiers or more that imports nothing, half of them; for prose a page whose
 * names cover a third of the query's words, or, for three words or more, whose names and text hold
 * half of them ("turn categorical features into numbers"), or whose names hold one and whose names and
 * text a third (a long question that describes a goal).
 * Concepts known to be missing are said to be so by name (crosswalk absent:), so a near miss here is
 * shown as a near miss. */
function answered(ranked, tokens, code) {
  if (!ranked.length) return false;
  if (ranked.some(([, e]) => e.exact || e.contained || e.mentioned)) return true;
  const half = Math.ceil(tokens.length / 2), third = Math.ceil(tokens.length / 3);
  if (code) return ranked.some(([, e]) => e.explains || e.covered.size === tokens.length
    || (!code.imports && tokens.length >= 3 && e.covered.size >= half));
  return ranked.some(([, e]) => e.named.size >= third
    || (tokens.length >= 3 && (e.covered.size >= half || (e.named.size > 0 && e.covered.size >= third))));
}

/* The "No term" line a query gets: null when a term answers it; else the missing concept it names
 * (`absent`, crosswalk absent: or an abbreviation marked none; null when it names none) and whether
 * the line comes `second`, after the best term: a concept named in passing (under a third of a long
 * query's words, not what a line of code calls) in a query a term answers ("which metric decides the
 * best model in automated ML, AUC?"). */
function noTerm(ranked, tokens, code, all, question, fixed = new Map()) {
  if (ranked.some(([, e]) => e.exact)) return null;
  const called = code && absentIn([...code.main].flatMap(words), names.absent);  // f1_score: "F1 score"
  const absent = called || absentIn(absentScope(all, question, ranked), names.absent);  // "area under the curve"
  const answers = answered(ranked, tokens, code);
  /* A long question that no page answers, and that names no missing concept, most likely asks in
   * other words about the closest term: it comes first, "No term" second. */
  if (!absent) return answers ? null : { absent: null, second: tokens.length >= LONG && ranked[0][1].covered.size >= 2 };
  /* A line that also calls what a term's crosswalk names (F.softmax(…) with nn.CrossEntropyLoss()) shows
   * that term first. */
  if (called) return { absent, second: answers && [...code.main].some(i => curatedPages(i).length) };
  return { absent, second: answers && (absent[0].filter(w => !STOP.has(w)).length * 3 < tokens.length
    || namedBefore(absentScope(all, question, ranked).map(w => fixed.get(w) || w), absent[0])) };
}

/* Whether a term's name comes before the missing concept in the query, in as many words or more
 * ("outliers | iqr 1.5 rule", "gausian distribution | mean and standard deviation": the query's words
 * with their typos mended): the reader asks about that term, and the concept qualifies it. A shorter
 * name first is a qualifier ("sklearn | confusion matrix" asks about the confusion matrix). */
function namedBefore(ws, key) {
  const at = ws.findIndex((w, i) => key.every((k, j) => ws[i + j] !== undefined && sameWord(ws[i + j], k)));
  const size = key.filter(w => !STOP.has(w)).length;
  if (at <= 0) return false;
  for (const [i, j, span, c] of nameRuns(ws.slice(0, at)))
    if ((c & 15) > RELATED && Math.max(span, initialsOf(ws.slice(i, j), c >> 4)) >= size && !STOP.has(ws[i])) return true;
  return false;
}

/* How many words a one-word name stands for when it is the initials of its page's title ("pca":
 * three, Principal Component Analysis), by the runs the names index makes initials of (initialRuns);
 * 0 for any other name ("sklearn" stands for no title's words). */
function initialsOf(run, page) {
  if (run.length !== 1) return 0;
  const title = words(names.pages[page][0]).filter(w => !STOP.has(w));
  const found = initialRuns(title).find(([i, n]) => title.slice(i, i + n).map(w => w[0]).join("") === run[0]);
  return found ? found[1] : 0;
}

/* The words of a query a missing concept must be named in to say "No term" first: all of them, but
 * only those before the context when a term's name is held there ("find outliers | with the IQR rule"
 * asks about Outlier, where the IQR is only the means). */
function absentScope(all, question, ranked) {
  return question && ranked.some(([, e]) => e.contained) ? all.slice(0, question.context) : all;
}

/* The command of a shell line as typed in a terminal or a notebook cell: without a prompt ("$ az …"),
 * a notebook's shell escape ("!pip install shap") or the assignment of its output ("run_id=$(az ml
 * job create -f job.yml)"). Any other query is returned as it is. */
function shellCommand(query) {
  const wrapped = query.match(/^\s*\w+=\$\((.+)\)\s*$/s);
  const line = (wrapped ? wrapped[1] : query).replace(/^\s*(?:\$\s+|!(?=[a-z]))/i, "");
  /* An Azure PowerShell cmdlet names its resource in its noun: New-AzNetworkSecurityRuleConfig asks
   * about a "network security rule config", New-AzureRmVirtualNetworkGateway a "virtual network gateway". */
  const cmdlet = line.match(/^\s*(?:\$\w+\s*=\s*)?[A-Z][a-z]+-Az(?:ureRm)?([A-Z][A-Za-z]+)\b/);  // its result may be assigned
  if (cmdlet) return cmdlet[1].replace(/([a-z])([A-Z])/g, "$1 $2");
  /* A REST call of the Databricks REST API ("GET /api/2.1/jobs/runs/get?run_id=42", its documented
   * /api/<version>/ paths; MLflow's REST API is /api/2.0/mlflow/…) asks what its CLI command asks:
   * "databricks jobs runs get", "mlflow runs create". */
  const rest = line.match(/^\s*(?:(?:GET|POST|PUT|PATCH|DELETE)\s+)?(?:https?:\/\/[^\s/]+)?\/api\/\d+(?:\.\d+)?\/([\w./-]+?)\/?(?:\?\S*)?\s*$/i);
  if (!rest) return line;
  const parts = rest[1].split("/").filter(p => p && !/^\d/.test(p));
  return `${parts[0] === "mlflow" ? "" : "databricks "}${parts.join(" ")}`;
}

/* What a query asks: its words, whether it is code (and its identifiers), the words that rank, for
 * prose where its context begins, and the error message it holds (errorMessage; null for none). A
 * command line is read without its flags. */
function read(query) {
  const known = ident => names.byCode.has(ident) || namedBy(words(ident)).length > 0;
  /* An error message (after the line that raised it, if pasted too) that quotes or calls no name a
   * term has as a name or crosswalk code name is read as its message, without its quoted values and
   * parentheses: "System.ArgumentException: you may not specify inputs …", "model.fit(X, y)
   * ValueError: could not convert string to float: 'red'". One that quotes a known name asks about
   * it, with the line that raised it ("import tensorflow as tf ModuleNotFoundError: No module named
   * 'tensorflow'"), not about its own words ("module", "named"); so does a warning after its line: the
   * code still ran, and the reader asks about the call that warned ("KFold(5, random_state=1)
   * FutureWarning: Setting a random_state has no effect …"); and so does an error after a line that
   * calls a crosswalk code name few pages' code holds ("nn.Flatten(), nn.Linear(…) RuntimeError: mat1
   * and mat2 shapes cannot be multiplied"), where "model.fit(X, y) ValueError: …" is about its message.
   * A message read as prose keeps what a library's own error class names ("ComputeTargetException":
   * compute target), and drops the flags it quotes ("train.py: error: unrecognized arguments:
   * --steps=20": argparse). A command-line tool's error after the command asks about the command ("az
   * ad sp create-for-rbac Usage error: …": the service principal). */
  const error = errorMessage(query);
  /* A name the message writes as code is known when some pages' code holds it: a backquoted one
   * (`n_init`) when no more than a specific call's share of pages do, a snake_case one (n_splits=5) when
   * no more than CODED_WORD do ("n_clusters" is every clustering page's: the message says more). */
  const coded = n => (names.byCode.get(n) || []).length;
  const knownNames = error && (error.named.some(n => curatedPages(n).length || namedBy(words(n)).length > 0)
    || error.coded.some(n => coded(n) && coded(n) <= (error.marked ? SPECIFIC_CALL * names.pages.length : CODED_WORD)));
  const lineCode = error && error.line.trim() ? codeQuery(error.line) : null;
  const kept = error && error.line.trim() && (knownNames || error.warning || error.tool
    || (lineCode && [...lineCode.main].some(i => curatedPages(i).length
      && (names.byCode.get(i) || []).length <= SPECIFIC_CALL * names.pages.length)));
  const asked = kept ? `${error.line} ${error.quoted.join(" ")}`
    : error && error.message.trim() && !knownNames
      ? error.subject + " " + error.message.replace(/(["'])(?:\\.|(?!\1).)*\1/g, " ").replace(/\([^()]*\)/g, " ")
        .replace(/(^|\s)--?[a-z][\w-]*(?:=\S*)?/gi, " ") : query;  // without the flags it quotes
  /* An install line asks about the packages it installs, without flags, extras and versions ("%pip
   * install -U petastorm[spark]==0.12"); a notebook magic about magic commands and its word ("%run
   * ./helpers", "%sql SELECT …"). */
  const line = shellCommand(asked);
  const install = line.match(/^\s*%?(?:pip3?|conda|mamba)\s+install\b(.*)$/is);
  const magic = line.match(/^\s*%{1,2}([A-Za-z]\w*)\b(.*)$/s);
  const read_ = install ? install[1].split(/\s+/).filter(w => w && !w.startsWith("-")).map(w => w.replace(/\[.*?\]|[=<>~!].*$/g, "")).join(" ")
    : magic ? `magic command ${magic[1]} ${magic[2]}` : line;
  /* A command line's words are its command's, not code ("import_dir" is a subcommand). */
  const commandLine = commandWords(read_), text = spelledOut(commandLine || read_), whole = fold(text.trim());
  const command = azureCommand(words(text), text), all = command ? command.all : words(text);
  /* One word that no name holds but code does ("beeswarm", "fillna") is read as code too. */
  const lone = all.length === 1 && !names.words.map.has(all[0]) && names.byCode.has(whole);
  const code = commandLine ? null : codeQuery(text) || (lone ? { idents: [whole], main: new Set([whole]) } : null);
  /* A line whose calls no page knows (`my_model.explained_variance_ratio_.cumsum()`) asks about the
   * names in it that the crosswalk gives a term in code; an import line only about what it imports. */
  if (code && !code.imports && ![...code.main].some(known)) {
    const other = code.idents.filter(i => !i.includes(".") && curatedPages(i).length);
    /* Else the library its path starts from, when that is a term's name (`torch.cuda.is_available()`: PyTorch). */
    const library = code.idents.filter(i => !i.includes(".") && code.idents.some(j => j.startsWith(`${i}.`))
      && namedBy(words(i)).some(c => (c & 15) >= ALIAS));
    if (other.length) code.main = new Set(other);
    else if (library.length) code.main = new Set(library);
  }
  /* A method chained on a constructor's result that few pages' code calls is asked about too. */
  if (code)
    for (const name of code.chained || [])
      if (curatedPages(name).length && (names.byCode.get(name) || []).length <= SPECIFIC_CALL * names.pages.length) code.main.add(name);
  /* A snake_case name quoted as a value or a key that few pages' crosswalk code holds (BigQuery ML's
   * `model_type='logistic_reg'`, LightGBM's `{'num_class': 5}`) is asked about beside the call that
   * passes it; not a term's own name passed as a value (`predict_method='predict_proba'`). */
  if (code)
    for (const name of code.literals || [])
      if (name.includes("_") && !namedBy(words(name)).length && fewCurated(name).length) { code.main.add(name); if (!code.idents.includes(name)) code.idents.push(name); }
  /* A dotted path the crosswalk curates whole, whose last part is too short for the code's words to
   * keep, is asked about as written ("org.apache.spark.ml" is not about "spark" alone). */
  if (code)
    for (const path of code.paths || []) if (path.split(".").pop().length <= 2 && curatedPages(path).length) code.main.add(path);
  /* A method called on an object that a crosswalk code name of a few pages names, and no name's word
   * (`lognorm.stats(s, moments='mvsk')`: SciPy's lognorm, whose `stats` every distribution has): the
   * object is asked about too. */
  if (code && !code.imports)
    for (const path of code.paths || []) {
      const owner = path.split(".").slice(-2, -1)[0];
      if (owner && !names.words.map.has(owner) && fewCurated(owner).length) code.main.add(owner);
    }
  /* Each content word once ("groups … each group": one word asked about). */
  let tokens = [...new Set(all.filter(topical))];
  if (code) tokens = [...new Set(code.idents.flatMap(words))].filter(w => !STOP.has(w) && w.length > 2);
  if (!tokens.length) tokens = all;
  return { text, all, code, tokens, question: code ? null : command ? command.question : questionOf(all, text), error };
}

/* An Azure CLI line ("az network vnet subnet create --name s1"): its command groups narrow down to the
 * resource its verb acts on, so where two groups name resources, the one before the verb is what it
 * asks about (Subnets), and the groups before it are its context (the virtual network it sits in). */
const AZ_VERBS = new Set(["create", "list", "show", "delete", "update", "set", "add", "remove", "start", "stop",
  "restart", "attach", "detach", "download", "upload", "register", "archive", "restore", "invoke", "get", "run",
  "submit", "deploy", "import", "export", "cancel", "enable", "disable", "assign", "wait", "stream", "scale"]);
function azureCommand(all, text) {
  if (all[0] !== "az" || /[()]/.test(text)) return null;
  /* A verb may carry a qualifier after a hyphen ("create-for-rbac", "list-keys"). */
  const groups = text.trim().split(/\s+/), verb = groups.findIndex((g, n) => n >= 2 && AZ_VERBS.has(fold(g).split("-")[0]));
  if (verb < 0) return null;
  const resource = words(groups[verb - 1]), start = all.indexOf(resource[0]), topic = resource.filter(topical).length;
  if (start < 0 || !topic) return null;
  /* Where no outer group names a resource ("az ml job show"), the groups are the topic as typed and the
   * verb and what follows only its context: "show" is no part of what is asked. */
  if (!all.slice(1, start).some(specificWord)) {
    const k = start + resource.length;
    return { all, question: { context: k, topic: all.slice(0, k).filter(topical).length, subject: k } };
  }
  /* The resource's words first, then the rest: the ranking reads a question's topic from its start. */
  return { all: [...resource, ...all.slice(0, start), ...all.slice(start + resource.length)],
    question: { context: resource.length, topic, subject: topic } };
}
