// The study page's pure helpers (docs/assets/javascripts/study-core.js), run by `node --test`
// (tests/test_js_units.py runs this file under pytest).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const study = require("../../docs/assets/javascripts/study-core.js");

function terms(n, tagsOf) {
  return Array.from({ length: n }, (_, i) => ({
    slug: "t" + String(i).padStart(3, "0"), title: "Term " + i, tags: [tagsOf(i)],
    links: i > 0 ? ["t000"] : [], cloze: i % 2 ? ["a ", "b", " c"] : null,
  }));
}

test("a term's cards are never within SPACING cards of each other in the new-card queue", () => {
  const queue = study.newCardQueue(study.teachingOrder(terms(40, (i) => "tag" + (i % 4))));
  assert.equal(queue.length, 40 * 2 + 20);
  // a session: each card shown is graded and the next one picked as the page does
  const recent = [], shown = [];
  let fresh = queue.slice();
  while (fresh.length) {
    const id = study.pickNext([], fresh, recent, null);
    fresh = fresh.filter((f) => f !== id);
    shown.push(id.split("|")[0]);
    recent.unshift(id.split("|")[0]); recent.length = Math.min(recent.length, study.SPACING);
  }
  assert.equal(shown.length, queue.length);
  // until the last few terms, when no other term is left to put between them
  shown.slice(0, -3 * study.SPACING).forEach((slug, i) => {
    assert.ok(!shown.slice(i + 1, i + 1 + study.SPACING).includes(slug), `${slug} again within 5 at ${i}`);
  });
});

test("new terms come topics interleaved, the most linked-to first, not A-Z", () => {
  const list = terms(12, (i) => (i < 6 ? "a" : "b"));
  list[5].links = []; list[3].links = ["t005", "t000"]; list[4].links = ["t005"];
  const order = study.teachingOrder(list).map((t) => t.slug);
  assert.equal(order[0], "t000");              // linked from every other term
  assert.deepEqual(order.slice(0, 4).map((s) => Number(s.slice(1)) < 6), [true, false, true, false]);
  assert.equal(order[2], "t005");              // then the next most linked-to of topic a
  assert.notDeepEqual(order, list.map((t) => t.slug));
});

test("the next card skips terms shown in the last SPACING cards, and 'Review now' goes first", () => {
  assert.equal(study.pickNext(["a|reverse"], ["b|forward"], ["a"], null), "b|forward");
  assert.equal(study.pickNext(["a|reverse"], ["b|forward"], [], null), "a|reverse");
  assert.equal(study.pickNext([], ["b|forward", "c|forward"], ["b"], null), "c|forward");
  assert.equal(study.pickNext([], ["b|forward", "c|cloze"], [], "c"), "c|cloze");
  assert.equal(study.pickNext([], ["b|forward"], ["b"], null), "b|forward");  // nothing else left
  assert.equal(study.pickNext([], [], [], null), null);
});

test("wrong options: compare group first, never the answer, never a near-duplicate", () => {
  const all = [
    { slug: "data-scaling", title: "Data scaling", tags: ["prep"], avoid: ["scaling-numeric-features"],
      compare: [{ others: ["minmaxscaler", "scaling-numeric-features"], difference: "d", source: "s" }] },
    { slug: "scaling-numeric-features", title: "Scaling numeric features", tags: ["prep"], avoid: ["data-scaling"] },
    { slug: "minmaxscaler", title: "MinMaxScaler", tags: ["prep"], avoid: [] },
    { slug: "imputation", title: "Imputation", tags: ["prep"], avoid: [] },
    { slug: "pca", title: "PCA", tags: ["prep"], avoid: [] },
    { slug: "kmeans", title: "K-means", tags: ["clustering"], avoid: [] },
  ];
  for (let run = 0; run < 20; run++) {
    const shuffle = (l) => l.sort(() => Math.random() - 0.5);
    const picked = study.distractors(all[0], all, shuffle).map((t) => t.slug);
    assert.equal(picked.length, 3);
    assert.equal(picked[0], "minmaxscaler");
    assert.ok(!picked.includes("data-scaling") && !picked.includes("scaling-numeric-features"));
    assert.equal(new Set(picked).size, 3);
    assert.ok(!picked.includes("kmeans"));       // tag-mates before strangers
  }
});

test("the recall chip: nothing for a reader who never studied; new, due, last recalled", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  assert.equal(study.recallOf({ cards: {} }, "a", now), null);
  assert.equal(study.recallOf(null, "a", now), null);
  const state = {
    cards: { "a|forward": { due: "2026-12-09T12:00:00Z", last_review: "2026-12-04T12:00:00Z" },
             "a|reverse": { due: "2026-12-11T12:00:00Z", last_review: "2026-12-05T12:00:00Z" } },
    rated: { "a|forward": 3, "a|reverse": 1 },
  };
  assert.deepEqual(study.recallOf(state, "b", now), { kind: "new" });
  const a = study.recallOf(state, "a", now);
  assert.deepEqual(a, { kind: "due", dueDays: 3, recalledDays: 2 });  // "again" is not a recall
  assert.equal(study.recallText(a), "Due in 3 days · last recalled 2 days ago");
  state.cards["a|forward"].due = "2026-12-06T11:00:00Z";
  assert.equal(study.recallOf(state, "a", now).kind, "due-now");
});
