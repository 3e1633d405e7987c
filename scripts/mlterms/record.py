"""One frozen record per term, built once per build: what every output renders from.

The glossary (notes + curation + definitions) says what a term *is*. A build
then learns more about it: the examples that serve it, its dates from git,
its place in the link graph. ``assemble`` puts all of that into one
``TermRecord`` per term, with the derived facts every output needs (its URL,
all its names with their folded search keys, its main tag, its A–Z key, its
notes as plain text), so no output re-derives them: search, the study
cards, the deck, the map and the exports (terms.json, CSV, llms.txt) read
these records. The pages, JSON-LD and the feed still render from the curated
``Term`` and the ``Glossary`` (``TermRecord.term``, ``Build.glossary``).
Sphinx's domain registry plays this part there (DESIGN.md § 7).

``assemble`` runs once per build: ``scripts/build.py`` calls it and hands
the result to the MkDocs process (``handoff``); ``mkdocs serve`` alone calls
it in the hook on every rebuild.
"""

from __future__ import annotations

import functools
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from mlterms.errors import Problem
from mlterms.examples import notebooks, snippets
from mlterms.glossary.code_index import identifiers, load_api_cache, save_api_cache
from mlterms.glossary.crosswalk import OtherName
from mlterms.glossary.curate import Glossary, Term, a_to_z, apply_corrections
from mlterms.glossary.definitions import Link
from mlterms.glossary.inputs import Inputs
from mlterms.glossary.lifecycle import lifecycle_label, short_label
from mlterms.glossary.links import (
    PageLinks,
    all_page_links,
    linkable_names,
    mentioned_in,
    page_links,
    related_map,
)
from mlterms.glossary.search_words import words
from mlterms.glossary.slugs import term_url
from mlterms.history import History, TermDate, read_history
from mlterms.memo import Memo
from mlterms.paths import CACHE_DIR, ROOT

UNTAGGED = "untagged"  # the main tag of a term without tags (the map's block for them)
HANDOFF_ENV = "MLTERMS_BUILD"  # the file build.py pickles its Build into, for the MkDocs hook
ASSEMBLIES = 0  # how many times this process assembled the records (build-report.json says; a test counts)


def search_key(text: str) -> str:
    """A name as search matches it: ``glossary.search_words.words`` (folded, British spellings and
    plurals mapped), joined by spaces. The browser's worker folds a query the same way (a test checks both)."""
    return " ".join(words(text))


@dataclass(frozen=True)
class Name:
    """One name a term goes by, and the key search and the map match it on."""

    text: str
    kind: str  # "title", "alias" (curated), "notes" (a title the notes give it), "other" (crosswalk.yml)
    key: str


@dataclass(frozen=True)
class Neighbours:
    """Where a term sits in the link graph."""

    links_to: tuple[str, ...]  # terms its own text links to, in page order
    mentioned_in: tuple[str, ...]  # terms whose text links to it: those sharing a tag first, then A–Z
    related: tuple[str, ...]  # its "Related terms": best tag overlap, plus orphans it hosts


@dataclass(frozen=True)
class Lifecycle:
    """Whether a term is still current, as definitions.yml says (``lifecycle`` turns it into words)."""

    status: str = "current"  # current, deprecated, retired, legacy or renamed
    since: str = ""  # ISO date
    replaced_by: str = ""  # one of our slugs, or a product name
    replaced_by_name: str = ""  # the title of our term it names ("" for a product elsewhere)
    replaced_by_url: str = ""
    source: str = ""  # the official page that says so
    note: str = ""  # a short qualifier the badge shows
    label: str = ""  # "Deprecated since 31 March 2025 · … · replaced by …" ("" when current)
    short: str = ""  # "Deprecated since 31 March 2025" ("" when current): the prefix of a bare summary


def _lifecycle(term: Term) -> Lifecycle:
    return Lifecycle(term.status, term.status_since, term.replaced_by, term.replaced_by_name, term.replaced_by_url,
                     term.status_source, term.status_note, lifecycle_label(term),
                     short_label(term.status, term.status_since))


