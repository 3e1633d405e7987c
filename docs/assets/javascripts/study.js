/* ML Terms study mode (/study/): flashcards scheduled by FSRS (ts-fsrs, loaded only on this page) and
 * a self-quiz, both from study/cards.json, which the build writes from the glossary. Progress lives in
 * localStorage. Every text from the data is set with textContent: nothing in it becomes markup. */
(function () {
  "use strict";
  var KEY = "mlterms-study-v1";
  var RATINGS = [["Again", 1], ["Hard", 2], ["Good", 3], ["Easy", 4]];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), attrs[name]);
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || { cards: {}, tags: [] }; }
    catch (e) { return { cards: {}, tags: [] }; }
  }
  function save(state) { localStorage.setItem(KEY, JSON.stringify(state)); }
  /* A renamed term keeps its progress: cards stored under one of its old slugs (old_slugs in
     cards.json) move to its slug today ("<slug>|<kind>" ids); a card already there wins. */
  function migrate(state, terms) {
    var renamed = {}, moved = false;
    terms.forEach(function (t) { (t.old_slugs || []).forEach(function (old) { renamed[old] = t.slug; }); });
    Object.keys(state.cards).forEach(function (id) {
      var cut = id.lastIndexOf("|"), slug = id.slice(0, cut);
      if (cut < 0 || !Object.prototype.hasOwnProperty.call(renamed, slug)) return;
      var to = renamed[slug] + id.slice(cut);
      if (!state.cards[to]) state.cards[to] = state.cards[id];
      delete state.cards[id];
      moved = true;
    });
    if (moved) save(state);
    return state;
  }
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.FSRS) return resolve();
      var script = el("script", { src: src });
      script.onload = resolve; script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function start(app) {
    var base = new URL(app.getAttribute("data-base"), location.href);
    Promise.all([
      fetch(new URL("study/cards.json", base)).then(function (r) { return r.json(); }),
      loadScript(new URL("assets/javascripts/ts-fsrs.umd.js", base).href)
    ]).then(function (results) { run(app, results[0], base); });
  }

  function run(app, terms, base) {
    var F = window.FSRS, scheduler = F.fsrs();
    var state = migrate(load(), terms);
    var bySlug = {};
    terms.forEach(function (t) { bySlug[t.slug] = t; });
    var tags = Array.from(new Set([].concat.apply([], terms.map(function (t) { return t.tags; })))).sort();
    var current = null, flipped = false;

    function inDeck(term) {
      return !state.tags.length || term.tags.some(function (tag) { return state.tags.indexOf(tag) >= 0; });
    }
    function cardsOf(term) { return [term.slug + "|forward", term.slug + "|reverse"]; }
    function record(id) {
      var raw = state.cards[id];
      return raw ? F.TypeConvert.card(raw) : null;
    }
    function counts(filter) {
      var now = new Date(), due = 0, fresh = 0, learned = 0;
      terms.filter(filter).forEach(function (term) {
        cardsOf(term).forEach(function (id) {
          var card = record(id);
          if (!card) fresh++;
          else if (card.due <= now) due++;
          else learned++;
        });
      });
      return { due: due, fresh: fresh, learned: learned };
    }
    function next() {
      var now = new Date(), due = [], fresh = [];
      terms.filter(inDeck).forEach(function (term) {
        cardsOf(term).forEach(function (id) {
          var card = record(id);
          if (!card) fresh.push([id, null]);
          else if (card.due <= now) due.push([id, card]);
        });
      });
      due.sort(function (a, b) { return a[1].due - b[1].due; });
      return due[0] || fresh[0] || null;
    }

    /* --- the page ------------------------------------------------------------------------- */
    app.textContent = "";
    var stats = el("p", { class: "study-stats", "aria-live": "polite" });
    var deck = el("fieldset", { class: "study-deck" }, [el("legend", { text: "Deck: all terms, or only these tags" })]);
    tags.forEach(function (tag) {
      var box = el("input", { type: "checkbox", value: tag, id: "study-tag-" + tag });
      box.checked = state.tags.indexOf(tag) >= 0;
      box.addEventListener("change", function () {
        state.tags = Array.from(deck.querySelectorAll("input:checked")).map(function (b) { return b.value; });
        save(state); show();
      });
      deck.appendChild(el("label", { class: "study-tag", for: box.id }, [box, document.createTextNode(" " + tag)]));
    });
    var front = el("div", { class: "study-front", tabindex: "0" });  // click or Space/Enter: the answer
    var back = el("div", { class: "study-back", hidden: "" });
    var flip = el("button", { class: "md-button md-button--primary study-flip", text: "Show answer", type: "button" });
    var grades = el("div", { class: "study-grades", hidden: "" });
    RATINGS.forEach(function (pair, i) {
      grades.appendChild(el("button", { class: "md-button study-grade", type: "button", "data-rating": pair[1],
        text: (i + 1) + " · " + pair[0], onclick: function () { grade(pair[1]); } }));
    });
    var card = el("section", { class: "study-card", "aria-label": "Flashcard" }, [front, flip, back, grades]);
    var perTag = el("table", { class: "study-per-tag" });
    var tools = el("p", { class: "study-tools" }, [
      el("button", { class: "md-button", type: "button", text: "Reset progress", onclick: function () {
        if (confirm("Forget all your progress?")) { state.cards = {}; save(state); show(); }
      } }),
      el("button", { class: "md-button", type: "button", text: "Export progress", onclick: function () {
        var blob = new Blob([JSON.stringify(state)], { type: "application/json" });
        var a = el("a", { href: URL.createObjectURL(blob), download: "ml-terms-progress.json" });
        document.body.appendChild(a); a.click(); a.remove();
      } }),
      el("label", { class: "md-button", for: "study-import", text: "Import progress" }),
      el("input", { type: "file", id: "study-import", accept: "application/json", class: "study-import",
        onchange: function (e) {
          var file = e.target.files[0];
          if (file) file.text().then(function (text) {
            var data = JSON.parse(text);
            if (data && typeof data.cards === "object") { state = migrate({ cards: data.cards, tags: data.tags || [] }, terms); save(state); show(); }
          });
        } })
    ]);
    var quiz = el("section", { class: "study-quiz", "aria-label": "Quiz" });
    app.appendChild(el("h2", { text: "Flashcards", id: "flashcards" }));
    app.appendChild(deck);
    app.appendChild(stats);
    app.appendChild(card);
    app.appendChild(el("h2", { text: "Progress by tag", id: "progress" }));
    app.appendChild(perTag);
    app.appendChild(tools);
    app.appendChild(el("h2", { text: "Quiz", id: "quiz" }));
    app.appendChild(quiz);

    function show() {
      var c = counts(inDeck);
      stats.textContent = "Due now: " + c.due + " · new: " + c.fresh + " · learned: " + c.learned;
      perTag.textContent = "";
      perTag.appendChild(el("tr", {}, ["Tag", "Due", "New", "Learned"].map(function (h) { return el("th", { text: h, scope: "col" }); })));
      tags.forEach(function (tag) {
        var t = counts(function (term) { return term.tags.indexOf(tag) >= 0; });
        perTag.appendChild(el("tr", {}, [el("th", { text: tag, scope: "row" }), el("td", { text: String(t.due) }),
          el("td", { text: String(t.fresh) }), el("td", { text: String(t.learned) })]));
      });
      current = next();
      flipped = false;
      back.hidden = true; grades.hidden = true; flip.hidden = false;
      front.textContent = ""; back.textContent = "";
      if (!current) { front.appendChild(el("p", { text: "Nothing due: come back later, or add tags to the deck." })); flip.hidden = true; return; }
      var parts = current[0].split("|"), term = bySlug[parts[0]], forward = parts[1] === "forward";
      front.setAttribute("data-card", current[0]);
      front.appendChild(forward ? el("p", { class: "study-term", text: term.title })
                                : el("p", { class: "study-definition", text: term.summary }));
      front.appendChild(el("p", { class: "study-hint", text: forward ? "What does it mean?" : "Which term is this?" }));
      back.appendChild(forward ? el("p", { class: "study-definition", text: term.summary })
                               : el("p", { class: "study-term", text: term.title }));
      back.appendChild(el("p", { class: "study-notes", text: term.notes }));
      if (term.plot) back.appendChild(el("img", { src: new URL(term.plot, base).href, alt: "Plot for " + term.title, loading: "lazy" }));
      back.appendChild(el("p", {}, [el("a", { href: new URL(term.url, base).href, text: "Open " + term.title })]));
    }
    function reveal() {
      if (!current || flipped) return;
      flipped = true; back.hidden = false; grades.hidden = false; flip.hidden = true;
      grades.querySelector("button").focus();
    }
    function grade(rating) {
      if (!current || !flipped) return;
      var now = new Date(), was = current[1] || F.createEmptyCard(now);
      state.cards[current[0]] = scheduler.next(was, now, rating).card;
      save(state); show(); front.focus();
    }
    flip.addEventListener("click", reveal);
    front.addEventListener("click", reveal);
    app.addEventListener("keydown", function (e) {
      if (e.target.closest && e.target.closest(".study-quiz, .study-deck, .study-tools")) return;
      if ((e.key === " " || e.key === "Enter") && !flipped) { e.preventDefault(); reveal(); }
      else if (flipped && "1234".indexOf(e.key) >= 0 && e.key.length === 1) { e.preventDefault(); grade(Number(e.key)); }
    });
    var touchX = null;
    card.addEventListener("touchstart", function (e) { touchX = e.touches[0].clientX; }, { passive: true });
    card.addEventListener("touchend", function (e) {
      if (touchX === null) return;
      var dx = e.changedTouches[0].clientX - touchX; touchX = null;
      if (!flipped) return;
      if (dx > 60) grade(3); else if (dx < -60) grade(1);  // swipe right: good, swipe left: again
    });

    /* --- the quiz: which term matches this definition? ------------------------------------ */
    function startQuiz() {
      var pool = terms.filter(inDeck), asked = 0, score = {}, questions = [];
      var shuffled = pool.slice().sort(function () { return Math.random() - 0.5; });
      questions = shuffled.slice(0, Math.min(10, shuffled.length));
      function ask() {
        quiz.textContent = "";
        if (asked >= questions.length) {
          quiz.appendChild(el("p", { class: "study-score", text: "Done. Your score by tag:" }));
          var list = el("ul", {});
          Object.keys(score).sort().forEach(function (tag) {
            list.appendChild(el("li", { text: tag + ": " + score[tag][0] + " of " + score[tag][1] }));
          });
          quiz.appendChild(list);
          quiz.appendChild(el("button", { class: "md-button", type: "button", text: "Another quiz", onclick: startQuiz }));
          return;
        }
        var term = questions[asked];
        var same = terms.filter(function (t) { return t.slug !== term.slug && t.tags.some(function (g) { return term.tags.indexOf(g) >= 0; }); });
        var others = terms.filter(function (t) { return t.slug !== term.slug; });
        var distractors = (same.length >= 3 ? same : others).slice().sort(function () { return Math.random() - 0.5; }).slice(0, 3);
        var options = distractors.concat([term]).sort(function () { return Math.random() - 0.5; });
        quiz.appendChild(el("p", { class: "study-question", text: "Question " + (asked + 1) + " of " + questions.length + ": which term is this?" }));
        quiz.appendChild(el("blockquote", { class: "study-definition", text: term.summary }));
        var choices = el("div", { class: "study-options", role: "group", "aria-label": "Answers" });
        var feedback = el("p", { class: "study-feedback", "aria-live": "polite" });
        options.forEach(function (option) {
          choices.appendChild(el("button", { class: "md-button study-option", type: "button", text: option.title,
            "data-slug": option.slug, onclick: function () {
              var right = option.slug === term.slug;
              term.tags.forEach(function (tag) { score[tag] = score[tag] || [0, 0]; score[tag][1]++; if (right) score[tag][0]++; });
              Array.from(choices.children).forEach(function (b) { b.disabled = true; });
              feedback.textContent = right ? "Right: " : "Not quite. The answer is ";
              feedback.className = "study-feedback " + (right ? "study-right" : "study-wrong");
              feedback.appendChild(el("a", { href: new URL(term.url, base).href, text: term.title }));
              asked++;
              quiz.appendChild(el("button", { class: "md-button md-button--primary study-next", type: "button",
                text: asked < questions.length ? "Next question" : "See your score", onclick: ask }));
            } }));
        });
        quiz.appendChild(choices);
        quiz.appendChild(feedback);
      }
      ask();
    }
    quiz.appendChild(el("p", { text: "Ten definitions from your deck; pick the term each one defines. Wrong answers come from the same tag." }));
    quiz.appendChild(el("button", { class: "md-button md-button--primary study-start", type: "button", text: "Start the quiz", onclick: startQuiz }));
    show();
  }

  function mount() {
    var app = document.getElementById("study-app");
    if (app && !app.getAttribute("data-started")) { app.setAttribute("data-started", "1"); start(app); }
  }
  if (window.document$) window.document$.subscribe(mount); else document.addEventListener("DOMContentLoaded", mount);
})();
