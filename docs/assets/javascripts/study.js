/* ML Terms study mode (/study/): flashcards scheduled by FSRS (ts-fsrs, loaded only on that page) and a
 * self-quiz, both from study/cards.json, which the build writes from the glossary. Progress lives in
 * localStorage, and nothing is sent anywhere. On a term page, a reader who has studied sees a chip with
 * this term's recall (new, due, last recalled) and "Review now". Every text from the data is set with
 * textContent: nothing in it becomes markup.
 *
 * The pure parts (the order new cards come in, the next card, the quiz's wrong options, the chip) are
 * in study-core.js, loaded just before. */
"use strict";

(function () {
  var RATINGS = [["Again", 1], ["Hard", 2], ["Good", 3], ["Easy", 4]];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), attrs[name]);
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function load() {
    var empty = { cards: {}, tags: [], rated: {}, recent: [] };
    try {
      var state = JSON.parse(localStorage.getItem(STUDY_KEY)) || empty;
      state.rated = state.rated || {}; state.recent = state.recent || []; state.tags = state.tags || [];
      return state;
    } catch (e) { return empty; }
  }
  function save(state) { localStorage.setItem(STUDY_KEY, JSON.stringify(state)); }
  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }
  /* A renamed term keeps its progress: cards and grades stored under one of its old slugs (old_slugs
     in cards.json) move to its slug today ("<slug>|<kind>" ids); a card already there wins. */
  function migrate(state, terms) {
    var renamed = {}, moved = false;
    terms.forEach(function (t) { (t.old_slugs || []).forEach(function (old) { renamed[old] = t.slug; }); });
    function renamedId(id) {
      var cut = id.lastIndexOf("|"), slug = id.slice(0, cut);
      return cut < 0 || !Object.prototype.hasOwnProperty.call(renamed, slug) ? null : renamed[slug] + id.slice(cut);
    }
    [state.cards, state.rated || {}].forEach(function (store) {
      Object.keys(store).forEach(function (id) {
        var to = renamedId(id);
        if (!to) return;
        if (!(to in store)) store[to] = store[id];
        delete store[id];
        moved = true;
      });
    });
    state.recent = (state.recent || []).map(function (slug) { return renamed[slug] || slug; });
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
  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  /* --- the chip on a term page ------------------------------------------------------------ */
  function recallChip() {
    var old = document.querySelector(".study-recall");
    if (old) old.remove();
    var match = location.pathname.match(/\/terms\/([^/]+)\/$/);
    var heading = document.querySelector(".md-content article h1");
    if (!match || !heading) return;
    var recall = recallOf(load(), decodeURIComponent(match[1]), new Date());
    if (!recall) return;
    var href = new URL("study/?review=" + encodeURIComponent(match[1]) + "#flashcards", siteBase()).href;
    heading.insertAdjacentElement("afterend", el("p", { class: "study-recall", "data-recall": recall.kind }, [
      el("span", { class: "study-recall__text", text: "Your recall: " + recallText(recall) }), " ",
      el("a", { href: href, text: "Review now" })]));
  }

  /* --- the study page ----------------------------------------------------------------------- */
  function start(app) {
    var base = new URL(app.getAttribute("data-base"), location.href);
    Promise.all([
      fetch(new URL("study/cards.json", base)).then(function (r) { return r.json(); }),
      loadScript(new URL("assets/javascripts/ts-fsrs.umd.js", base).href)
    ]).then(function (results) { run(app, results[0], base); });
  }

  function layout(app, tags, state, handlers) {
    var parts = {};
    app.textContent = "";
    parts.stats = el("p", { class: "study-stats", "aria-live": "polite" });
    var deck = el("fieldset", { class: "study-deck" }, [el("legend", { text: "All terms, or only these tags" })]);
    tags.forEach(function (tag) {
      var box = el("input", { type: "checkbox", value: tag, id: "study-tag-" + tag });
      box.checked = state.tags.indexOf(tag) >= 0;
      box.addEventListener("change", function () {
        handlers.deck(Array.from(deck.querySelectorAll("input:checked")).map(function (b) { return b.value; }));
      });
      deck.appendChild(el("label", { class: "study-tag", for: box.id }, [box, " " + tag]));
    });
    parts.deckSummary = el("summary", { text: "Deck: all terms" });
    parts.picker = el("details", { class: "study-picker" }, [parts.deckSummary, deck]);
    parts.front = el("div", { class: "study-front", tabindex: "0" });  // click or Space/Enter: the answer
    parts.back = el("div", { class: "study-back", hidden: "", tabindex: "-1" });
    parts.flip = el("button", { class: "md-button md-button--primary study-flip", text: "Show answer", type: "button" });
    parts.grades = el("div", { class: "study-grades", hidden: "", role: "group", "aria-label": "How well did you recall it?" });
    RATINGS.forEach(function (pair, i) {
      parts.grades.appendChild(el("button", { class: "md-button study-grade" + (pair[1] === 3 ? " md-button--primary" : ""),
        type: "button", "data-rating": pair[1], text: (i + 1) + " · " + pair[0],
        onclick: function () { handlers.grade(pair[1]); } }));
    });
    parts.card = el("section", { class: "study-card", "aria-label": "Flashcard" },
                    [parts.front, parts.flip, parts.back, parts.grades]);
    parts.perTag = el("tbody");
    var table = el("table", {}, [el("thead", {}, [el("tr", {}, ["Tag", "Due", "New", "Learned"].map(function (h) {
      return el("th", { text: h, scope: "col" });
    }))]), parts.perTag]);
    var tools = el("div", { class: "study-tools" }, [
      el("button", { class: "md-button", type: "button", text: "Reset progress", onclick: handlers.reset }),
      el("button", { class: "md-button", type: "button", text: "Export progress", onclick: handlers.exportIt }),
      el("label", { class: "md-button", for: "study-import", text: "Import progress" }),
      el("input", { type: "file", id: "study-import", accept: "application/json", class: "study-import",
                    onchange: handlers.importIt })]);
    parts.quiz = el("section", { class: "study-quiz", "aria-label": "Quiz" });
    [el("h2", { text: "Flashcards", id: "flashcards" }), parts.picker, parts.stats, parts.card,
     el("h2", { text: "Progress by tag", id: "progress" }),
     el("div", { class: "md-typeset__scrollwrap", role: "region", "aria-label": "Progress by tag", tabindex: "0" },
        [el("div", { class: "md-typeset__table" }, [table])]), tools,
     el("h2", { text: "Quiz", id: "quiz" }), parts.quiz].forEach(function (node) { app.appendChild(node); });
    return parts;
  }

  function showCard(parts, term, kind, base) {
    var front = parts.front, back = parts.back;
    front.textContent = ""; back.textContent = "";
    if (kind === "forward") {
      front.appendChild(el("p", { class: "study-term", text: term.title }));
      front.appendChild(el("p", { class: "study-hint", text: "What does it mean?" }));
      back.appendChild(el("p", { class: "study-definition", text: term.summary }));
    } else if (kind === "reverse") {
      // The definition with the term's own names masked (cards.json's "masked", written by the build's
      // card_text, as the Anki deck's): a card that named its answer would teach nothing.
      front.appendChild(el("p", { class: "study-definition", text: term.masked }));
      front.appendChild(el("p", { class: "study-hint", text: "Which term is this?" }));
      back.appendChild(el("p", { class: "study-term", text: term.title }));
    } else {
      front.appendChild(el("p", { class: "study-term", text: term.title }));
      front.appendChild(el("p", { class: "study-definition study-cloze" }, [term.cloze[0],
        el("span", { class: "study-blank", text: "[…]" }), term.cloze[2]]));
      front.appendChild(el("p", { class: "study-hint", text: "What is the missing phrase?" }));
      back.appendChild(el("p", { class: "study-definition" }, [term.cloze[0],
        el("mark", { text: term.cloze[1] }), term.cloze[2]]));
    }
    back.appendChild(el("p", { class: "study-notes", text: term.notes }));
    if (term.plot) back.appendChild(el("img", { src: new URL(term.plot, base).href, alt: "Plot for " + term.title, loading: "lazy" }));
    back.appendChild(el("p", {}, [el("a", { href: new URL(term.url, base).href, text: "Open " + term.title })]));
  }

  function run(app, terms, base) {
    var F = window.FSRS, scheduler = F.fsrs();
    var state = migrate(load(), terms);
    var bySlug = {};
    terms.forEach(function (t) { bySlug[t.slug] = t; });
    var tags = Array.from(new Set([].concat.apply([], terms.map(function (t) { return t.tags; })))).sort();
    var queue = newCardQueue(teachingOrder(terms));
    var prefer = new URLSearchParams(location.search).get("review");
    var current = null, flipped = false, parts;

    function inDeck(term) {
      return !state.tags.length || term.tags.some(function (tag) { return state.tags.indexOf(tag) >= 0; });
    }
    function record(id) { var raw = state.cards[id]; return raw ? F.TypeConvert.card(raw) : null; }
    function counts(filter) {
      var now = new Date(), c = { due: 0, fresh: 0, learned: 0, again: 0 };
      terms.filter(filter).forEach(function (term) {
        cardIds(term).forEach(function (id) {
          var card = record(id);
          if (!card) c.fresh++;
          else if (card.due <= now) c.due++;
          else if (state.rated[id] >= 2) c.learned++;  // recalled (hard, good, easy), not just seen
          else c.again++;
        });
      });
      return c;
    }
    function next() {
      var now = new Date(), due = [];
      Object.keys(state.cards).forEach(function (id) {
        var term = bySlug[id.split("|")[0]], card = record(id);
        if (term && inDeck(term) && card.due <= now) due.push([id, card]);
      });
      due.sort(function (a, b) { return a[1].due - b[1].due; });
      var fresh = queue.filter(function (id) { return !state.cards[id] && inDeck(bySlug[id.split("|")[0]]); });
      var id = pickNext(due.map(function (d) { return d[0]; }), fresh, state.recent, prefer);
      return id && [id, record(id)];
    }
    function show() {
      var c = counts(inDeck);
      parts.stats.textContent = "Due now: " + c.due + " · new: " + c.fresh + " · learned: " + c.learned +
        " · again soon: " + c.again;
      parts.deckSummary.textContent = "Deck: " + (state.tags.length ? state.tags.join(", ") : "all terms") + " (change)";
      parts.perTag.textContent = "";
      tags.forEach(function (tag) {
        var t = counts(function (term) { return term.tags.indexOf(tag) >= 0; });
        parts.perTag.appendChild(el("tr", {}, [el("th", { text: tag, scope: "row" }), el("td", { text: String(t.due) }),
          el("td", { text: String(t.fresh) }), el("td", { text: String(t.learned) })]));
      });
      current = next();
      flipped = false;
      parts.back.hidden = true; parts.grades.hidden = true; parts.flip.hidden = false;
      if (!current) {
        parts.front.textContent = ""; parts.back.textContent = "";
        parts.front.appendChild(el("p", { text: "Nothing due: come back later, or add tags to the deck." }));
        parts.flip.hidden = true;
        return;
      }
      var id = current[0].split("|");
      parts.front.setAttribute("data-card", current[0]);
      showCard(parts, bySlug[id[0]], id[1], base);
    }
    function reveal() {
      if (!current || flipped) return;
      flipped = true; parts.back.hidden = false; parts.grades.hidden = false; parts.flip.hidden = true;
      // The answer takes the focus, not a grade: a second Enter must not grade the card, and the
      // question must not scroll away.
      parts.back.focus({ preventScroll: true });
    }
    function grade(rating) {
      if (!current || !flipped) return;
      var now = new Date(), was = current[1] || F.createEmptyCard(now);
      state.cards[current[0]] = scheduler.next(was, now, rating).card;
      state.rated[current[0]] = rating;
      state.recent = [current[0].split("|")[0]].concat(state.recent).slice(0, SPACING);
      if (prefer === current[0].split("|")[0]) prefer = null;
      save(state); show();
      parts.front.focus({ preventScroll: true });
      if (parts.card.getBoundingClientRect().top < 0) parts.card.scrollIntoView({ block: "start" });
    }
    parts = layout(app, tags, state, {
      grade: grade,
      deck: function (chosen) { state.tags = chosen; save(state); show(); },
      reset: function () {
        if (confirm("Forget all your progress?")) { state.cards = {}; state.rated = {}; state.recent = []; save(state); show(); }
      },
      exportIt: function () {
        var blob = new Blob([JSON.stringify(state)], { type: "application/json" });
        var a = el("a", { href: URL.createObjectURL(blob), download: "ml-terms-progress.json" });
        document.body.appendChild(a); a.click(); a.remove();
      },
      importIt: function (e) {
        var file = e.target.files[0];
        if (file) file.text().then(function (text) {
          var data = JSON.parse(text);
          if (data && typeof data.cards === "object") {
            state = migrate({ cards: data.cards, tags: data.tags || [], rated: data.rated || {}, recent: [] }, terms);
            save(state); show();
          }
        });
      }
    });
    parts.flip.addEventListener("click", reveal);
    parts.front.addEventListener("click", reveal);
    app.addEventListener("keydown", function (e) {
      if (e.target.closest && e.target.closest(".study-quiz, .study-picker, .study-tools")) return;
      if ((e.key === " " || e.key === "Enter") && !flipped && e.target.tagName !== "A") { e.preventDefault(); reveal(); }
      else if (flipped && "1234".indexOf(e.key) >= 0 && e.key.length === 1) { e.preventDefault(); grade(Number(e.key)); }
    });
    var touchX = null;
    parts.card.addEventListener("touchstart", function (e) { touchX = e.touches[0].clientX; }, { passive: true });
    parts.card.addEventListener("touchend", function (e) {
      if (touchX === null) return;
      var dx = e.changedTouches[0].clientX - touchX; touchX = null;
      if (!flipped) return;
      if (dx > 60) grade(3); else if (dx < -60) grade(1);  // swipe right: good, swipe left: again
    });
    quizIntro(parts.quiz, function () { return terms.filter(inDeck); }, terms, base);
    show();
    if (prefer) parts.card.scrollIntoView({ block: "start" });
  }

  /* --- the quiz: which term matches this definition? -------------------------------------- */
  function quizIntro(quiz, pool, terms, base) {
    quiz.textContent = "";
    quiz.appendChild(el("p", { text: "Ten definitions from your deck; pick the term each one defines. The " +
      "wrong options are terms people confuse it with, and terms of the same tag." }));
    quiz.appendChild(el("button", { class: "md-button md-button--primary study-start", type: "button",
      text: "Start the quiz", onclick: function () { startQuiz(quiz, pool(), terms, base); } }));
  }

  function mark(button, kind) {
    button.classList.add(kind === "right" ? "study-option--right" : "study-option--wrong");
    button.insertBefore(el("span", { class: "study-mark", "aria-hidden": "true", text: kind === "right" ? "✓ " : "✗ " }),
                        button.firstChild);
    button.appendChild(el("span", { class: "study-mark-text", text: kind === "right" ? " (right answer)" : " (your pick)" }));
  }

  function explain(term, picked, bySlug) {
    var lines = (term.compare || []).slice().sort(function (a, b) {
      return (b.others.indexOf(picked) >= 0) - (a.others.indexOf(picked) >= 0);
    });
    return lines.map(function (c) {
      var names = c.others.map(function (s) { return bySlug[s] ? bySlug[s].title : s; }).join(", ");
      var p = el("p", { class: "study-compare" }, [el("strong", { text: "Compare with " + names + ": " }), c.difference]);
      if (c.source) p.appendChild(el("span", {}, [" (", el("a", { href: c.source, text: "source" }), ")"]));
      return p;
    });
  }

  function startQuiz(quiz, pool, terms, base) {
    var bySlug = {};
    terms.forEach(function (t) { bySlug[t.slug] = t; });
    var questions = shuffle(pool.slice()).slice(0, Math.min(10, pool.length)), asked = 0, missed = [];
    function finish() {
      quiz.textContent = "";
      var right = questions.length - missed.length;
      quiz.appendChild(el("p", { class: "study-score", text: "Done: " + right + " of " + questions.length + " right." }));
      if (missed.length) {
        quiz.appendChild(el("p", { text: "To review:" }));
        quiz.appendChild(el("ul", { class: "study-review" }, missed.map(function (t) {
          return el("li", {}, [el("a", { href: new URL(t.url, base).href, text: t.title }), " — " + t.summary]);
        })));
      } else quiz.appendChild(el("p", { text: "Nothing to review: every answer right." }));
      quiz.appendChild(el("button", { class: "md-button md-button--primary study-again", type: "button",
        text: "Another quiz", onclick: function () { startQuiz(quiz, pool, terms, base); } }));
    }
    function ask() {
      quiz.textContent = "";
      if (asked >= questions.length) return finish();
      var term = questions[asked];
      var options = shuffle(distractors(term, terms, shuffle).concat([term]));
      quiz.appendChild(el("p", { class: "study-question", text: "Question " + (asked + 1) + " of " + questions.length + ": which term is this?" }));
      quiz.appendChild(el("blockquote", { class: "study-definition", text: term.masked }));  // (no name given away)
      var choices = el("div", { class: "study-options", role: "group", "aria-label": "Answers" });
      var feedback = el("div", { class: "study-feedback", "aria-live": "polite" });
      options.forEach(function (option) {
        choices.appendChild(el("button", { class: "md-button study-option", type: "button", text: option.title,
          "data-slug": option.slug, onclick: function (e) {
            var right = option.slug === term.slug;
            if (!right) missed.push(term);
            Array.from(choices.children).forEach(function (b) {
              b.disabled = true;
              if (b.getAttribute("data-slug") === term.slug) mark(b, "right");
            });
            if (!right) mark(e.currentTarget, "wrong");
            feedback.className = "study-feedback " + (right ? "study-right" : "study-wrong");
            feedback.appendChild(el("p", {}, [right ? "Right: " : "Not quite. The answer is ",
              el("a", { href: new URL(term.url, base).href, text: term.title }), "."]));
            explain(term, option.slug, bySlug).forEach(function (p) { feedback.appendChild(p); });
            asked++;
            var go = el("button", { class: "md-button md-button--primary study-next", type: "button",
              text: asked < questions.length ? "Next question" : "See your score", onclick: ask });
            quiz.appendChild(go);
            go.focus({ preventScroll: true });
          } }));
      });
      quiz.appendChild(choices);
      quiz.appendChild(feedback);
    }
    ask();
  }

  function mount() {
    recallChip();
    var app = document.getElementById("study-app");
    if (app && !app.getAttribute("data-started")) { app.setAttribute("data-started", "1"); start(app); }
  }
  if (window.document$) window.document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
