/* ML Terms search worker: Material's search messages, our index (scripts/mlterms/outputs/search_files.py).
 *
 * Material's main script sends SETUP (the small bootstrap config) on every page, then QUERY for
 * every keystroke; this answers READY at once and fetches nothing until the first real query.
 * Then: names.json (every page's names: exact, prefix and typo-tolerant matching), the full-text
 * shards of the query's words (search/text/<first two letters>.json), and for the pages shown
 * their locations (search/loc/<n>.json) and result texts (search/docs/<n>.json).
 * This file loads and answers; reading, matching and ranking a query (README "Search") are in
 * mlterms-search-rank.js, loaded with the core helpers on the way to the first query.
 * Word normalisation must stay identical to search_words.words(): a test checks both. */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const WARM = "mlterms-warm";  // sent by overrides/main.html when the reader heads for the search box
/* The pure helpers (mlterms-search-core.js) and the matching and ranking (mlterms-search-rank.js),
 * loaded when the reader first heads for the search box, not on every page. */
let fold, canon, words, escapeHTML, shardName, lexicon, expand, latePrefix, codeQuery, errorMessage, messageIn, distance, commandWords, compareSides,
  suggestion, docsSearch, absentIn, sameWord, contextStart, indexNames, mark, plain, withPrefix, spelledOut, stem, initialRuns, ALIAS, RELATED,
  QUESTION, CURATED;
function loadCore() {
  if (fold) return;
  importScripts(new URL("mlterms-search-core.js", self.location.href).href,
    new URL("mlterms-search-rank.js", self.location.href).href);
  ({ fold, canon, words, escapeHTML, shardName, lexicon, expand, latePrefix, codeQuery, errorMessage, messageIn, distance, commandWords, compareSides,
    suggestion, docsSearch, absentIn, sameWord, contextStart, indexNames, mark, plain, withPrefix, spelledOut, stem, initialRuns } = self.MLTermsCore);
  ({ ALIAS, RELATED, QUESTION, CURATED } = self.MLTermsCore.FIELDS);
  STOP = new Set(config.mlterms.stop.flatMap(w => [w, canon(w)]));  // query words are canonical: "does" is "doe"
}
let STOP = new Set();  // search_engine.STOP_WORDS, from the bootstrap
const WITH_TEXT = 12, SECTIONS = 2;  // result texts and sections shown (the ranking keeps RESULTS)
class Stale extends Error {}  // a newer keystroke arrived: this query's answer would be thrown away

let config = null, base = null, names = null, namesLoading = null, shardSet = new Set();
const textShards = new Map(), docShards = new Map(), locShards = new Map();