@dataclass(frozen=True)
class TermRecord:
    """Everything an output needs to show one term. Built by ``assemble``; never changed after.

    ``term`` is the curated term itself, kept for the one output that renders
    the notes' text line by line (the term page, and its print copy); every
    other field is a copy or a fact derived once here.
    """

    term: Term
    slug: str
    first_slug: str  # the slug it was first published under (oldest old_slugs entry, else slug)
    old_slugs: tuple[str, ...]
    url: str  # site path of its page, "terms/<slug>/"
    title: str
    aliases: tuple[str, ...]  # curated, as the curation file lists them ("Also called")
    names: tuple[Name, ...]  # title first, then aliases, the notes' own titles, other communities' names
    related_words: tuple[str, ...]  # words only related to it (curation `related:`): search finds it by them
    questions: tuple[str, ...]  # readers' questions it answers (crosswalk kind question): search weighs them least
    messages: tuple[str, ...]  # library error and warning messages it explains (crosswalk kind message): search
    crosswalk: tuple[OtherName, ...]  # other communities' names for it, with community and source
    code: tuple[str, ...]  # the code identifiers it explains: api path, its snippets' and its notes' code (search)
    code_names: tuple[str, ...]  # the identifiers that name it in code (crosswalk kind code): search weighs them more
    summary: str
    notes_text: str  # the notes' text as plain lines (corrections applied)
    tags: tuple[str, ...]
    main_tag: str  # its first tag (UNTAGGED without one): its block on the map, its colour
    sort_key: tuple[str, str]  # the A–Z order (curate.a_to_z)
    date: TermDate
    neighbours: Neighbours
    snippets: tuple[str, ...]  # site paths of the snippets that serve it
    plot: str | None  # site path of the first plot among them
    sections: tuple[str, ...]  # the page sections its examples and walkthroughs add
    note: str
    note_source: str
    learn_more: tuple[Link, ...]
    compare: tuple[tuple[tuple[str, ...], str], ...]  # (other slugs, how they differ)
    lifecycle: Lifecycle

    @property
    def labelled_summary(self) -> str:
        """The one-line definition with its status in front ("Deprecated since …: …"), as lists show it."""
        return f"{self.lifecycle.short}: {self.summary}" if self.lifecycle.short else self.summary

    @property
    def alternate_names(self) -> tuple[str, ...]:
        """Every name besides the title (aliases, the notes' spellings, other names), as search indexes them."""
        return tuple(n.text for n in self.names[1:])


def _names(term: Term) -> tuple[Name, ...]:
    """The title, then each other name once (a name that differs from the title only in case is the title)."""
    out = [Name(term.title, "title", search_key(term.title))]
    seen = {term.title}
    others = [o.name for o in term.other_names]
    for kind, texts in (("alias", term.aliases), ("notes", term.notes_titles), ("other", others)):
        for text in texts:
            if text not in seen and text.casefold() != term.title.casefold():
                seen.add(text)
                out.append(Name(text, kind, search_key(text)))
    return tuple(out)


def notes_text(term: Term, corrections: dict[str, str]) -> str:
    """The notes' own text of a term as plain lines (corrections applied), for the study cards."""
    return "\n".join(apply_corrections(line.stripped, corrections)
                     for definition in term.definitions for line in definition.lines if not line.is_blank)


@dataclass(frozen=True)
class Build:
    """What one build knows: the glossary, one record per term, and what the site needs beside them."""

    inputs: Inputs
    glossary: Glossary
    records: tuple[TermRecord, ...]
    history: History
    links: dict[str, PageLinks]  # slug -> its page's links and where it first mentions each term
    snippets: tuple[snippets.Snippet, ...]
    walkthroughs: tuple[notebooks.Notebook, ...]

    @functools.cached_property
    def by_slug(self) -> dict[str, TermRecord]:
        return {r.slug: r for r in self.records}



def _examples(inputs: Inputs, glossary: Glossary):
    """The snippets and walkthroughs that serve this glossary, the page sections they add, and their problems."""
    found, problems = snippets.discover()
    sections, served, attach_problems = snippets.attach(glossary, found, inputs.snippet_outputs,
                                                        strict_terms=inputs.is_default)
    walkthroughs, nb_problems = notebooks.discover()
    slugs = {t.slug for t in glossary.terms}
    walkthroughs = [n for n in walkthroughs if notebooks.executed_path(n, inputs.snippet_outputs).exists()
                    and (inputs.is_default or slugs.intersection(n.terms))]
    for slug, extra in notebooks.term_sections(walkthroughs, slugs).items():
        sections.setdefault(slug, []).extend(extra)
    return found, walkthroughs, sections, served, problems + attach_problems + nb_problems


