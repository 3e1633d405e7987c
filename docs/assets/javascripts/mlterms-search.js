/* ML Terms search worker: Material's search messages, our index (scripts/mlterms/search_engine.py).
 *
 * Material's main script sends SETUP (the small bootstrap config) on every page, then QUERY for
 * every keystroke; this answers READY at once and fetches nothing until the first query. Then:
 * names.json (every page's names: exact, prefix and typo-tolerant matching), the full-text shards
 * of the query's words (search/text/<first two letters>.json) and the result texts of the pages
 * shown (search/docs/<n>.json). Ranking: an exact full name first, then pages that match every
 * query word, then score (names weigh more than text; exact > prefix > one typo > two typos).
 * Word normalisation must stay identical to search_engine.words(): a test checks both. */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const WARM = "mlterms-warm";  // sent by overrides/main.html when the reader heads for the search box
let STOP = new Set();  // search_engine.STOP_WORDS, from the bootstrap
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
const WORD = /&[#\w]+;|[\p{L}\p{N}]+/gu;
const TITLE = 10, ALIAS = 8, RELATED = 4, NAMES = 3;  // field weights (RELATED: words only related to a term); names count NAMES times text
const RESULTS = 60, WITH_TEXT = 12;

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
function slugify(text) {  // slugs.slugify(): a term page's location, where names.json leaves it out
  return text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").replace(/\(\)/g, " ").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
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

let config = null, base = null, names = null, namesLoading = null, shardSet = new Set();
const textShards = new Map(), docShards = new Map();

async function fetchJSON(path) {
  const response = await fetch(new URL(path, base));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/* The names index, built once from names.json: word -> postings (page * 16 + field weight), full name -> postings.
 * Flat number arrays, not [page, field] pairs: a fifth of the memory at 20,000 terms. */
function loadNames() {
  if (!namesLoading) namesLoading = fetchJSON("names.json").then(data => {
    const byWord = new Map(), byName = new Map();
    const add = (map, key, value) => { const list = map.get(key); list ? list.push(value) : map.set(key, [value]); };
    const pages = data.pages.map(([title, others, boost, location, related = []], page) => {
      [plain(title), ...others, ...related].forEach((name, n) => {
        const field = n === 0 ? TITLE : n <= others.length ? ALIAS : RELATED;
        const base_ = words(name);
        if (!base_.length) return;
        add(byName, base_.join(" "), page * 16 + field);
        add(byName, base_.join(""), page * 16 + field - 1);
        for (const w of new Set([...base_, ...base_.slice(1).map((w, i) => base_[i] + w)])) add(byWord, w, page * 16 + field);
      });
      return [location ?? `terms/${slugify(plain(title))}/`, title, boost];
    });
    names = { pages, byName, words: lexicon(byWord) };
  });
  return namesLoading;
}

/* The text shard of a word: the one for its longest prefix that has a shard (4, 3, then 2 letters). */
async function textShard(word) {
  const letters = [...word];
  const prefix = [4, 3, 2].map(n => letters.slice(0, n).join("")).find(p => p.length && shardSet.has(p));
  if (!prefix) return null;
  if (!textShards.has(prefix))
    textShards.set(prefix, fetchJSON(`text/${shardName(prefix)}.json`).then(table => lexicon(new Map(Object.entries(table)))));
  return textShards.get(prefix);
}

async function docShard(n) {
  if (!docShards.has(n)) docShards.set(n, fetchJSON(`docs/${n}.json`).then(rows => {
    const byDoc = new Map();
    for (const [page, section, location, title, text, tags] of rows) byDoc.set(page * config.mlterms.sectionsPerPage + section, { location, title, text, tags });
    return byDoc;
  }));
  return docShards.get(n);
}

/* A vocabulary: word -> postings, with its words sorted (prefix lookup) and bucketed by length (typo lookup). */
function lexicon(map) {
  const sorted = [...map.keys()].sort(), byLength = new Map();
  for (const w of sorted) { const list = byLength.get(w.length); list ? list.push(w) : byLength.set(w.length, [w]); }
  return { map, sorted, byLength };
}
function withPrefix(lex, prefix, limit) {
  let lo = 0, hi = lex.sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (lex.sorted[mid] < prefix) lo = mid + 1; else hi = mid; }
  const out = [];
  for (let i = lo; i < lex.sorted.length && out.length < limit && lex.sorted[i].startsWith(prefix); i++) out.push(lex.sorted[i]);
  return out;
}

/* The words of a vocabulary a query word stands for: itself, words it begins, words one or two typos away. */
function expand(token, lex, last, anyMatch = false) {
  const found = new Map();
  const put = (w, weight) => { if ((found.get(w) || 0) < weight) found.set(w, weight); };
  if (lex.map.has(token)) put(token, 1);
  if (token.length >= (last ? 2 : 4))
    for (const w of withPrefix(lex, token, 61)) if (w !== token) put(w, last ? 0.7 : 0.5);
  /* Typos: one in a word of five letters or more, two from nine; a four-letter word only when nothing else matched. */
  if (token.length >= 5 || (token.length === 4 && !found.size && !anyMatch)) {
    const max = token.length >= 9 ? 2 : 1;
    for (let length = token.length - max; length <= token.length + max; length++)
      for (const w of lex.byLength.get(length) || []) {
        if (w === token) continue;
        const d = distance(token, w, max);
        if (d <= max) put(w, d === 1 ? 0.6 : 0.4);
      }
  }
  return found;
}

function mark(html, matches) {
  return (html || "").split(/(<[^>]+>)/).map(part => part.startsWith("<") ? part : part.replace(WORD, w =>
    !w.startsWith("&") && matches(canon(fold(w))) ? `<mark>${w}</mark>` : w)).join("");
}

async function search(query) {
  const all = words(query);
  if (!all.length) return { items: [] };  // Material sends the empty box on every page: fetch nothing
  await loadNames();
  const content = all.filter(w => !STOP.has(w));
  const tokens = content.length ? content : all;
  const N = config.mlterms.pages;
  const pages = new Map();  // page -> {exact, covered:Set, names, text, docs:Map(doc -> score)}
  const entry = p => pages.get(p) || pages.set(p, { exact: 0, covered: new Set(), names: 0, text: 0, docs: new Map() }).get(p);

  for (const key of [all.join(" "), tokens.join(" "), all.join("")])
    for (const code of names.byName.get(key) || []) entry(code >> 4).exact = Math.max(entry(code >> 4).exact, code & 15);

  const matched = new Map();  // query word -> words it matched (for highlighting and the "h" parameter)
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i], last = i === tokens.length - 1;
    const seen = new Map();
    const shard = await textShard(token);
    const anyMatch = withPrefix(names.words, token, 1).length > 0 || Boolean(shard && withPrefix(shard, token, 1).length);
    for (const [w, weight] of expand(token, names.words, last, anyMatch)) {
      seen.set(w, weight);
      const best = new Map();
      for (const code of names.words.map.get(w)) best.set(code >> 4, Math.max(best.get(code >> 4) || 0, weight * (code & 15)));
      for (const [page, score] of best) { const e = entry(page); e.names += score; e.covered.add(i); }
    }
    if (shard) {
      for (const [w, weight] of expand(token, shard, last, anyMatch)) {
        seen.set(w, Math.max(seen.get(w) || 0, weight));
        const postings = shard.map.get(w), df = postings.length / 2, idf = Math.log(1 + N / df);
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
    }
    matched.set(token, seen);
  }

  /* A misspelt full name ("hyperparamter") still puts that name first, just below a correct one. */
  const corrected = tokens.map(t => {
    if (names.words.map.has(t)) return t;
    const best = [...(matched.get(t) || new Map()).entries()].filter(([w]) => names.words.map.has(w))
      .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0];
    return best ? best[0] : t;
  });
  if (corrected.join(" ") !== tokens.join(" "))
    for (const code of names.byName.get(corrected.join(" ")) || []) entry(code >> 4).exact = Math.max(entry(code >> 4).exact, (code & 15) - 3);

  const ranked = [...pages.entries()].filter(([, e]) => e.covered.size || e.exact)
    .map(([page, e]) => [page, e, (NAMES * e.names + e.text) * (names.pages[page][2] || 1)])
    .sort((a, b) => b[1].exact - a[1].exact || b[1].covered.size - a[1].covered.size || b[2] - a[2])
    .slice(0, RESULTS);

  const hits = new Set([...matched.values()].flatMap(m => [...m.keys()]));
  const prefixes = tokens.filter(t => t.length >= 2);
  const isHit = w => hits.has(w) || prefixes.some(t => w.startsWith(t));
  const terms = {};
  for (const [token, seen] of matched) {
    const exactish = [...seen.keys()].find(w => w === token || w.startsWith(token));
    terms[exactish ? token : ([...seen.entries()].sort((a, b) => b[1] - a[1])[0] || [token])[0]] = seen.size > 0;
  }
  const perShard = config.mlterms.pagesPerShard, sectionsPer = config.mlterms.sectionsPerPage;
  const shards = [...new Set(ranked.slice(0, WITH_TEXT).map(([page]) => Math.floor(page / perShard)))];
  const loaded = new Map(await Promise.all(shards.map(async n => [n, await docShard(n)])));

  /* Material's Enter opens the result with the highest data-md-score, not the first one shown: the
   * scores count down in the order shown (a page, then its sections, then the next page). */
  const items = ranked.map(([page, e], rank) => {
    const [location, title] = names.pages[page];
    const docs = loaded.get(Math.floor(page / perShard));
    const article = docs && rank < WITH_TEXT ? docs.get(page * sectionsPer) : null;
    const score = (ranked.length - rank) * 10;
    const group = [{ location, title: mark(title, isHit), text: article ? mark(article.text, isHit) : "",
      tags: article ? article.tags : undefined, score, terms }];
    if (docs && rank < WITH_TEXT) {
      for (const [doc] of [...e.docs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)) {
        if (doc % sectionsPer === 0) continue;
        const section = docs.get(doc);
        if (section) group.push({ location: section.location, title: mark(section.title, isHit),
          text: mark(section.text, isHit), score: score - group.length, terms });
      }
    }
    return group;
  });
  const lastToken = all[all.length - 1];
  const completion = lastToken.length >= 2 ? withPrefix(names.words, lastToken, 2).find(w => w !== lastToken) : null;
  return { items, suggest: completion ? [completion] : [] };
}

let latest = 0, queue = Promise.resolve();
addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    config = message.data.config;
    STOP = new Set(config.mlterms.stop);
    shardSet = new Set(config.mlterms.shards);
    base = new URL("../../search/", self.location.href);
    postMessage({ type: READY });
  } else if (message === WARM) {
    if (config) loadNames().catch(() => {});  // answered by nothing: the index is simply ready sooner
  } else if (message.type === QUERY) {
    const id = ++latest;
    queue = queue.then(async () => {
      if (id !== latest) return;  // a newer query is already waiting: answer that one
      let data;
      try {
        data = await search(message.data);
      } catch (error) {
        console.warn(`search failed: ${error}`);
        data = { items: [] };
      }
      if (id === latest) postMessage({ type: RESULT, data });
    });
  }
});

/* For the test that compares this normalisation with search_engine.words(). */
self.mltermsWords = words;