async function fetchJSON(path) {
  const response = await fetch(new URL(path, base));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/* The names index (core indexNames), built once from names.json on the first real query. */
function loadNames() {
  loadCore();
  if (!namesLoading) namesLoading = fetchJSON("names.json").then(data => { names = indexNames(data, STOP); });
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

/* The locations of `pages` (search/loc/<n>.json, locationBlock pages per file): page -> location. */
async function locationsOf(pages) {
  const block = config.mlterms.locationBlock;
  const blocks = [...new Set(pages.map(p => Math.floor(p / block)))];
  for (const b of blocks) if (!locShards.has(b)) locShards.set(b, fetchJSON(`loc/${b}.json`));
  const loaded = new Map(await Promise.all(blocks.map(async b => [b, await locShards.get(b)])));
  return page => loaded.get(Math.floor(page / block))[page % block];
}

async function docShard(n) {
  if (!docShards.has(n)) docShards.set(n, fetchJSON(`docs/${n}.json`).then(rows => {
    const byDoc = new Map();
    for (const [page, section, location, title, text, tags] of rows) byDoc.set(page * config.mlterms.sectionsPerPage + section, { location, title, text, tags });
    return byDoc;
  }));
  return docShards.get(n);
}


function check(id) {
  return () => { if (id !== latest) throw new Stale(); };
}

/* Search by meaning (mlterms-search-meaning.js and the model in search/meaning/), loaded at the first
 * question: a query of MEANING_WORDS words or more that is not code. Its answer re-ranks the first
 * answer's terms: each page's best cosine with the question, less MEANING_STEP for each place it
 * stood lower by words (measured on the reader set, README "Search"). */
const MEANING_WORDS = 4, MEANING_STEP = 0.04, MEANING_PLACES = 3, MEANING_ADDS = 3, MEANING_FIRST = 5;
let MEANING_WAIT = 120;  // ms without a newer keystroke before a question is read by meaning
const NO_WAIT = "mlterms-no-wait";  // from a caller that sends whole queries, one at a time (the tests' harness)
let meaningLoading = null;
function asksMeaning(query, unfound = false) {
  return Boolean(config.mlterms.meaning) && (unfound || query.trim().split(/\s+/).length >= MEANING_WORDS)
    && !/[()=_\[\]{}]|\w\.\w/.test(query) && !(self.navigator && navigator.connection && navigator.connection.saveData);
}
function loadMeaning() {
  if (!meaningLoading)
    meaningLoading = new Promise(resolve => resolve(importScripts(new URL("mlterms-search-meaning.js", self.location.href).href)))
      .then(() => self.MLTermsMeaning.load(base));
  return meaningLoading;
}

/* The ranked pages re-ranked by meaning: the first MEANING_FIRST by words and the MEANING_ADDS
 * nearest by meaning, ordered by cosine less MEANING_STEP per place by words; the rest after them. */
function byMeaning(ranked, query) {
  const cosine = self.MLTermsMeaning.pageScores(self.MLTermsMeaning.embed(query));
  const nearest = [...cosine.entries()].sort((a, b) => b[1] - a[1]).slice(0, MEANING_ADDS).map(([page]) => page);
  const place = new Map(ranked.map(([page], r) => [page, r]));
  const head = [...ranked.slice(0, MEANING_FIRST)];
  for (const page of nearest)
    if (!head.some(([p]) => p === page)) head.push(ranked.find(([p]) => p === page) || [page, { docs: new Map() }, 0, 0]);
  const score = ([page]) => (cosine.get(page) || 0) - MEANING_STEP * Math.min(MEANING_PLACES, place.has(page) ? place.get(page) : MEANING_PLACES);
  head.sort((a, b) => score(b) - score(a));
  return [...head, ...ranked.filter(([page]) => !head.some(([p]) => p === page))];
}

/* The query as search by meaning reads it: as the words read it (an error message without the values
 * it quotes), each misspelt word replaced by the name's word the words matched it to ("run to epcoh 50"
 * is read as "run to epoch 50"). The model splits a word it does not know into pieces that mean
 * something else, so a typo or a quoted value would pull the question towards other pages. */
function spelt(query, typos) {
  return query.replace(/[\p{L}\p{N}]+/gu, written => {
    const token = words(written);
    return token.length === 1 && typos.has(token[0]) ? typos.get(token[0]) : written;
  });
}

async function search(query, id = latest, meaning = false) {
  if (!/[\p{L}\p{N}]/u.test(query)) return { items: [] };  // Material sends the empty box on every page
  loadCore();
  await loadNames();
  check(id)();
  const { text, all, code, tokens, question, error } = read(query);
  const { pages, matched, generic, weight, sides, fixed, typos } = await match(text, tokens, all, code, question, check(id));
  const scored = rank(pages, tokens, code, question ? Math.max(1, question.topic) : tokens.length, generic, weight);
  /* A library's message the crosswalk curates, held whole: the term that explains it comes first, and
   * nothing is read by meaning (the reader pasted what the library printed). */
  const told = messageIn(query, names.messages);
  const byWords = told === null ? scored
    : [scored.find(([p]) => p === told) || [told, { docs: new Map() }, 0, 0], ...scored.filter(([p]) => p !== told)];
  /* A full name typed is what is asked, whatever it means. */
  const ranked = meaning && told === null && !byWords.some(([, e]) => e.exact >= ALIAS) ? byMeaning(byWords, spelt(text, typos)) : byWords;

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
  const group = told !== null || ranked.some(([, e]) => e.exact >= ALIAS) ? null : compareGroup(sides);  // "one vs rest" is a name
  const [loaded, locationOf] = await Promise.all([
    Promise.all(shards.map(async n => [n, await docShard(n)])).then(rows => new Map(rows)),
    locationsOf([...ranked.map(([page]) => page), ...(group ? [group[1]] : [])])]);
  check(id)();

  const extra = [];  // before the ranked pages: a compare line, or "no term"
  const none = group || told !== null ? null : noTerm(byWords, tokens, code, all, question, fixed);
  if (group) {
    const [[, difference], x, y] = group;
    extra.push([{ location: `${locationOf(x)}#compare-with`,
      /* Material shows no text for a result that points at a section: the difference goes in the title. */
      title: `${names.pages[x][0]} vs ${names.pages[y][0]}<span class="mlterms-result-text">${escapeHTML(difference)}</span>`,
      text: "", terms }]);
  } else if (none) {
    /* Where the closest terms are: after this line, or (shown second) one above it and the rest after. */
    const closest = !ranked.length ? "" : none.second ? "the closest term is above, more follow" : "the closest terms follow";
    const title = `No term for ‘${escapeHTML(query.trim())}’ in this glossary`;
    if (none.absent) {
      /* A well-known concept the glossary has no term for (crosswalk absent:, or an abbreviation marked none). */
      const [, name, source] = none.absent;
      extra.push([{ location: source, title, terms,
        text: escapeHTML(`‘${name}’ is not covered here. Open this for ${new URL(source).hostname}'s page on it`
          + (closest ? `; ${closest}.` : ".")) }]);
    } else {
      const docs = docsSearch(query);
      extra.push([{ location: docs.url, title, terms,
        text: escapeHTML(`${closest ? `${closest[0].toUpperCase()}${closest.slice(1)}. ` : ""}Open this to search ${docs.name} instead.`) }]);
    }
  }
  const found = ranked.map(([page, e], r) => {
    const [title, , term] = names.pages[page];
    const location = locationOf(page);
    const docs = loaded.get(Math.floor(page / perShard));
    const article = docs && r < WITH_TEXT ? docs.get(page * sectionsPer) : null;
    const group_ = [{ location, title: mark(title, isHit), text: article ? mark(article.text, isHit) : "",
      tags: article ? article.tags : undefined, terms }];
    if (docs && r < WITH_TEXT && !term) {
      for (const [doc] of [...e.docs.entries()].sort((a, b) => b[1] - a[1])) {
        const section = docs.get(doc);
        if (doc % sectionsPer === 0 || !section || plain(section.title) === plain(title)) continue;
        group_.push({ location: section.location, title: mark(section.title, isHit), text: "", terms });
        if (group_.length > SECTIONS) break;
      }
    }
    return group_;
  });
  const shown = none && none.second ? [...found.slice(0, 1), ...extra, ...found.slice(1)] : [...extra, ...found];
  /* Material's Enter opens the result with the highest data-md-score, not the first one shown: the
   * scores count down in the order shown. A page's sections tie with it (shown under it, no toggle). */
  const items = shown.map((group_, n) => group_.map(item => ({ ...item, score: (shown.length - n) * 10 })));
  const completion = suggestion(query, names.surface);
  /* prose: answer() may read it by meaning; not code, nor an error's message (what it says is in no page's
   * words: "could not convert string to float" is near shapes and layers, and the words find its term). */
  return { items, suggest: completion ? [completion] : [], prose: told === null && !code && !(error && (error.first || error.message)),
    unfound: Boolean(none && !none.absent) };
}

let latest = 0, queue = Promise.resolve();
addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    config = message.data.config;
    shardSet = new Set(config.mlterms.shards);
    base = new URL("../../search/", self.location.href);
    postMessage({ type: READY });
  } else if (message === NO_WAIT) {
    MEANING_WAIT = 0;  // no keystroke can follow: read a question by meaning at once
  } else if (message === WARM) {
    if (config) loadNames().catch(() => {});  // answered by nothing: the index is simply ready sooner
  } else if (message.type === QUERY) {
    const id = ++latest;
    queue = queue.then(() => answer(message.data, id));
  }
});

