/* ML Terms study mode: the pure helpers of study.js (the order new cards come in, the next card, the
 * quiz's wrong options, the recall chip's words). Loaded on every page just before study.js; exported
 * for `node --test` (tests/js/study.test.js). */
"use strict";

var STUDY_KEY = "mlterms-study-v1";
var SPACING = 5;   // a term's cards are never closer than this many cards apart
var DAY = 86400000;

/* The cards of a term: term -> definition, definition -> term, and the cloze of its definition. */
function cardIds(term) {
  var ids = [term.slug + "|forward", term.slug + "|reverse"];
  if (term.cloze) ids.push(term.slug + "|cloze");
  return ids;
}

/* New terms in an order that teaches: within a topic (a term's first tag), the terms others build on
   first (most linked to from other definitions, then a term's own links), and the topics interleaved,
   one term of each in turn, largest topic first. Not A–Z. */
function teachingOrder(terms) {
  var linkedFrom = {};
  terms.forEach(function (t) { (t.links || []).forEach(function (s) { linkedFrom[s] = (linkedFrom[s] || 0) + 1; }); });
  var topics = {};
  terms.forEach(function (t) { var tag = t.tags[0] || ""; (topics[tag] = topics[tag] || []).push(t); });
  var queues = Object.keys(topics).map(function (tag) {
    return topics[tag].slice().sort(function (a, b) {
      return (linkedFrom[b.slug] || 0) - (linkedFrom[a.slug] || 0) ||
        (a.links || []).length - (b.links || []).length || (a.slug < b.slug ? -1 : 1);
    });
  }).sort(function (a, b) { return b.length - a.length || (a[0].slug < b[0].slug ? -1 : 1); });
  var out = [];
  for (var round = 0; out.length < terms.length; round++) {
    queues.forEach(function (q) { if (round < q.length) out.push(q[round]); });
  }
  return out;
}

/* Card ids of new terms: each term's first card in the teaching order, its second card `SPACING` terms
   later and its third `2 * SPACING` later, so a term's directions are far apart. */
function newCardQueue(ordered) {
  var out = [], lanes = ordered.map(cardIds);
  var last = ordered.length + 2 * SPACING;
  for (var i = 0; i < last; i++) {
    for (var k = 0; k < 3; k++) {
      var lane = lanes[i - k * SPACING];
      if (lane && lane[k]) out.push(lane[k]);
    }
  }
  return out;
}

/* The next card: the most overdue card, else the next new one, skipping any term among the last
   SPACING shown (`recent`, slugs); `prefer` (a slug, from "Review now") comes first when it can. */
function pickNext(due, fresh, recent, prefer) {
  var slugOf = function (id) { return id.split("|")[0]; };
  var free = function (id) { return recent.indexOf(slugOf(id)) < 0; };
  if (prefer) {
    var mine = due.concat(fresh).filter(function (id) { return slugOf(id) === prefer; });
    if (mine.length) return mine[0];
  }
  return due.filter(free)[0] || fresh.filter(free)[0] || due[0] || fresh[0] || null;
}

/* Three wrong options for a term: its compare group first (the terms people confuse it with), then
   its tag-mates, then any term; never the term, never one the build marks as a defensible answer
   (`avoid`: near-duplicates), never one whose name is also an answer. `shuffle` orders a list. */
function distractors(term, terms, shuffle) {
  var bySlug = {};
  terms.forEach(function (t) { bySlug[t.slug] = t; });
  var banned = {};
  banned[term.slug] = true;
  (term.avoid || []).forEach(function (s) { banned[s] = true; });
  var compared = [].concat.apply([], (term.compare || []).map(function (c) { return c.others; }));
  var mates = terms.filter(function (t) { return t.tags.some(function (g) { return term.tags.indexOf(g) >= 0; }); });
  var pool = shuffle(compared.map(function (s) { return bySlug[s]; }).filter(Boolean))
    .concat(shuffle(mates), shuffle(terms.slice()));
  var out = [], titles = {};
  titles[term.title.toLowerCase()] = true;
  for (var i = 0; i < pool.length && out.length < 3; i++) {
    var t = pool[i], key = t.title.toLowerCase();
    if (banned[t.slug] || titles[key] || (t.avoid || []).indexOf(term.slug) >= 0) continue;
    titles[key] = true;
    out.push(t);
  }
  return out;
}

/* What the chip on a term page says, from this browser's progress (`state`), or null: nothing for a
   reader who never studied. `now`: a Date. */
function recallOf(state, slug, now) {
  if (!state || !state.cards || !Object.keys(state.cards).length) return null;
  var ids = Object.keys(state.cards).filter(function (id) { return id.split("|")[0] === slug; });
  if (!ids.length) return { kind: "new" };
  var due = Math.min.apply(null, ids.map(function (id) { return new Date(state.cards[id].due).getTime(); }));
  var recalled = ids.filter(function (id) { return (state.rated || {})[id] >= 2; }).map(function (id) {
    return new Date(state.cards[id].last_review || state.cards[id].due).getTime();
  });
  var out = { kind: due <= now.getTime() ? "due-now" : "due", dueDays: Math.ceil((due - now.getTime()) / DAY) };
  if (recalled.length) out.recalledDays = Math.floor((now.getTime() - Math.max.apply(null, recalled)) / DAY);
  return out;
}

function recallText(recall) {
  if (recall.kind === "new") return "New to you";
  var parts = [recall.kind === "due-now" ? "Due for review now" :
    "Due in " + recall.dueDays + " day" + (recall.dueDays === 1 ? "" : "s")];
  if (recall.recalledDays !== undefined) {
    parts.push(recall.recalledDays === 0 ? "last recalled today" : "last recalled " + recall.recalledDays +
      " day" + (recall.recalledDays === 1 ? "" : "s") + " ago");
  }
  return parts.join(" · ");
}

if (typeof module !== "undefined") {
  module.exports = { cardIds: cardIds, teachingOrder: teachingOrder, newCardQueue: newCardQueue,
    pickNext: pickNext, distractors: distractors, recallOf: recallOf, recallText: recallText, SPACING: SPACING };
}
