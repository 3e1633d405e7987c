"""History -> the What's new page and its Atom feed: the same changes, for a reader and for a feed reader.

The changes come from :mod:`mlterms.history` (git, never the build date).
The page groups them by day, newest first; a commit that touched many terms
at once folds into one line that opens. The feed is written by ``feedgen``
(a maintained Atom writer: escaping and the required elements are its job),
one entry per change (a large commit folded into one, as on the page), linking to the term's page with an id that never
changes between builds (a tag: URI from the site's host, the day and the commit).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from mlterms.history import KINDS, NO_HISTORY, Change, History, long_date
from mlterms.notes.front_matter import front_matter
from mlterms.notes.markup import escape, link
from mlterms.outputs.term_page import term_href
from mlterms.outputs.urls import public_url
from mlterms.record import TermRecord

PAGE = "whats-new.md"
PAGE_URL = "whats-new/"
FEED = "feed.xml"
PAGE_LIMIT = 400  # changes listed on the page (the newest); the rest is in git
FEED_LIMIT = 50  # entries in the feed: what a feed reader needs to catch up
FOLD_FROM = 20  # a commit changing this many terms or more is one line that opens

def _day_groups(changes: list[Change]) -> dict[str, list[Change]]:
    days: dict[str, list[Change]] = {}
    for change in changes:
        days.setdefault(long_date(change.commit.date), []).append(change)
    return days


def _item(change: Change, records: dict[str, TermRecord], current: dict[str, str], from_dir: str = "") -> str:
    if change.kinds == ("first",):
        return f"- {escape(change.summary[:1].upper() + change.summary[1:])} (see the {link('A–Z index', term_href('index', from_dir))})"
    slug = current.get(change.slug, change.slug)
    name = link(change.title, term_href(slug, from_dir)) if slug in records else escape(change.title)
    return f"- {name} — {escape(change.summary)}"


def _commit_runs(changes: list[Change]) -> list[list[Change]]:
    runs: list[list[Change]] = []
    for change in changes:
        if runs and runs[-1][0].commit.sha == change.commit.sha:
            runs[-1].append(change)
        else:
            runs.append([change])
    return runs


def _fold_label(run: list[Change]) -> str:
    counts = Counter(kind for change in run for kind in change.kinds)
    kinds = ", ".join(f"{KINDS[k]} ({n})" for k, n in counts.most_common())
    return f"{len(run)} terms changed in one commit: {kinds}"


def render_page(history: History, records: tuple[TermRecord, ...]) -> str:
    """whats-new.md: every change of the history, newest first, grouped by day (a change links its
    term's page while the term is in ``records``)."""
    by_slug = {r.slug: r for r in records}
    out = [front_matter({"title": "What's new",
                         "description": "Terms added or changed, newest first, with the date and what changed.",
                         "search": {"exclude": True}}),
           "# What's new", "",
           "Terms added or changed, newest first. Each date is the day the change was committed to the notes, "
           f"the curation file or the definitions file. Follow along with the [Atom feed]({FEED}).", ""]
    if history.unknown:
        out += [f"**{escape(NO_HISTORY[0].upper() + NO_HISTORY[1:])}** ({escape(history.unknown)}), "
                "so the changes cannot be listed here; every term page says the same instead of a date.", ""]
        return "\n".join(out)
    if not history.changes:
        out += ["No change to list yet.", ""]
        return "\n".join(out)
    shown = history.changes[:PAGE_LIMIT]
    for day, changes in _day_groups(shown).items():
        out += [f"## {escape(day)}", ""]
        for run in _commit_runs(changes):
            items = [_item(c, by_slug, history.current) for c in run]
            if len(run) < FOLD_FROM:
                out += items + [""]
            else:
                out += ['<details class="whats-new-fold" markdown>',
                        f"<summary>{escape(_fold_label(run))}</summary>", "", *items, "", "</details>", ""]
    if len(history.changes) > len(shown):
        out += [f"{len(history.changes) - len(shown)} older changes are in the git history of the notes.", ""]
    elif not history.complete:
        out += [f"Older changes are in the git history of the notes (this list reads the last "
                f"{history.commits_read} commits).", ""]
    return "\n".join(out)


def _entry_id(host: str, change: Change) -> str:
    """A tag: URI (RFC 4151): the site's host, the day of the change, then what changed where."""
    what = change.slug or "glossary"
    return f"tag:{host},{change.commit.date:%Y-%m-%d}:{what}/{change.commit.sha[:12]}"


def feed_items(changes: list[Change]) -> list[list[Change]]:
    """The feed's entries, newest first: a commit that changed FOLD_FROM terms or more is one entry, as
    What's new folds it into one line (a subscriber is not handed one entry per term of it)."""
    items: list[list[Change]] = []
    for run in _commit_runs(changes):
        items.extend([run] if len(run) >= FOLD_FROM else [[change] for change in run])
    return items


def _folded_entry(entry, run: list[Change], host: str, site_name: str, site_url: str) -> None:
    commit = run[0].commit
    entry.id(f"tag:{host},{commit.date:%Y-%m-%d}:commit/{commit.sha[:12]}")
    entry.title(f"{site_name}: {_fold_label(run)}")
    entry.link(href=public_url(site_url, PAGE_URL))
    entry.updated(commit.date)
    entry.summary(", ".join(change.title for change in run))
    for kind in dict.fromkeys(kind for change in run for kind in change.kinds):
        entry.category(term=kind, label=KINDS[kind])


def feed(history: History, records: tuple[TermRecord, ...], site_name: str, site_url: str) -> bytes:
    """feed.xml: the newest changes as Atom entries, each linking to its term's page.

    ``updated`` is the newest change's commit date; without history (no
    entries) it is the build time, the only honest date a feed of nothing has.
    An entry of a term still in ``records`` links its page and carries its summary.
    """
    by_slug = {r.slug: r for r in records}
    host = urlsplit(site_url).hostname or "localhost"
    fg = FeedGenerator()
    fg.id(public_url(site_url, ""))
    fg.title(f"{site_name}: what's new")
    fg.subtitle("Terms added or changed, newest first.")
    fg.author({"name": site_name})
    fg.link(href=public_url(site_url, PAGE_URL), rel="alternate", type="text/html")
    fg.link(href=public_url(site_url, FEED), rel="self", type="application/atom+xml")
    fg.language("en")
    items = [] if history.unknown else feed_items(history.changes)[:FEED_LIMIT]
    fg.updated(items[0][0].commit.date if items else datetime.now(timezone.utc))
    for run in items:
        if len(run) > 1:
            _folded_entry(fg.add_entry(order="append"), run, host, site_name, site_url)
            continue
        change = run[0]
        slug = history.current.get(change.slug, change.slug)
        term = by_slug.get(slug)
        entry = fg.add_entry(order="append")
        entry.id(_entry_id(host, change))
        if change.kinds == ("first",):
            entry.title(f"{site_name}: {change.summary}")
            entry.link(href=public_url(site_url, "terms/"))
        else:
            entry.title(f"{change.title}: {change.summary}")
            entry.link(href=public_url(site_url, term.url if term else PAGE_URL))
        entry.updated(change.commit.date)
        entry.summary(term.summary if term and change.kinds != ("first",) else change.summary)
        for kind in change.kinds:
            entry.category(term=kind, label=KINDS[kind])
    return fg.atom_str(pretty=True)