def _first_plots(found: list[snippets.Snippet], served: dict[str, list[str]], outputs: Path) -> dict[str, str]:
    """slug -> site path of the first plot of the first snippet that serves the term."""
    by_rel = {s.rel: s for s in found}
    plots: dict[str, str] = {}
    for slug, rels in served.items():
        for rel in rels:
            output = snippets.read_output(by_rel[rel], outputs)
            if output and output.images:
                plots[slug] = f"{snippets.SITE_OUTPUTS}/{by_rel[rel].name}/{output.images[0]}"
                break
    return plots


def _mention_order(sources: list[str], term: Term, glossary: Glossary) -> tuple[str, ...]:
    """Terms mentioning ``term``: those sharing one of its tags first, then the others; A–Z in each."""
    tags = set(term.tags)

    def key(slug: str) -> tuple[bool, tuple[str, str]]:
        other = glossary.by_slug[slug]
        return not tags.intersection(other.tags), a_to_z(other.title, other.slug)
    return tuple(sorted(sources, key=key))


class ExamplesError(Exception):
    """The snippets or walkthroughs cannot be put on the pages (their problems say why)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Examples:
    """What the examples add to the terms: page sections, the snippets serving each, the first plot."""

    sections: dict[str, list[str]]
    served: dict[str, list[str]]
    plots: dict[str, str]


NO_EXAMPLES = Examples({}, {}, {})


def _codes(glossary: Glossary, examples: Examples, memo: Memo | None) -> dict[str, tuple[str, ...]]:
    """slug -> the code identifiers of the term (``code_index.identifiers``; a serve rebuild keeps
    those whose term and snippet files are unchanged)."""
    cache = load_api_cache(CACHE_DIR)
    known = len(cache)

    def codes(term: Term) -> tuple[str, ...]:
        return tuple(identifiers(term, [ROOT / rel for rel in examples.served.get(term.slug, [])], cache))
    if memo is None:
        out = {t.slug: codes(t) for t in glossary.terms}
    else:
        out = {}
        for t in glossary.terms:
            files = [(rel, *_stamp(ROOT / rel)) for rel in examples.served.get(t.slug, [])]
            out[t.slug] = memo.get("codes", t.slug, memo.key(memo.terms[t.slug], files), functools.partial(codes, t))
    if sum(isinstance(k, str) for k in cache) > known:
        save_api_cache(CACHE_DIR, cache)
    return out


def _stamp(path: Path) -> tuple[int, int]:
    """A file's modification time and size (0, -1 when missing): what says a snippet file changed."""
    try:
        stat = path.stat()
    except OSError:
        return 0, -1
    return stat.st_mtime_ns, stat.st_size


def _related(glossary: Glossary, graph: dict[str, list[str]], memo: Memo | None) -> dict[str, list[str]]:
    """``links.related_map``: it reads each term's slug, title and tags, and the link graph."""
    if memo is None:
        return related_map(glossary, graph)
    key = memo.key([(t.slug, t.title, t.tags) for t in glossary.terms], graph)
    return memo.get("related", "", key, lambda: related_map(glossary, graph))