/* Answer a query by words at once; a question, once more by meaning when no newer keystroke came
 * within MEANING_WAIT and the model is in (the first answer says `refining`, so a test knows a second
 * one follows). Neither the wait nor the model's download holds up the next keystroke's answer. */
async function answer(query, id) {
  if (id !== latest) return;  // a newer query is already waiting: answer that one
  let data;
  try {
    data = await search(query, id);
  } catch (error) {
    if (error instanceof Stale) return;  // dropped between two fetches: the newer query answers
    console.warn(`search failed: ${error}`);
    data = { items: [] };
  }
  if (id !== latest) return;
  const refine = Boolean(data.prose) && asksMeaning(query, data.unfound);  // code is read by its names
  postMessage({ type: RESULT, data: { ...data, query, refining: refine } });
  if (!refine) return;
  const later = () => { if (id === latest) queue = queue.then(() => refineByMeaning(query, id, data)); };
  const waited = new Promise(resolve => setTimeout(resolve, MEANING_WAIT));
  /* A question starts the model's download at once; a query no term matches (often a word still being
   * typed) only once the reader has paused. */
  const model = asksMeaning(query) ? loadMeaning() : waited.then(() => (id === latest ? loadMeaning() : null));
  Promise.all([model, waited]).then(later, error => {
    console.warn(`search by meaning failed to load: ${error}`);
    if (id === latest) postMessage({ type: RESULT, data: { ...data, query, refining: false } });
  });
}

async function refineByMeaning(query, id, byWords) {
  if (id !== latest) return;
  let data = byWords;
  try {
    data = await search(query, id, true);
  } catch (error) {
    if (error instanceof Stale) return;
    console.warn(`search by meaning failed: ${error}`);
  }
  if (id === latest) postMessage({ type: RESULT, data: { ...data, query, refining: false } });
}