def records_of(glossary: Glossary, links: dict[str, PageLinks], history: History | None = None,
               examples: Examples = NO_EXAMPLES, memo: Memo | None = None) -> tuple[TermRecord, ...]:
    """The records of ``glossary``: ``links`` is its link graph (``{}``: none, as in the search
    bench's synthetic glossaries), ``history`` its dates (None: not read). Not pure: it reads the
    files of the snippets in ``examples.served`` for their code identifiers (``code_index``).
    ``memo`` (a serve session's, started on these terms) keeps the per-term work of the previous
    rebuild whose inputs are unchanged."""
    graph = {t.slug: links[t.slug].targets if t.slug in links else [] for t in glossary.terms}
    codes = _codes(glossary, examples, memo)
    names = ({t.slug: memo.get("names", t.slug, memo.terms[t.slug], functools.partial(_names, t))
              for t in glossary.terms} if memo else {t.slug: _names(t) for t in glossary.terms})
    mentions = mentioned_in(graph) if links else {}
    related = _related(glossary, graph, memo) if links else {}  # without a link graph, every term would be an orphan
    dates = history.dates if history else {}
    no_date = TermDate(unknown=(history.unknown if history else "") or "not read")
    return tuple(TermRecord(
        term=t, slug=t.slug, first_slug=(t.old_slugs[0] if t.old_slugs else t.slug), old_slugs=tuple(t.old_slugs),
        url=term_url(t.slug), title=t.title, aliases=tuple(t.aliases), names=names[t.slug], related_words=tuple(t.related), questions=tuple(t.questions), messages=tuple(t.messages), crosswalk=tuple(t.other_names), code=codes[t.slug],
        code_names=tuple(t.code_names), summary=t.summary,
        notes_text=notes_text(t, glossary.corrections), tags=tuple(t.tags),
        main_tag=t.tags[0] if t.tags else UNTAGGED, sort_key=a_to_z(t.title, t.slug),
        date=dates.get(t.slug, no_date),
        neighbours=Neighbours(tuple(graph[t.slug]), _mention_order(mentions.get(t.slug, []), t, glossary),
                              tuple(related.get(t.slug, []))),
        snippets=tuple(examples.served.get(t.slug, [])), plot=examples.plots.get(t.slug),
        sections=tuple(examples.sections.get(t.slug, [])),
        note=t.note, note_source=t.note_source, learn_more=tuple(t.learn_more),
        compare=tuple((tuple(others), difference) for others, difference in t.compare),
        lifecycle=_lifecycle(t),
    ) for t in glossary.terms)


def _page_links(glossary: Glossary, memo: Memo | None) -> dict[str, PageLinks]:
    """``links.all_page_links``; a serve rebuild renders again only the terms whose text, or the
    names that autolink, or the notes' corrections changed (all that ``page_links`` reads)."""
    names = linkable_names(glossary)
    if memo is None:
        return all_page_links(glossary, names)
    shared = memo.key(names, glossary.corrections)
    return {t.slug: memo.get("links", t.slug, memo.key(memo.terms[t.slug], shared),
                             functools.partial(page_links, t, glossary, names)) for t in glossary.terms}


def assemble(inputs: Inputs, glossary: Glossary, memo: Memo | None = None) -> Build:
    """The build of ``glossary``: its examples attached, its dates read from git, its link graph drawn.

    ``memo``: a serve session's, which keeps the per-term work of its previous rebuild (``mlterms.memo``).
    Raises ``ExamplesError`` when a snippet or walkthrough cannot be used.
    """
    global ASSEMBLIES
    ASSEMBLIES += 1
    found, walkthroughs, sections, served, problems = _examples(inputs, glossary)
    if problems:
        raise ExamplesError(problems)
    history = read_history(inputs, glossary)
    if memo is not None:
        memo.start(glossary.terms)  # the terms as every step below reads them
    links = _page_links(glossary, memo)
    examples = Examples(sections, served, _first_plots(found, served, inputs.snippet_outputs))
    records = records_of(glossary, links, history, examples, memo)
    return Build(inputs, glossary, records, history, links, tuple(found), tuple(walkthroughs))


# --- handing the build to the MkDocs process ----------------------------------------------------------


def hand_over(build: Build, folder: Path) -> dict[str, str]:
    """Pickle ``build`` into ``folder``; returns the environment that makes the hook use it."""
    path = folder / "build.pickle"
    with path.open("wb") as out:
        pickle.dump(build, out, protocol=pickle.HIGHEST_PROTOCOL)
    return {HANDOFF_ENV: str(path)}


def handed_over() -> Build | None:
    """The build ``scripts/build.py`` handed to this process, if it did (else None: assemble here)."""
    path = os.environ.get(HANDOFF_ENV)
    if not path or not Path(path).is_file():
        return None
    with open(path, "rb") as handle:
        return pickle.load(handle)
